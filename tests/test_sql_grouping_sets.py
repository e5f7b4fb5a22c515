"""rollup / cube / groupingSets with grouping() and grouping_id(): answers as PySpark 4.3 gives
them for the same data (written out by hand from its output)."""

import pytest

from ember.errors import AnalysisException
from ember.sql import functions as F


@pytest.fixture
def df(spark):
    return spark.createDataFrame([("a", 1, 10), ("a", 2, 20), ("b", 1, None), (None, 3, 5)],
                                 "k string, v int, x int")


def _sorted(rows):
    return sorted((tuple(r) for r in rows), key=lambda t: tuple((v is not None, v) for v in t))


def test_rollup_with_grouping_and_grouping_id(df):
    r = df.rollup("k", "v").agg(F.sum("x"), F.grouping("k"), F.grouping_id(), F.grouping_id("k", "v"))
    assert r.columns == ["k", "v", "sum(x)", "grouping(k)", "grouping_id()", "grouping_id(k, v)"]
    assert [f.dataType.simpleString() for f in r.schema.fields] == [
        "string", "int", "bigint", "tinyint", "bigint", "bigint"]
    assert _sorted(r.collect()) == _sorted([
        (None, None, 5, 0, 1, 1), (None, None, 35, 1, 3, 3), (None, 3, 5, 0, 0, 0),
        ("a", None, 30, 0, 1, 1), ("a", 1, 10, 0, 0, 0), ("a", 2, 20, 0, 0, 0),
        ("b", None, None, 0, 1, 1), ("b", 1, None, 0, 0, 0)])


def test_grouping_sets(df):
    g = df.groupingSets([["k"], ["v"], []], "k", "v").agg(F.count("*"), F.grouping_id())
    assert g.columns == ["k", "v", "count(1)", "grouping_id()"]
    assert _sorted(g.collect()) == _sorted([
        (None, None, 1, 1), (None, None, 4, 3), (None, 1, 2, 2), (None, 2, 1, 2), (None, 3, 1, 2),
        ("a", None, 2, 1), ("b", None, 1, 1)])
    g2 = df.groupingSets([["k"], [F.col("v")]], "k", "v").agg(F.sum("v"))
    assert _sorted(g2.collect()) == _sorted([
        ("a", None, 3), (None, None, 3), ("b", None, 1), (None, 2, 2), (None, 3, 3), (None, 1, 2)])


def test_cube_reads_the_input_once(df):
    c = df.cube("k").agg(F.grouping("k").alias("gk"), F.sum("v"))
    assert _sorted(c.collect()) == _sorted([("a", 0, 3), ("b", 0, 1), (None, 0, 3), (None, 1, 7)])
    plan = c._jdf.queryExecution().optimizedPlan().treeString()
    assert "Expand" in plan and "Union" not in plan
    assert df.rollup("k").count().columns == ["k", "count"]
    assert df.rollup(F.col("k").alias("kk")).agg(F.sum("v")).columns == ["kk", "sum(v)"]


def test_grouping_errors(df):
    with pytest.raises(AnalysisException, match="UNSUPPORTED_GROUPING_EXPRESSION"):
        df.groupBy("k").agg(F.grouping("k"))
    with pytest.raises(AnalysisException, match="GROUPING_COLUMN_MISMATCH"):
        df.rollup("k").agg(F.grouping("v"))
    with pytest.raises(AnalysisException, match="GROUPING_ID_COLUMN_MISMATCH"):
        df.rollup("k", "v").agg(F.grouping_id("v"))
