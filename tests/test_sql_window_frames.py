"""first/last (ignoreNulls), first_value/last_value, nth_value and RANGE frames with value
offsets: answers as PySpark 4.3 gives them for the same data (written out by hand)."""

import datetime as dt

import pytest

from ember.errors import AnalysisException
from ember.sql import Window as W
from ember.sql import functions as F


@pytest.fixture
def df(spark):
    return spark.createDataFrame([("a", 1, None), ("a", 2, 20), ("a", 3, None), ("a", 5, 50), ("b", 1, 7),
                                  ("b", 4, None)], "k string, t int, v int")


def test_value_functions_over_frames(df):
    w = W.partitionBy("k").orderBy("t")
    wf = w.rowsBetween(W.unboundedPreceding, W.unboundedFollowing)
    r = df.select("k", "t", F.first("v").over(w), F.first("v", True).over(w), F.last("v").over(w),
                  F.last("v", True).over(wf), F.first_value("v").over(w), F.first_value("v", F.lit(True)).over(w),
                  F.last_value("v", F.lit(True)).over(w), F.nth_value("v", 2).over(w),
                  F.nth_value("v", 2, True).over(wf))
    running = "OVER (PARTITION BY k ORDER BY t ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
    whole = "OVER (PARTITION BY k ORDER BY t ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
    assert r.columns == ["k", "t", "first(v) " + running, "first(v) " + running, "last(v) " + running,
                         "last(v) " + whole, "first_value(v) " + running, "first_value(v) " + running,
                         "last_value(v) " + running, "nth_value(v, 2) " + running,
                         "nth_value(v, 2) ignore nulls " + whole]
    assert [tuple(x) for x in r.orderBy("k", "t").collect()] == [
        ("a", 1, None, None, None, 50, None, None, None, None, 50),
        ("a", 2, None, 20, 20, 50, None, 20, 20, 20, 50),
        ("a", 3, None, 20, None, 50, None, 20, 20, 20, 50),
        ("a", 5, None, 20, 50, 50, None, 20, 50, 20, 50),
        ("b", 1, 7, 7, 7, 7, 7, 7, 7, None, None),
        ("b", 4, 7, 7, None, 7, 7, 7, 7, None, None)]
    with pytest.raises(AnalysisException, match="WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE"):
        df.agg(F.nth_value("v", 2))


def test_range_frames_with_value_offsets(df, spark):
    r = df.select("k", "t", F.sum("t").over(W.partitionBy("k").orderBy("t").rangeBetween(-1, 1)).alias("s"),
                  F.count("v").over(W.partitionBy("k").orderBy("t").rangeBetween(-2, 0)).alias("c"),
                  F.collect_list("t").over(W.partitionBy("k").orderBy(F.col("t").desc())
                                           .rangeBetween(-1, W.unboundedFollowing)).alias("d"))
    assert [tuple(x) for x in r.orderBy("k", "t").collect()] == [
        ("a", 1, 3, 0, [2, 1]), ("a", 2, 6, 1, [3, 2, 1]), ("a", 3, 5, 1, [3, 2, 1]), ("a", 5, 5, 1, [5, 3, 2, 1]),
        ("b", 1, 1, 1, [1]), ("b", 4, 4, 0, [4, 1])]
    n = spark.createDataFrame([(1.0, 1), (1.5, 2), (3.0, 3), (None, 4)], "d double, x int")
    r = n.select("d", F.sum("x").over(W.orderBy("d").rangeBetween(-1, 1)).alias("s"),
                 F.sum("x").over(W.orderBy("d").rangeBetween(0, 0)).alias("z"))
    assert [tuple(x) for x in r.orderBy("x").collect()] == [(1.0, 3, 1), (1.5, 3, 2), (3.0, 3, 3), (None, 4, 4)]
    assert n.select(F.sum("x").over(W.orderBy("d").rangeBetween(-1, 1))).columns == [
        "sum(x) OVER (ORDER BY d ASC NULLS FIRST RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING)"]
    # Dates count days (PySpark's DataFrame API refuses bigint offsets over a date; SQL's day intervals mean this).
    d = spark.createDataFrame([(dt.date(2024, 1, 1), 1), (dt.date(2024, 1, 2), 2), (dt.date(2024, 1, 5), 3), (None, 4)],
                              "d date, x int")
    r = d.select("x", F.sum("x").over(W.orderBy("d").rangeBetween(-3, 0)).alias("s"))
    assert [tuple(x) for x in r.orderBy("x").collect()] == [(1, 1), (2, 3), (3, 5), (4, 4)]
    with pytest.raises(AnalysisException, match="RANGE_FRAME_MULTI_ORDER"):
        n.select(F.sum("x").over(W.orderBy("d", "x").rangeBetween(-1, 1)))
    with pytest.raises(AnalysisException, match="RANGE_FRAME_INVALID_TYPE"):
        spark.createDataFrame([("a",)], "s string").select(F.count("s").over(W.orderBy("s").rangeBetween(-1, 1)))
