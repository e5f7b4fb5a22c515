"""TPC-H's 22 queries through spark.sql() at scale factor 0.01, checked row by row against the
answers in tests/data/tpch/sf001-answers (written by DuckDB with tests/bench/tpch_bench.py;
PySpark 4.3 gives the same answers). Values are compared as the benchmark normalizes them:
decimals and doubles rounded to 2 places, dates as ISO text."""
import json
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data", "tpch", "sf001")
ANSWERS = os.path.join(HERE, "data", "tpch", "sf001-answers")
sys.path.insert(0, os.path.join(HERE, "bench"))
import tpch_bench  # noqa: E402  (the query texts and the normalization live there)


@pytest.fixture(scope="module")
def tpch(spark):
    for t in tpch_bench.TABLES:
        spark.read.parquet(os.path.join(DATA, t + ".parquet")).createOrReplaceTempView(t)
    yield spark
    for t in tpch_bench.TABLES:
        spark.catalog.dropTempView(t)


def _expected(number):
    with open(os.path.join(ANSWERS, "q%02d.jsonl" % number)) as f:
        return [json.loads(line) for line in f]


@pytest.mark.parametrize("number", range(1, 23))
def test_query(tpch, number):
    rows = tpch.sql(tpch_bench.query_text(number, 0.01)).collect()
    got = [tpch_bench.normalize_row(r) for r in rows]
    assert got == _expected(number)
