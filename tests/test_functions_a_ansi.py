"""ANSI mode (spark.sql.ansi.enabled): arithmetic and casts fail with Spark's error classes
where the default mode gives null or wraps; the try_ functions stay null either way."""

import pytest

from ember.sql import functions as F

CASES = [
    (F.col("n") / F.col("z"), "DIVIDE_BY_ZERO", "Division by zero. Use `try_divide`"),
    (F.col("n") % F.col("z"), "REMAINDER_BY_ZERO", "Remainder by zero. Use `try_mod`"),
    (F.pmod("n", "z"), "REMAINDER_BY_ZERO", "Remainder by zero"),
    (F.col("d") / F.col("z"), "DIVIDE_BY_ZERO", "Division by zero"),
    (F.col("n") + 1, "ARITHMETIC_OVERFLOW", "overflow. Use 'try_add'"),
    (F.col("l") * 2, "ARITHMETIC_OVERFLOW", "overflow. Use 'try_multiply'"),
    (F.col("l") - (-1), "ARITHMETIC_OVERFLOW", "overflow. Use 'try_subtract'"),
    (F.col("s").cast("int"), "CAST_INVALID_INPUT", "The value 'x' of the type \"STRING\" cannot be cast to \"INT\""),
    (F.col("n").cast("byte"), "CAST_OVERFLOW", "cannot be cast to \"TINYINT\" due to an overflow"),
]


@pytest.fixture
def df(spark):
    return spark.createDataFrame([(2147483647, 0, 9223372036854775807, "x", 1.5)],
                                 "n int, z int, l bigint, s string, d double")


@pytest.fixture
def ansi(spark):
    spark.conf.set("spark.sql.ansi.enabled", "true")
    yield
    spark.conf.set("spark.sql.ansi.enabled", "false")


def test_default_mode_gives_null_or_wraps(df):
    row = df.select(*[c for c, _, _ in CASES]).collect()[0]
    assert list(row) == [None, None, None, None, -2147483648, -2, -9223372036854775808, None, -1]


def test_ansi_mode_raises_spark_error_classes(df, ansi):
    failures = []
    for column, error_class, text in CASES:
        try:
            df.select(column).collect()
            failures.append("%s: no error" % error_class)
        except Exception as e:  # noqa: BLE001
            if "[%s]" % error_class not in str(e) or text not in str(e):
                failures.append("%s: %s" % (error_class, str(e)[:300]))
    assert not failures, "\n".join(failures)


def test_ansi_mode_keeps_good_rows_and_try_functions_null(df, ansi):
    row = df.select(F.col("n") - 1, F.col("n") / 2, F.try_add("n", F.lit(1)), F.try_divide("n", "z"),
                    F.try_mod("n", "z"), F.try_multiply("l", F.lit(2)), F.try_subtract("l", F.lit(-1))).collect()[0]
    assert list(row) == [2147483646, 1073741823.5, None, None, None, None, None]


def test_ansi_conditionals_compute_a_branch_only_for_the_rows_that_take_it(spark, ansi):
    # answers from PySpark 4.3: a branch that fails on rows it is not taken for does not fail the query
    spark.createDataFrame([(0,), (5,), (None,), (2,)], "x int").createOrReplaceTempView("ansi_branches")
    # one partition of a range is one batch: the rows a later argument would fail on share it with the others
    spark.range(0, 4, 1, 1).selectExpr("if(id = 2, null, id * 2) as x").createOrReplaceTempView("ansi_one_batch")
    queries = {
        "select case when x <> 0 then 10 / x end from ansi_branches": [None, 2.0, None, 5.0],
        "select case when x = 0 then -1 when 10 / x > 2 then 1 else 0 end from ansi_branches": [-1, 0, 0, 1],
        "select if(x <> 0, 10 / x, null) from ansi_branches": [None, 2.0, None, 5.0],
        "select if(x = 0 or x is null, 3.0, 10 / x + 7) from ansi_branches": [3.0, 9.0, 3.0, 12.0],
        "select coalesce(x + 1, 10 / x) from ansi_one_batch": [1.0, 3.0, None, 7.0],
        "select nvl(x, 10 / x) from ansi_one_batch": [0.0, 2.0, None, 6.0],
    }
    for q, expected in queries.items():
        assert [r[0] for r in spark.sql(q).collect()] == expected, q
    with pytest.raises(Exception, match="DIVIDE_BY_ZERO"):
        spark.sql("select case when x >= 0 then 10 / x end from ansi_branches").collect()


def test_integral_div_by_zero_is_null_or_spark_error_under_ansi(spark):
    assert spark.sql("select 10 div 0, 7 div 2").collect()[0] == (None, 3)
    spark.conf.set("spark.sql.ansi.enabled", "true")
    try:
        with pytest.raises(Exception, match="DIVIDE_BY_ZERO"):
            spark.sql("select 10 div 0").collect()
        with pytest.raises(Exception, match="DIVIDE_BY_ZERO"):
            spark.sql("select cast(7.5 as decimal(3,1)) div 0").collect()
        assert spark.sql("select 7 div 2").collect()[0][0] == 3
    finally:
        spark.conf.set("spark.sql.ansi.enabled", "false")


def test_try_arithmetic_in_sql_over_constants_keeps_its_name(spark):
    # the optimizer folds the operator under try_divide into a literal; the name still shows the operands
    for ansi in ("false", "true"):
        spark.conf.set("spark.sql.ansi.enabled", ansi)
        try:
            rows = spark.sql("select try_divide(10, 0), try_add(2147483647, 1)").collect()
            assert rows[0] == (None, None)
            assert rows[0].__fields__ == ["try_divide(10, 0)", "try_add(2147483647, 1)"]
        finally:
            spark.conf.set("spark.sql.ansi.enabled", "false")
