# Sourced by the JVM benchmark scripts as `source bench_setup.sh BENCH.java...`: sets here, root,
# jar, data and classes; builds the engine jar if missing, generates the data on first run, and
# compiles the named bench sources (in this directory) into $classes, removed on exit.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/jvm/target/ember-engine-0.1.0-all.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
data="$here/data"
mkdir -p "$data"
[ -f "$data/text200.txt" ] || python3 "$root/tests/bench/gen/gen_text.py" "$data/text200.txt" --mb 200
[ -f "$data/pairs5m.txt" ] || python3 "$root/tests/bench/gen/gen_pairs.py" "$data/pairs5m.txt" --rows 5000000
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" -cp "$jar" "${@/#/$here/}"
