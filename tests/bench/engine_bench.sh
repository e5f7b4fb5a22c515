#!/usr/bin/env bash
# Engine benchmarks (issue: engine foundation), local[2]. Generates data on first run.
# JVM flags as ember-submit sets them (the throughput collector).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/jvm/target/ember-engine-0.1.0-all.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
data="$here/data"
mkdir -p "$data"
[ -f "$data/text200.txt" ] || python3 "$root/../shared/bench/gen_text.py" "$data/text200.txt" --mb 200
[ -f "$data/pairs5m.txt" ] || python3 "$root/../shared/bench/gen_pairs.py" "$data/pairs5m.txt" --rows 5000000
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" -cp "$jar" "$here/EngineBench.java"
java -XX:+UseParallelGC -Xmx4g -cp "$jar:$classes" EngineBench "$data/text200.txt" "$data/pairs5m.txt"
java -XX:+UseParallelGC -Xmx512m -cp "$jar:$classes" EngineBench "$data/text200.txt" "$data/pairs5m.txt" heap
