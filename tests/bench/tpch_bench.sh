#!/usr/bin/env bash
# TPC-H's 22 queries on the same Parquet files in one run: Ember, then PySpark and DuckDB when
# their virtual environments exist. Peers are never Ember dependencies:
#   PYSPARK_PY  python with pyspark             (default /work/pyspark-venv/bin/python)
#   PEERS_PY    python with duckdb, tpchgen-cli (default /work/peers-venv/bin/python)
#   EMBER_PY    python with ember installed      (default python3)
#   SF          scale factor                     (default 1)
# Usage: tests/bench/tpch_bench.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-1}"
sf="${SF:-1}"
data="$here/data/tpch-sf${sf//./}"
pyspark_py="${PYSPARK_PY:-/work/pyspark-venv/bin/python}"
peers_py="${PEERS_PY:-/work/peers-venv/bin/python}"
ember_py="${EMBER_PY:-python3}"
if [ ! -f "$data/lineitem.parquet" ]; then
    "$(dirname "$peers_py")/tpchgen-cli" parquet -s "$sf" --output-dir="$data"
fi
[ -f "$root/jvm/target/ember-engine-0.1.0-all.jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
echo "data: $data (SF $sf); load average $(cut -d' ' -f1-3 /proc/loadavg)"
EMBER_ENGINE_JAR="$root/jvm/target/ember-engine-0.1.0-all.jar" PYTHONPATH="$root/python" \
    "$ember_py" "$here/tpch_bench.py" --engine ember --sf "$sf" --runs "$runs" "$data"
[ -x "$pyspark_py" ] && "$pyspark_py" "$here/tpch_bench.py" --engine pyspark --sf "$sf" --runs "$runs" "$data" \
    2> >(grep -v WARN >&2)
[ -x "$peers_py" ] && "$peers_py" "$here/tpch_bench.py" --engine duckdb --sf "$sf" --runs "$runs" "$data"
