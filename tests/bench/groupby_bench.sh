#!/usr/bin/env bash
# db-benchmark groupby (q1-q5, q7, q10) on the same data in one run: Ember, then PySpark,
# DuckDB and Polars when their virtual environments exist. Peers are never Ember dependencies:
#   PYSPARK_PY  python with pyspark          (default /work/pyspark-venv/bin/python)
#   PEERS_PY    python with duckdb and polars (default /work/peers-venv/bin/python)
#   EMBER_PY    python with ember installed   (default python3)
#   ROWS        rows to generate              (default 10000000)
# Usage: tests/bench/groupby_bench.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-2}"
rows="${ROWS:-10000000}"
data="$here/data/groupby$((rows / 1000000))m.csv"
pyspark_py="${PYSPARK_PY:-/work/pyspark-venv/bin/python}"
peers_py="${PEERS_PY:-/work/peers-venv/bin/python}"
ember_py="${EMBER_PY:-python3}"
mkdir -p "$here/data"
if [ ! -f "$data" ]; then
    gen_py="$peers_py"; [ -x "$gen_py" ] || gen_py=python3   # the generator needs numpy
    "$gen_py" "$here/gen/gen_groupby.py" "$data" --rows "$rows"
fi
[ -f "$root/jvm/target/ember-engine-0.1.0-all.jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
echo "data: $data ($rows rows); load average $(cut -d' ' -f1-3 /proc/loadavg)"
EMBER_ENGINE_JAR="$root/jvm/target/ember-engine-0.1.0-all.jar" PYTHONPATH="$root/python" \
    "$ember_py" "$here/groupby_bench.py" --engine ember --runs "$runs" "$data"
[ -x "$pyspark_py" ] && "$pyspark_py" "$here/groupby_bench.py" --engine pyspark --runs "$runs" "$data" 2> >(grep -v WARN >&2)
if [ -x "$peers_py" ]; then
    "$peers_py" "$here/groupby_bench.py" --engine duckdb --runs "$runs" "$data"
    "$peers_py" "$here/groupby_bench.py" --engine polars --runs "$runs" "$data"
fi
