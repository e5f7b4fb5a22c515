"""Python UDFs end to end from ``ember.sql``: evaluated in Python workers over batches by the
JVM's BatchEvalPythonExec, with answers written by hand."""

import datetime
import random

import pytest

from ember.errors import AnalysisException
from ember.sql import functions as F
from ember.sql.types import IntegerType, LongType


plus_one = F.udf(lambda x: x + 1, "bigint")


def test_scalar_udfs_of_several_return_types_with_nulls(spark):
    df = spark.createDataFrame([(1, "a", 1.5), (2, None, None), (3, "ccc", -2.0)],
                               "id long, s string, d double")
    strlen = F.udf(lambda s: None if s is None else len(s), IntegerType())
    half = F.udf(lambda d: None if d is None else d / 2, "double")
    tag = F.udf(lambda i, s: "%d:%s" % (i, s))   # string by default
    odd = F.udf(lambda x: x % 2 == 1, "boolean")
    day = F.udf(lambda i: datetime.date(2024, 1, i), "date")
    repeat = F.udf(lambda i: [i] * i, "array<int>")
    out = df.select(plus_one("id").alias("p"), strlen("s").alias("n"), half("d").alias("h"),
                    tag("id", "s").alias("t"), odd("id").alias("o"), day("id").alias("dt"),
                    repeat("id").alias("r"))
    assert out.dtypes == [("p", "bigint"), ("n", "int"), ("h", "double"), ("t", "string"),
                          ("o", "boolean"), ("dt", "date"), ("r", "array<int>")]
    assert [tuple(r) for r in out.orderBy("p").collect()] == [
        (2, 1, 0.75, "1:a", True, datetime.date(2024, 1, 1), [1]),
        (3, None, None, "2:None", False, datetime.date(2024, 1, 2), [2, 2]),
        (4, 3, -1.0, "3:ccc", True, datetime.date(2024, 1, 3), [3, 3, 3])]


def test_decorators_and_default_column_names(spark):
    @F.udf("string")
    def shout(s):
        return None if s is None else s.upper() + "!"

    @F.udf(returnType=LongType())
    def square(x):
        return x * x

    df = spark.createDataFrame([("hi", 3), (None, 4)], "s string, x long")
    out = df.select(shout("s"), square("x"), plus_one("x"))
    assert out.columns == ["shout(s)", "square(x)", "<lambda>(x)"]
    assert [tuple(r) for r in out.collect()] == [("HI!", 9, 4), (None, 16, 5)]


def test_udf_in_a_filter_and_nested_calls(spark):
    odd = F.udf(lambda x: x % 2 == 1, "boolean")
    df = spark.range(10).filter(odd("id")).select("id", plus_one(plus_one("id")).alias("p2"))
    assert [tuple(r) for r in df.orderBy("id").collect()] == [(1, 3), (3, 5), (5, 7), (7, 9), (9, 11)]
    assert df.count() == 5


def test_udf_as_a_group_by_key_and_over_aggregate_results(spark):
    bucket = F.udf(lambda x: x % 3, "int")
    df = spark.range(10).groupBy(bucket("id").alias("b")).agg(F.count("*").alias("c"))
    assert [tuple(r) for r in df.orderBy("b").collect()] == [(0, 4), (1, 3), (2, 3)]
    sums = spark.range(10).groupBy((F.col("id") % 2).alias("k")) \
        .agg(plus_one(F.sum("id")).alias("s")).orderBy("k")
    assert [tuple(r) for r in sums.collect()] == [(0, 21), (1, 26)]


def test_explain_shows_the_python_evaluation(spark, capsys):
    spark.range(3).select(plus_one("id")).explain()
    assert "BatchEvalPython" in capsys.readouterr().out


def test_a_udfs_exception_keeps_its_type_and_the_users_traceback(spark):
    def boom(x):
        if x == 7:
            raise ValueError("seven is right out")   # the user's failing line
        return x

    with pytest.raises(ValueError) as info:
        spark.range(10).select(F.udf(boom, "bigint")("id")).collect()
    assert "seven is right out" in str(info.value)
    assert 'raise ValueError("seven is right out")   # the user\'s failing line' \
        in info.value.traceback
    assert spark.range(3).select(plus_one("id")).count() == 3   # still usable


def test_a_result_of_the_wrong_type_is_a_type_error_naming_the_udf(spark):
    def label(x):
        return "n%d" % x

    with pytest.raises(TypeError, match="UDF label returned"):
        spark.range(3).select(F.udf(label, "int")("id")).collect()


def test_registered_udfs_by_name_and_the_wrong_number_of_arguments(spark):
    twice = spark.udf.register("twice", lambda x: 2 * x, "bigint")
    try:
        df = spark.range(4)
        assert [r[0] for r in df.select(F.call_udf("twice", "id")).collect()] == [0, 2, 4, 6]
        assert [r[0] for r in df.select(twice(F.col("id") + 1)).collect()] == [2, 4, 6, 8]
        with pytest.raises(AnalysisException) as info:
            df.select(F.call_udf("twice", "id", "id"))
        assert info.value.getErrorClass() == "WRONG_NUM_ARGS.WITHOUT_SUGGESTION"
    finally:
        spark.udf.unregister("twice")


def test_nondeterministic_udf_without_arguments(spark):
    rand = F.udf(lambda: random.random(), "double").asNondeterministic()
    values = [r.r for r in spark.range(50).select(rand().alias("r")).collect()]
    assert len(values) == 50 and all(0.0 <= v < 1.0 for v in values)
    assert len(set(values)) > 1


def test_udf_in_a_join_condition(spark):
    adjacent = F.udf(lambda x, y: abs(x - y) == 1, "boolean")
    a = spark.range(4)
    b = spark.range(4).withColumnRenamed("id", "j")
    try:
        joined = a.join(b, adjacent(a["id"], b["j"]))
    except AnalysisException as e:
        if e.getErrorClass() == "UNSUPPORTED_FEATURE.PLAN_OPERATION":
            pytest.skip("the engine plans no joins from Python yet")
        raise
    out = joined.orderBy("id", "j")
    assert [tuple(r) for r in out.collect()] == [(0, 1), (1, 0), (1, 2), (2, 1), (2, 3), (3, 2)]
    with pytest.raises(AnalysisException, match="PYTHON_UDF_IN_ON_CLAUSE"):
        a.join(b, adjacent(a["id"], b["j"]), "left").collect()
