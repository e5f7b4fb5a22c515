"""Subqueries through PySpark 4's DataFrame API (``df.scalar()``, ``df.exists()``,
``col.isin(df)``, ``Column.outer()``), run as joins. Expected answers are PySpark 4.3's on the
same data (checked in /work/pyspark-venv), nulls included."""

import pytest

from ember.errors import AnalysisException
from ember.sql import functions as F


@pytest.fixture
def t(spark):
    return spark.createDataFrame([(1, 10), (2, None), (None, 30), (3, 40)], "k int, v int")


@pytest.fixture
def s(spark):
    return spark.createDataFrame([(1, 100), (1, 101), (None, 102), (4, 103)], "k int, w int")


def rows(df):
    return sorted((tuple(r) for r in df.collect()), key=repr)


def test_uncorrelated_scalar_names_and_values(t, s):
    df = t.select("k", s.select(F.max("w")).scalar())
    assert df.columns == ["k", "scalarsubquery()"]
    assert rows(df) == rows_of([(1, 103), (2, 103), (None, 103), (3, 103)])
    assert t.select("k", s.select(F.max("w")).scalar().alias("m")).columns == ["k", "m"]
    assert rows(t.select("k", s.where(F.col("k") > 100).select("w").scalar())) == rows_of(
        [(1, None), (2, None), (None, None), (3, None)])


def rows_of(tuples):
    return sorted(tuples, key=repr)


def test_scalar_of_two_rows_fails(t, s):
    with pytest.raises(Exception, match="SCALAR_SUBQUERY_TOO_MANY_ROWS"):
        t.select("k", s.select("w").scalar()).collect()


def test_in_and_not_in_with_nulls(t, s):
    assert rows(t.where(F.col("k").isin(s.select("k")))) == [(1, 10)]
    assert rows(t.where(~F.col("k").isin(s.select("k")))) == []
    assert rows(t.where(~F.col("k").isin(s.where(F.col("k").isNotNull()).select("k")))) == rows_of(
        [(2, None), (3, 40)])
    assert rows(t.where(~F.col("k").isin(s.where(F.col("k") > 100).select("k")))) == rows_of(
        [(1, 10), (2, None), (None, 30), (3, 40)])


def test_correlated_exists(t, s):
    matching = s.alias("b").where(F.col("b.k") == F.col("a.k").outer())
    assert rows(t.alias("a").where(matching.exists())) == [(1, 10)]
    assert rows(t.alias("a").where(~matching.exists())) == rows_of([(2, None), (None, 30), (3, 40)])
    greater = s.alias("b").where(F.col("b.k") > F.col("a.k").outer())
    assert rows(t.alias("a").where(greater.exists())) == rows_of([(1, 10), (2, None), (3, 40)])


def test_correlated_scalar_count_bug(t, s):
    sub = s.alias("b").where(F.col("b.k") == F.col("a.k").outer())
    df = t.alias("a").select("k", sub.select(F.count("*")).scalar())
    assert df.columns == ["k", "scalarsubquery(k)"]
    assert rows(df) == rows_of([(None, 0), (1, 2), (3, 0), (2, 0)])
    assert rows(t.alias("a").select("k", sub.select(F.count("*") + 1).scalar())) == rows_of(
        [(None, 1), (1, 3), (3, 1), (2, 1)])
    assert rows(t.alias("a").select("k", sub.select(F.sum("w")).scalar())) == rows_of(
        [(None, None), (1, 201), (3, None), (2, None)])


def test_pyspark_docstring_example(spark):
    employees = spark.createDataFrame(
        [(1, "Alice", 45000, 101), (2, "Bob", 54000, 101), (3, "Charlie", 29000, 102),
         (4, "David", 61000, 102), (5, "Eve", 48000, 101)],
        ["id", "name", "salary", "department_id"])
    above = employees.alias("e1").where(
        F.col("salary") > employees.alias("e2").where(
            F.col("e2.department_id") == F.col("e1.department_id").outer()
        ).select(F.avg("salary")).scalar()
    ).select("name", "salary", "department_id").orderBy("name")
    assert [tuple(r) for r in above.collect()] == [("Bob", 54000, 101), ("David", 61000, 102)]
    overall = employees.where(F.col("salary") > employees.select(F.avg("salary")).scalar())
    assert sorted(r.name for r in overall.collect()) == ["Bob", "David", "Eve"]


def test_unsupported_correlation_is_an_analysis_error(t, s):
    # not aggregated, non-equality: Spark 4 answers it (checking for one row at run time); Ember still refuses it.
    # A global aggregate over it is answered (tests/test_sql_subqueries_domain.py).
    non_equality = s.alias("b").where(F.col("b.k") > F.col("a.k").outer()).select("w")
    with pytest.raises(AnalysisException, match="UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY"):
        t.alias("a").select("k", non_equality.scalar())
    with pytest.raises(AnalysisException, match="UNRESOLVED_COLUMN"):
        t.alias("a").where(s.alias("b").where(F.col("b.k") == F.col("a.nope").outer()).exists())


def test_outer_repr():
    assert repr(F.col("t.k").outer()) == "Column<'outer(t.k)'>"
