"""SQL constructs and functions from issue 10's leftovers, per construct, each answer checked
against PySpark 4.3 (/work/pyspark-venv, spark.sql.ansi.enabled=false, UTC): TRY_CAST, GROUP BY
mixing keys with ROLLUP/CUBE/GROUPING SETS, LATERAL VIEW and AS (a, b) with several names,
json_tuple, reflect/java_method/try_reflect."""

import pytest

from ember.errors import AnalysisException


@pytest.fixture
def gaps(spark):
    spark.sql("CREATE OR REPLACE TEMP VIEW gp_t AS SELECT a, b, c, CASE WHEN c = 10 THEN map('x', 1, 'y', 2) "
              "WHEN c = 20 THEN map('z', 3) WHEN c = 30 THEN map_filter(map('q', 0), (k, v) -> v > 0) END AS m "
              "FROM VALUES (1, 'a', 10), (1, 'b', 20), (2, 'a', 30), (null, 'c', 5) AS t(a, b, c)")
    yield
    spark.catalog.dropTempView("gp_t")


def rows(df):
    return [tuple(r) for r in df.collect()]


def test_try_cast_in_sql(spark):
    df = spark.sql("SELECT TRY_CAST('x' AS INT) AS a, try_cast('5' AS INT) b, try_cast('2024-02-30' AS DATE) d")
    assert df.columns == ["a", "b", "d"]
    assert rows(df) == [(None, 5, None)]
    assert spark.sql("SELECT try_cast('7' AS BIGINT)").columns == ["TRY_CAST(7 AS BIGINT)"]


def test_group_by_keys_mixed_with_rollup_and_cube(spark, gaps):
    expected = [(None, None, 5), (None, "c", 5), (1, None, 30), (1, "a", 10), (1, "b", 20),
                (2, None, 30), (2, "a", 30)]
    assert rows(spark.sql("SELECT a, b, sum(c) FROM gp_t GROUP BY a, ROLLUP(b) ORDER BY 1, 2")) == expected
    assert rows(spark.sql("SELECT a, b, sum(c) FROM gp_t GROUP BY a, CUBE(b) ORDER BY 1, 2")) == expected
    # grouping_id numbers the columns in the order the GROUP BY writes them
    assert rows(spark.sql(
        "SELECT a, b, grouping_id(), sum(c) FROM VALUES (1, 'x', 2) AS t(a, b, c) GROUP BY a, ROLLUP(b) ORDER BY 3"
    )) == [(1, "x", 0, 2), (1, None, 1, 2)]
    assert rows(spark.sql(
        "SELECT a, b, c, grouping_id() g, sum(d) s FROM VALUES (1, 'x', 2, 5), (1, 'y', 3, 6) AS t(a, b, c, d) "
        "GROUP BY ROLLUP(b, c), a ORDER BY g, b, c")) == [
        (1, "x", 2, 0, 5), (1, "y", 3, 0, 6), (1, "x", None, 2, 5), (1, "y", None, 2, 6), (1, None, None, 6, 11)]


def test_composite_columns_in_rollup_and_cube(spark, gaps):
    assert rows(spark.sql("SELECT a, b, sum(c) FROM gp_t GROUP BY ROLLUP((a, b)) ORDER BY 1, 2")) == [
        (None, None, 65), (None, "c", 5), (1, "a", 10), (1, "b", 20), (2, "a", 30)]
    assert rows(spark.sql(
        "SELECT a, b, grouping(a) ga, grouping(b) gb, sum(c) FROM VALUES (1, 'x', 2), (2, 'y', 3) AS t(a, b, c) "
        "GROUP BY CUBE((a, b)) ORDER BY 1, 2")) == [(None, None, 1, 1, 5), (1, "x", 0, 0, 2), (2, "y", 0, 0, 3)]


def test_crossed_grouping_sets_keep_equal_sets_apart(spark):
    # GROUPING SETS((a), (a, b)) x CUBE(b) gives (a, b) three times: three groups each, as Spark
    assert rows(spark.sql(
        "SELECT a, b, grouping_id() g, count(*) n FROM VALUES (1, 'x', 2), (2, 'y', 3) AS t(a, b, c) "
        "GROUP BY GROUPING SETS((a), (a, b)), CUBE(b) ORDER BY g, a, b")) == [
        (1, "x", 0, 1)] * 3 + [(2, "y", 0, 1)] * 3 + [(1, None, 1, 1), (2, None, 1, 1)]


def test_lateral_view_with_several_names(spark, gaps):
    df = spark.sql("SELECT a, k, v FROM gp_t LATERAL VIEW explode(m) mt AS k, v ORDER BY a, k")
    assert df.columns == ["a", "k", "v"]
    assert rows(df) == [(1, "x", 1), (1, "y", 2), (1, "z", 3)]
    assert rows(spark.sql("SELECT a, k, v FROM gp_t LATERAL VIEW OUTER explode(m) mt AS k, v ORDER BY a, k")) == [
        (None, None, None), (1, "x", 1), (1, "y", 2), (1, "z", 3), (2, None, None)]
    # the view's name qualifies the generated columns
    assert rows(spark.sql("SELECT t.k FROM range(1) LATERAL VIEW posexplode(array(5)) t AS p, k")) == [(5,)]
    df = spark.sql("SELECT t.* FROM range(1) LATERAL VIEW explode(map(1, 2)) t AS k, v")
    assert df.columns == ["k", "v"] and rows(df) == [(1, 2)]
    assert spark.sql("SELECT * FROM range(1) LATERAL VIEW explode(map(1, 2)) t").columns == ["id", "key", "value"]


def test_generator_aliases_must_match_its_columns(spark):
    with pytest.raises(AnalysisException) as e:
        spark.sql("SELECT 1 FROM range(1) LATERAL VIEW explode(map(1, 2)) t AS a")
    assert e.value.getErrorClass() == "UDTF_ALIAS_NUMBER_MISMATCH"
    assert "Expected 2 aliases, but got a." in str(e.value)
    with pytest.raises(AnalysisException) as e:
        spark.sql("SELECT explode(map(1, 2)) AS (p, q, r)")
    assert "Expected 2 aliases, but got p,q,r." in str(e.value)
    with pytest.raises(AnalysisException) as e:
        spark.sql("SELECT upper('a') AS (p, q)")
    assert e.value.getErrorClass() == "MULTI_ALIAS_WITHOUT_GENERATOR"
    assert 'Multi part aliasing (p, q) is not supported with "upper(a)" as it is not a generator function.' \
        in str(e.value)


def test_json_tuple(spark):
    df = spark.sql("""SELECT json_tuple('{"a":1,"b":"x","c":{"d":[1,2]},"n":null}', 'a', 'b', 'c', 'n', 'zz')""")
    assert df.columns == ["c0", "c1", "c2", "c3", "c4"]
    assert rows(df) == [("1", "x", '{"d":[1,2]}', None, None)]
    df = spark.sql("SELECT json_tuple(j, 'a', 'b') AS (p, q) FROM VALUES ('{\"a\":1}'), ('[1]'), ('bad'), (NULL) AS x(j)")
    assert df.columns == ["p", "q"]
    assert rows(df) == [("1", None), (None, None), (None, None), (None, None)]
    df = spark.sql("SELECT * FROM range(1) LATERAL VIEW json_tuple('{\"a\":1}', 'a', 'b') t AS x, y")
    assert df.columns == ["id", "x", "y"] and rows(df) == [(0, "1", None)]
    with pytest.raises(AnalysisException) as e:
        spark.sql("SELECT json_tuple('{}', 1)")
    assert e.value.getErrorClass() == "DATATYPE_MISMATCH.NON_STRING_TYPE"


def test_reflect_java_method_try_reflect(spark):
    df = spark.sql("SELECT reflect('java.util.UUID', 'fromString', 'a5cf6c42-0c85-418f-af6c-3e4e5b1328f2'), "
                   "java_method('java.lang.Integer', 'parseInt', '12'), try_reflect('java.lang.Integer', 'parseInt', 'x'), "
                   "reflect('java.util.Objects', 'isNull', 'a'), reflect('java.lang.Math', 'max', 2L, 3L)")
    assert df.columns == ["reflect(java.util.UUID, fromString, a5cf6c42-0c85-418f-af6c-3e4e5b1328f2)",
                          "java_method(java.lang.Integer, parseInt, 12)", "try_reflect(java.lang.Integer, parseInt, x)",
                          "reflect(java.util.Objects, isNull, a)", "reflect(java.lang.Math, max, 2, 3)"]
    assert rows(df) == [("a5cf6c42-0c85-418f-af6c-3e4e5b1328f2", "12", None, "false", "3")]
    assert df.schema.simpleString().count("string") == 5


@pytest.mark.parametrize("query, error_class, text", [
    ("SELECT reflect('java.lang.Nope', 'valueOf', 'x')", "DATATYPE_MISMATCH.UNEXPECTED_CLASS_TYPE",
     "class java.lang.Nope not found."),
    ("SELECT reflect('java.lang.Integer', 'nope', 'x')", "DATATYPE_MISMATCH.UNEXPECTED_STATIC_METHOD",
     "cannot find a static method nope that matches the argument types in java.lang.Integer."),
    # no widening: sqrt takes a double, the argument is an int
    ("SELECT reflect('java.lang.Math', 'sqrt', 4)", "DATATYPE_MISMATCH.UNEXPECTED_STATIC_METHOD", "static method sqrt"),
    ("SELECT reflect('java.lang.String', 'toString')", "DATATYPE_MISMATCH.UNEXPECTED_STATIC_METHOD", "toString"),
    ("SELECT reflect('java.lang.String', 'valueOf', 1.5)", "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
     'however "1.5" has the type "DECIMAL(2,1)".'),
    ("SELECT reflect(CAST(NULL AS STRING), 'valueOf', 'x')", "DATATYPE_MISMATCH.UNEXPECTED_NULL",
     "The `class` must not be null."),
    ("SELECT reflect(b, 'valueOf', '1') FROM VALUES ('java.lang.Integer') AS t(b)", "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
     'the input `class` should be a foldable "STRING" expression; however, got "b".'),
    ("SELECT reflect('java.lang.Integer')", "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "requires > 1 parameters"),
])
def test_reflect_errors(spark, query, error_class, text):
    with pytest.raises(AnalysisException) as e:
        spark.sql(query)
    assert e.value.getErrorClass() == error_class
    assert text in str(e.value)


def test_reflect_failure_fails_the_query(spark):
    with pytest.raises(Exception) as e:
        spark.sql("SELECT reflect('java.lang.Integer', 'parseInt', 'x')").collect()
    assert "NumberFormatException" in str(e.value)


def test_python_wrappers_json_tuple_and_reflect(spark):
    from ember.errors import PySparkValueError
    from ember.sql import functions as F
    df = spark.createDataFrame([('{"a": 1, "b": "x"}',), (None,)], "j string")
    out = df.select(F.json_tuple("j", "a", "b"))
    assert out.columns == ["c0", "c1"]
    assert rows(out) == [("1", "x"), (None, None)]
    with pytest.raises(PySparkValueError) as e:
        F.json_tuple("j")
    assert e.value.getErrorClass() == "CANNOT_BE_EMPTY"
    r = spark.range(1).select(F.reflect(F.lit("java.lang.Integer"), F.lit("toHexString"), F.lit(255)),
                              F.java_method(F.lit("java.lang.Math"), F.lit("abs"), F.lit(-3)),
                              F.try_reflect(F.lit("java.lang.Integer"), F.lit("parseInt"), F.lit("z")))
    assert r.columns == ["reflect(java.lang.Integer, toHexString, 255)", "java_method(java.lang.Math, abs, -3)",
                         "try_reflect(java.lang.Integer, parseInt, z)"]
    assert rows(r) == [("ff", "3", None)]


WINDOW_ROWS = ("VALUES (TIMESTAMP '2024-01-01 00:03:00', 1), (TIMESTAMP '2024-01-01 00:13:00', 2), "
               "(TIMESTAMP '2024-01-01 00:14:59', 3), (NULL, 4), (TIMESTAMP '1969-12-31 23:58:00', 5) AS x(ts, v)")


def _w(row):
    return tuple((w.start.strftime("%m-%d %H:%M"), w.end.strftime("%m-%d %H:%M")) if hasattr(w, "start") else w
                 for w in row)


def test_tumbling_time_windows(spark):
    df = spark.sql(f"SELECT window(ts, '10 minutes'), sum(v) FROM {WINDOW_ROWS} GROUP BY window(ts, '10 minutes') "
                   "ORDER BY 1")
    assert df.columns == ["window", "sum(v)"]
    assert df.schema.simpleString() == "struct<window:struct<start:timestamp,end:timestamp>,sum(v):bigint>"
    assert [_w(r) for r in df.collect()] == [(("12-31 23:50", "01-01 00:00"), 5), (("01-01 00:00", "01-01 00:10"), 1),
                                             (("01-01 00:10", "01-01 00:20"), 5)]
    # a null timestamp drops its row, grouped or not
    assert [r.v for r in spark.sql(f"SELECT window(ts, '10 minutes') AS w, v FROM {WINDOW_ROWS} ORDER BY v").collect()] \
        == [1, 2, 3, 5]
    assert [r.s.strftime("%H:%M") for r in spark.sql(
        f"SELECT window(ts, '10 minutes', '10 minutes', '2 minutes').start AS s, count(*) n FROM {WINDOW_ROWS} "
        "GROUP BY 1 ORDER BY 1").collect()] == ["23:52", "00:02", "00:12"]
    assert [r.e.strftime("%H:%M") for r in spark.sql(
        f"SELECT window(ts, '1 hour 30 minutes').end AS e FROM {WINDOW_ROWS} ORDER BY 1").collect()] == [
        "00:00", "01:30", "01:30", "01:30"]


def test_sliding_time_windows(spark):
    df = spark.sql(f"SELECT window(ts, '10 minutes', '5 minutes') AS w, sum(v) s FROM {WINDOW_ROWS} GROUP BY 1 ORDER BY 1")
    assert [_w(r) for r in df.collect()] == [
        (("12-31 23:50", "01-01 00:00"), 5), (("12-31 23:55", "01-01 00:05"), 5), (("12-31 23:55", "01-01 00:05"), 1),
        (("01-01 00:00", "01-01 00:10"), 1), (("01-01 00:05", "01-01 00:15"), 5), (("01-01 00:10", "01-01 00:20"), 5)]


def test_time_window_from_python_and_ntz(spark):
    from ember.sql import functions as F
    df = spark.sql(f"SELECT * FROM {WINDOW_ROWS}")
    out = df.groupBy(F.window("ts", "10 minutes")).agg(F.sum("v").alias("s")).orderBy("window")
    assert out.columns == ["window", "s"]
    assert [r.s for r in out.collect()] == [5, 1, 5]
    assert [r.s for r in df.groupBy(F.window(df.ts, "10 minutes", "5 minutes")).agg(F.sum("v").alias("s"))
            .orderBy("window").collect()] == [5, 5, 1, 1, 5, 5]
    r = spark.sql(f"SELECT window(CAST(ts AS TIMESTAMP_NTZ), '1 day') w FROM {WINDOW_ROWS} ORDER BY v LIMIT 1")
    assert r.schema.simpleString() == "struct<w:struct<start:timestamp_ntz,end:timestamp_ntz>>"
    assert str(r.collect()[0].w.end) == "2024-01-02 00:00:00"


@pytest.mark.parametrize("call, error_class, text", [
    ("window(ts, '1 month')", "INVALID_INTERVAL_FORMAT.INVALID_UNIT", "Intervals greater than a month is not supported"),
    ("window(ts, '10 minutes', '20 minutes')", "DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION",
     "The `slide_duration`(1200000000L) must be <= the `window_duration`(600000000L)"),
    ("window(v, '10 minutes')", "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", '"v" has the type "INT"'),
    ("window(ts, '10 minutes'), window(ts, '5 minutes')", None, "Multiple time/session window expressions"),
])
def test_time_window_errors(spark, call, error_class, text):
    with pytest.raises(AnalysisException) as e:
        spark.sql(f"SELECT {call} FROM {WINDOW_ROWS}")
    if error_class:
        assert e.value.getErrorClass() == error_class
    assert text in str(e.value)
