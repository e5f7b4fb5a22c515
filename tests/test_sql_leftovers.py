"""Issue 10's SQL leftovers (session 15), each answer checked against PySpark 4.3
(/work/pyspark-venv, spark.sql.ansi.enabled=false, UTC): SQL's unary minus named ``(- x)``,
years past 9999 printed with Spark's ``+``."""

import pytest


def rows(df):
    return [tuple(r) for r in df.collect()]


def test_sql_unary_minus_is_named_as_an_operator(spark):
    df = spark.sql("SELECT -x, negative(x), - x, -(x), -(-x), -x + 1, -1, -1.5, -INTERVAL 1 DAY "
                   "FROM (SELECT 1 AS x)")
    assert df.columns == ["(- x)", "negative(x)", "(- x)", "(- x)", "(- (- x))", "((- x) + 1)", "-1", "-1.5",
                          "(- INTERVAL '1' DAY)"]
    assert rows(df)[0][:7] == (-1, -1, -1, -1, 1, 0, -1)


def test_dataframe_minus_keeps_the_function_name(spark):
    from ember.sql import functions as F
    df = spark.sql("SELECT 1 AS x")
    assert df.select(-F.col("x"), F.negative("x")).columns == ["negative(x)", "negative(x)"]


def test_years_after_9999_print_with_a_plus(spark):
    df = spark.sql("SELECT cast(make_date(10000, 1, 1) AS string) a, cast(make_date(-1, 1, 1) AS string) b, "
                   "cast(make_date(0, 1, 1) AS string) c, "
                   "cast(timestamp'9999-12-31 23:00:00' + INTERVAL 1 DAY AS string) t, "
                   "cast(make_date(10000, 1, 1) AS timestamp)::string u, "
                   "to_json(named_struct('d', make_date(10000, 1, 1))) j")
    assert rows(df) == [("+10000-01-01", "-0001-01-01", "0000-01-01", "+10000-01-01 23:00:00",
                         "+10000-01-01 00:00:00", '{"d":"+10000-01-01"}')]


def test_show_prints_years_after_9999_with_a_plus(spark, capsys):
    spark.sql("SELECT make_date(10000, 1, 1) a, timestamp'9999-12-31 23:00:00' + INTERVAL 1 DAY t, "
              "make_timestamp(10000, 1, 1, 0, 0, 0) m, CAST(make_date(10000, 1, 1) AS timestamp_ntz) n").show(truncate=False)
    out = capsys.readouterr().out
    assert "|+10000-01-01|+10000-01-01 23:00:00|+10000-01-01 00:00:00|+10000-01-01 00:00:00|" in out
