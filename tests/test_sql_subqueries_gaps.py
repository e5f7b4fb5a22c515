"""Subquery leftovers of issue 10, answers from PySpark 4.3 (ANSI off): a subquery over the
same temporary view as its outer query (the view's columns made inside the view, not at a leaf,
used to compare a column with itself), and NOT IN as a value (select list, under OR, in an
aggregate's FILTER), null-aware as Spark's existence join, one and several columns."""

import pytest

VALUES = "VALUES (1, 'a', 10), (1, 'b', 20), (2, 'a', 30), (null, 'c', 5), (3, null, 1)"


@pytest.fixture
def sv(spark):
    spark.sql(f"CREATE OR REPLACE TEMP VIEW sqg_v AS SELECT * FROM {VALUES} AS t(a, b, c)")
    yield "sqg_v"
    spark.catalog.dropTempView("sqg_v")


def rows(df):
    return [tuple(r) for r in df.collect()]


def test_subqueries_over_the_outer_querys_own_view(spark, sv):
    assert rows(spark.sql(f"SELECT a, b FROM {sv} WHERE a IN (SELECT a FROM {sv} WHERE c > 10) ORDER BY a, b")) == [
        (1, "a"), (1, "b"), (2, "a")]
    assert rows(spark.sql(f"SELECT a, b FROM {sv} WHERE (a, b) NOT IN (SELECT a, b FROM {sv} WHERE c > 10) "
                          "ORDER BY a, b")) == [(None, "c"), (1, "a"), (3, None)]
    assert rows(spark.sql(f"SELECT a, b, a IN (SELECT a FROM {sv} WHERE c > 10) AS x FROM {sv} ORDER BY a, b")) == [
        (None, "c", False), (1, "a", True), (1, "b", True), (2, "a", True), (3, None, False)]
    assert rows(spark.sql(f"SELECT a, b, EXISTS (SELECT 1 FROM {sv} s WHERE s.c > 10 AND s.a = {sv}.a) AS x "
                          f"FROM {sv} ORDER BY a, b")) == [
        (None, "c", False), (1, "a", True), (1, "b", True), (2, "a", True), (3, None, False)]


def test_multi_column_not_in_as_a_value_is_null_aware(spark, sv):
    df = spark.sql(f"SELECT a, b, (a, b) NOT IN (SELECT a, b FROM {sv} WHERE c > 10) AS x FROM {sv} ORDER BY a, b")
    assert df.count() == 5
    assert rows(df) == [(None, "c", True), (1, "a", True), (1, "b", False), (2, "a", False), (3, None, True)]
    # the query holds (null, 'c'): a row with a null it might equal is not NOT IN
    assert rows(spark.sql(f"SELECT a, b, (a, b) NOT IN (SELECT a, b FROM {sv} WHERE c >= 5) AS x FROM {sv} "
                          "ORDER BY a, b")) == [(None, "c", False), (1, "a", False), (1, "b", False), (2, "a", False),
                                                (3, None, False)]
    assert rows(spark.sql(f"SELECT a, (a, b) NOT IN (SELECT a, b FROM {sv} WHERE c < 0) AS x FROM {sv} ORDER BY a")) == [
        (None, True), (1, True), (1, True), (2, True), (3, True)]


def test_single_column_not_in_as_a_value(spark, sv):
    # a null value against a query with rows: false, as Spark's existence join (never null)
    assert rows(spark.sql(f"SELECT a, b, a NOT IN (SELECT a FROM {sv} WHERE c > 10) AS x FROM {sv} ORDER BY a, b")) == [
        (None, "c", False), (1, "a", False), (1, "b", False), (2, "a", False), (3, None, True)]
    assert rows(spark.sql(f"SELECT count(*) FILTER (WHERE a NOT IN (SELECT a FROM {sv} WHERE c > 20)) AS n FROM {sv}")) == [(3,)]
    assert rows(spark.sql(f"SELECT a, b FROM {sv} WHERE (a, b) NOT IN (SELECT a, b FROM {sv} WHERE c > 10) OR c = 30 "
                          "ORDER BY a, b")) == [(None, "c"), (1, "a"), (2, "a"), (3, None)]


def test_correlated_not_in_as_a_value(spark):
    v = ("(SELECT * FROM VALUES (1, 'a', 10), (1, 'b', 20), (2, 'a', 30), (null, 'c', 5), (3, null, 1), "
         "(2, null, 7) AS t(a, b, c))")
    assert rows(spark.sql(f"SELECT a, b, c, b NOT IN (SELECT s.b FROM {v} s WHERE s.a = o.a AND s.c > 8) AS x "
                          f"FROM {v} o ORDER BY a, b, c")) == [
        (None, "c", 5, True), (1, "a", 10, False), (1, "b", 20, False), (2, None, 7, False), (2, "a", 30, False),
        (3, None, 1, True)]
    assert rows(spark.sql(f"SELECT a, b, c, (b, c) NOT IN (SELECT s.b, s.c + 1 FROM {v} s WHERE s.a = o.a + 1) AS x "
                          f"FROM {v} o ORDER BY a, b, c")) == [
        (None, "c", 5, True), (1, "a", 10, True), (1, "b", 20, True), (2, None, 7, True), (2, "a", 30, True),
        (3, None, 1, True)]
