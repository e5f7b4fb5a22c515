"""Issue 10's SQL leftovers (session 15), each answer checked against PySpark 4.3
(/work/pyspark-venv, spark.sql.ansi.enabled=false, UTC): SQL's unary minus named ``(- x)``,
years past 9999 printed with Spark's ``+``."""

from decimal import Decimal

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


BIG = "CAST('9999999999999999999999999999999999.9999' AS DECIMAL(38, 4))"


@pytest.fixture
def ansi(spark):
    spark.conf.set("spark.sql.ansi.enabled", "true")
    yield
    spark.conf.set("spark.sql.ansi.enabled", "false")


def test_decimal_sum_overflow_under_ansi_raises_as_spark(spark, ansi):
    from ember.errors import ArithmeticException
    # without keys the sum stays exact until the end (PySpark: the value that does not fit)
    with pytest.raises(ArithmeticException) as e:
        spark.sql(f"SELECT sum(x) FROM VALUES ({BIG}), ({BIG}) AS t(x)").collect()
    assert e.value.getCondition() == "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION"
    assert e.value.getMessage().startswith(
        "[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION]  19999999999999999999999999999999999.9998 cannot be "
        "represented as Decimal(38, 4). If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error, "
        "and return NULL instead. SQLSTATE: 22003")
    with pytest.raises(ArithmeticException) as e:
        spark.sql(f"SELECT sum(x) FROM (SELECT * FROM VALUES ({BIG}), ({BIG}) AS t(x) UNION ALL SELECT 1)").collect()
    assert "20000000000000000000000000000000000.9998 cannot be represented as Decimal(38, 4)" in e.value.getMessage()
    # grouped: Spark's hash buffer drops the sum, and its check reports the overflow
    with pytest.raises(ArithmeticException) as e:
        spark.sql(f"SELECT k, sum(x) FROM (SELECT * FROM VALUES (1, {BIG}), (1, {BIG}) AS t(k, x) "
                  "UNION ALL SELECT 1, 1) GROUP BY k").collect()
    assert e.value.getCondition() == "ARITHMETIC_OVERFLOW"
    assert e.value.getMessage().startswith(
        "[ARITHMETIC_OVERFLOW] Overflow in sum of decimals. Use 'try_sum' to tolerate overflow and return NULL "
        "instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003")
    with pytest.raises(ArithmeticException) as e:
        spark.sql(f"SELECT sum(x) OVER () FROM VALUES ({BIG}), ({BIG}) AS t(x)").collect()
    assert e.value.getCondition() == "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION"
    # sums that fit, nulls, and try_sum are unchanged
    assert rows(spark.sql(f"SELECT sum(x), try_sum(x) FROM VALUES ({BIG}), (null) AS t(x)")) == [
        (Decimal("9999999999999999999999999999999999.9999"), Decimal("9999999999999999999999999999999999.9999"))]
    assert rows(spark.sql(f"SELECT k, try_sum(x) FROM VALUES (1, {BIG}), (1, {BIG}) AS t(k, x) GROUP BY k")) == [
        (1, None)]


def test_decimal_sum_overflow_outside_ansi_is_null(spark):
    assert rows(spark.sql(f"SELECT sum(x), try_sum(x), avg(x) FROM VALUES ({BIG}), ({BIG}) AS t(x)")) == [
        (None, None, None)]
    assert rows(spark.sql(f"SELECT k, sum(x), try_sum(x) FROM VALUES (1, {BIG}), (1, {BIG}), (2, 1) AS t(k, x) "
                          "GROUP BY k ORDER BY k")) == [(1, None, None), (2, Decimal("1.0000"), Decimal("1.0000"))]


@pytest.mark.parametrize("arrow", ["true", "false"])
def test_day_time_intervals_through_pandas(spark, arrow):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    import datetime
    spark.conf.set("spark.sql.execution.arrow.pyspark.enabled", arrow)
    try:
        p = spark.sql("SELECT INTERVAL '1 02:03:04.5' DAY TO SECOND a, INTERVAL '3' DAY b, "
                      "CAST(null AS INTERVAL HOUR TO MINUTE) c, "
                      "INTERVAL '-1 00:00:00.000001' DAY TO SECOND d").toPandas()
        assert [str(t) for t in p.dtypes] == ["timedelta64[ns]"] * 4
        assert p.iloc[0, 0] == pd.Timedelta("1 days 02:03:04.5") and pd.isnull(p.iloc[0, 2])
        assert p.iloc[0, 1] == pd.Timedelta(days=3) and p.iloc[0, 3] == pd.Timedelta(days=-1, microseconds=-1)
        pdf = pd.DataFrame({"t": pd.to_timedelta(["1 days 02:03:04.5", None, "-3 us"]), "i": [1, 2, 3]})
        for df in (spark.createDataFrame(pdf), spark.createDataFrame(pdf, "t interval day to second, i long")):
            assert df.schema.simpleString() == "struct<t:interval day to second,i:bigint>"
            assert rows(df) == [(datetime.timedelta(days=1, seconds=7384, microseconds=500000), 1), (None, 2),
                                (datetime.timedelta(microseconds=-3), 3)]
        back = spark.createDataFrame(pdf).toPandas()
        assert str(back.dtypes["t"]) == "timedelta64[ns]" and back["t"].equals(pdf["t"])
        # nanoseconds are cut to Spark's microseconds
        assert rows(spark.createDataFrame(pd.DataFrame({"t": pd.to_timedelta(["1 ns"])}))) == [
            (datetime.timedelta(0),)]
    finally:
        spark.conf.unset("spark.sql.execution.arrow.pyspark.enabled")


def test_year_month_intervals_to_pandas_refuse_as_pyspark(spark):
    pytest.importorskip("pandas")
    from ember.errors import PySparkNotImplementedError
    with pytest.raises(PySparkNotImplementedError, match=r"\[NOT_IMPLEMENTED\] YearMonthIntervalType.fromInternal"):
        spark.sql("SELECT INTERVAL '1-2' YEAR TO MONTH y").toPandas()


@pytest.fixture
def lat(spark):
    spark.sql("CREATE OR REPLACE TEMP VIEW sg_lt(k, v) AS VALUES (1, 10), (2, 20), (3, 30), (4, null)")
    spark.sql("CREATE OR REPLACE TEMP VIEW sg_lu(k, w) AS VALUES (1, 100), (1, 101), (1, 102), (2, 200), (2, 201), "
              "(3, null)")
    yield spark
    spark.catalog.dropTempView("sg_lt")
    spark.catalog.dropTempView("sg_lu")


@pytest.mark.parametrize("q, cols, expected", [
    ("SELECT * FROM sg_lt JOIN LATERAL (SELECT sg_lt.v + w AS x FROM sg_lu WHERE sg_lu.k = sg_lt.k) s "
     "ON s.x > 105 ORDER BY 1, 3", ["k", "v", "x"],
     [(1, 10, 110), (1, 10, 111), (1, 10, 112), (2, 20, 220), (2, 20, 221)]),
    ("SELECT * FROM sg_lt LEFT JOIN LATERAL (SELECT sg_lt.v + w AS x FROM sg_lu WHERE sg_lu.k = sg_lt.k) s "
     "ON x > 105 ORDER BY 1, 3", ["k", "v", "x"],
     [(1, 10, 110), (1, 10, 111), (1, 10, 112), (2, 20, 220), (2, 20, 221), (3, 30, None), (4, None, None)]),
    ("SELECT * FROM sg_lt JOIN LATERAL (SELECT sg_lt.v AS ov, w FROM sg_lu WHERE sg_lu.k = sg_lt.k) s "
     "ON s.w > sg_lt.v * 10 ORDER BY 1, 4", ["k", "v", "ov", "w"],
     [(1, 10, 10, 101), (1, 10, 10, 102), (2, 20, 20, 201)]),
    ("SELECT * FROM sg_lt LEFT JOIN LATERAL (SELECT sg_lt.v * 2 AS d) s ON s.d > 25 ORDER BY 1", ["k", "v", "d"],
     [(1, 10, None), (2, 20, 40), (3, 30, 60), (4, None, None)]),
    ("SELECT * FROM sg_lt JOIN LATERAL (SELECT sg_lt.v * 2 AS d) s ON s.d > 25 ORDER BY 1", ["k", "v", "d"],
     [(2, 20, 40), (3, 30, 60)]),
])
def test_lateral_select_list_with_outer_columns_and_on(lat, q, cols, expected):
    df = lat.sql(q)
    assert df.columns == cols
    assert rows(df) == expected


@pytest.mark.parametrize("q, expected", [
    ("SELECT * FROM sg_lt, LATERAL (SELECT w FROM sg_lu WHERE sg_lu.k = sg_lt.k ORDER BY w LIMIT 2) ORDER BY 1, 3",
     [(1, 10, 100), (1, 10, 101), (2, 20, 200), (2, 20, 201), (3, 30, None)]),
    ("SELECT * FROM sg_lt, LATERAL (SELECT w FROM sg_lu WHERE sg_lu.k = sg_lt.k ORDER BY w DESC LIMIT 1) s ORDER BY 1",
     [(1, 10, 102), (2, 20, 201), (3, 30, None)]),
    ("SELECT * FROM sg_lt LEFT JOIN LATERAL (SELECT w FROM sg_lu WHERE sg_lu.k = sg_lt.k ORDER BY w LIMIT 1) s "
     "ORDER BY 1", [(1, 10, 100), (2, 20, 200), (3, 30, None), (4, None, None)]),
    ("SELECT * FROM sg_lt, LATERAL (SELECT w FROM sg_lu WHERE sg_lu.k = sg_lt.k LIMIT 0) ORDER BY 1", []),
    ("SELECT * FROM sg_lt, LATERAL (SELECT w FROM sg_lu WHERE sg_lu.k = sg_lt.k ORDER BY w OFFSET 1) ORDER BY 1, 3",
     [(1, 10, 101), (1, 10, 102), (2, 20, 201)]),
    ("SELECT k, (SELECT w FROM sg_lu WHERE sg_lu.k = sg_lt.k ORDER BY w DESC LIMIT 1) m FROM sg_lt ORDER BY 1",
     [(1, 102), (2, 201), (3, None), (4, None)]),
    ("SELECT * FROM sg_lt WHERE EXISTS (SELECT w FROM sg_lu WHERE sg_lu.k = sg_lt.k ORDER BY w LIMIT 1 OFFSET 2) "
     "ORDER BY 1", [(1, 10)]),
    ("SELECT * FROM sg_lt WHERE v * 10 IN (SELECT w FROM sg_lu WHERE sg_lu.k = sg_lt.k ORDER BY w LIMIT 1) ORDER BY 1",
     [(1, 10), (2, 20)]),
    ("SELECT * FROM sg_lt WHERE NOT EXISTS (SELECT 1 FROM sg_lu WHERE sg_lu.k = sg_lt.k LIMIT 1) ORDER BY 1",
     [(4, None)]),
])
def test_limit_inside_a_correlated_subquery(lat, q, expected):
    assert rows(lat.sql(q)) == expected


def test_limit_over_a_non_equality_correlation_stays_refused(lat):
    from ember.errors import AnalysisException
    with pytest.raises(AnalysisException) as e:
        lat.sql("SELECT * FROM sg_lt, LATERAL (SELECT w FROM sg_lu WHERE sg_lu.k > sg_lt.k ORDER BY w LIMIT 1)").collect()
    assert e.value.getCondition() == "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATION_SHAPE"


def test_struct_takes_named_arguments_in_sql(spark):
    df = spark.sql("SELECT struct(1 AS a, k, k + 1, k + 1 AS c) s, struct(k AS x), struct(k), STRUCT(k AS x).x, "
                   "to_json(struct(k AS x, 'y' AS `y z`)) FROM (SELECT 2 AS k)")
    assert df.columns == ["s", "struct(k AS x)", "struct(k)", "struct(k AS x).x",
                          "to_json(struct(k AS x, y AS `y z`))"]
    assert df.schema.fields[0].dataType.simpleString() == "struct<a:int,k:int,col3:int,c:int>"
    assert rows(df) == [((1, 2, 3, 3), (2,), (2,), 2, '{"x":2,"y z":"y"}')]
