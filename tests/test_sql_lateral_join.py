"""DataFrame.lateralJoin (PySpark 4): the right side reads the left's columns through
``outer()``; answers and errors as PySpark 4.3 gives them for the same frames."""

import pytest

from ember.errors import AnalysisException
from ember.sql import functions as F


@pytest.fixture(scope="module")
def tu(spark):
    t = spark.createDataFrame([(1, 10), (1, 20), (2, 5), (3, 7)], "k int, v int").alias("t")
    u = spark.createDataFrame([(1, 100), (2, 1), (2, 2)], "k int, w int").alias("u")
    return t, u


def tuples(df):
    return [tuple(r) for r in df.collect()]


def matches(u):
    return u.where(F.col("u.k") == F.col("t.k").outer())


def test_inner_and_left_lateral_joins(tu):
    t, u = tu
    inner = t.lateralJoin(matches(u).select(F.col("w"))).orderBy("k", "v", "w")
    assert inner.columns == ["k", "v", "w"]
    assert tuples(inner) == [(1, 10, 100), (1, 20, 100), (2, 5, 1), (2, 5, 2)]
    left = t.lateralJoin(matches(u).select(F.col("w")), how="left").orderBy("k", "v", "w")
    assert tuples(left) == [(1, 10, 100), (1, 20, 100), (2, 5, 1), (2, 5, 2), (3, 7, None)]


def test_lateral_join_with_a_condition_and_without_correlation(tu):
    t, u = tu
    cond = t.lateralJoin(matches(u), F.col("t.v") > 6).orderBy("t.k", "v", "w")
    assert cond.columns == ["k", "v", "k", "w"]
    assert tuples(cond) == [(1, 10, 1, 100), (1, 20, 1, 100)]
    cross = t.lateralJoin(u.select("w"), how="cross").orderBy("k", "v", "w")
    assert len(tuples(cross)) == 12
    nonequi = t.lateralJoin(u.where(F.col("u.w") > F.col("t.v").outer()).select("w"), how="left")
    assert sorted(tuples(nonequi)) == [(1, 10, 100), (1, 20, 100), (2, 5, 100), (3, 7, 100)]


def test_lateral_join_types_spark_refuses(tu):
    t, u = tu
    with pytest.raises(AnalysisException) as e:
        t.lateralJoin(u, how="right")
    assert str(e.value).startswith("[UNSUPPORTED_JOIN_TYPE] Unsupported join type 'right'. Supported join "
                                   "types include: 'inner', 'leftouter', 'left', 'left_outer', 'cross'.")


def test_correlated_global_aggregate_gives_one_row_per_left_row(tu):
    # PySpark 4.3: one row per left row; count over no rows is 0, sum null (the count bug avoided).
    t, u = tu
    agg = matches(u).select(F.sum("w").alias("s"), F.count("*").alias("c"))
    inner = t.lateralJoin(agg).orderBy("k", "v")
    assert inner.columns == ["k", "v", "s", "c"]
    assert tuples(inner) == [(1, 10, 100, 1), (1, 20, 100, 1), (2, 5, 3, 2), (3, 7, None, 0)]
    left = t.lateralJoin(agg, how="left").orderBy("k", "v")
    assert tuples(left) == tuples(inner)
    on = t.lateralJoin(agg, F.col("c") > 0).orderBy("k", "v")
    assert tuples(on) == [(1, 10, 100, 1), (1, 20, 100, 1), (2, 5, 3, 2)]


def test_correlated_global_aggregate_with_a_non_equality_is_refused(tu):
    t, u = tu
    below = u.where(F.col("u.k") > F.col("t.k").outer()).select(F.sum("w").alias("s"))
    with pytest.raises(AnalysisException) as e:
        t.lateralJoin(below)
    assert e.value.getErrorClass().startswith("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.")
