#!/usr/bin/env bash
# Engine benchmarks (issue: engine foundation), local[2]. Generates data on first run.
# JVM flags as ember-submit sets them (the throughput collector).
set -euo pipefail
source "$(dirname "$0")/bench_setup.sh" EngineBench.java
java -XX:+UseParallelGC -Xmx4g -cp "$jar:$classes" EngineBench "$data/text200.txt" "$data/pairs5m.txt"
java -XX:+UseParallelGC -Xmx512m -cp "$jar:$classes" EngineBench "$data/text200.txt" "$data/pairs5m.txt" heap
