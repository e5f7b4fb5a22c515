"""Correlated scalar subqueries over a global aggregate whose correlated predicates are not
equalities, decorrelated as Spark 4 does (a join with the aggregate over the outer values'
domain joined with the subquery's input); answers as PySpark 4.3 gives them."""

import pytest


@pytest.fixture(scope="module")
def views(spark):
    spark.createDataFrame([(1, 10), (1, 20), (2, 5), (3, None), (None, 1)],
                          "k int, v int").createOrReplaceTempView("dt")
    spark.createDataFrame([(1, 30, 100), (2, 5, 7), (2, 6, 8), (4, 1, 1)],
                          "k int, w int, x int").createOrReplaceTempView("du")
    return spark


def rows(spark, q):
    return [tuple(r) for r in spark.sql(q).collect()]


def test_greater_than_correlation_below_max(views):
    assert rows(views, "SELECT k, (SELECT max(x) FROM du WHERE du.k > dt.k) m FROM dt ORDER BY k NULLS LAST, v") == [
        (1, 8), (1, 8), (2, 1), (3, 1), (None, None)]


def test_expression_equality_below_an_aggregate(views):
    assert rows(views, "SELECT k, (SELECT max(x) FROM du WHERE du.k + 1 = dt.k + 1) m FROM dt "
                       "ORDER BY k NULLS LAST, v") == [(1, 100), (1, 100), (2, 8), (3, None), (None, None)]


def test_count_over_no_rows_is_zero(views):
    assert rows(views, "SELECT k, (SELECT count(*) FROM du WHERE du.k > dt.k) c FROM dt ORDER BY k NULLS LAST, v") == [
        (1, 3), (1, 3), (2, 1), (3, 1), (None, 0)]


def test_in_a_filter_and_mixed_with_an_equality(views):
    assert rows(views, "SELECT * FROM dt WHERE v > (SELECT max(w) FROM du WHERE du.k < dt.k) ORDER BY k") == []
    assert rows(views, "SELECT k, v FROM dt WHERE v < (SELECT sum(x) FROM du WHERE du.k >= dt.k AND du.w > 4) "
                       "ORDER BY k, v") == [(1, 10), (1, 20), (2, 5)]
