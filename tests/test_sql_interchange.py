"""Rows between Python and the engine, end to end (docs/sql.md, "Rows to Python"):
createDataFrame from local data and from RDDs, collect, toLocalIterator and df.rdd, for every
type including nested ones, with PySpark's answers and errors."""

import datetime
import decimal

import pytest

from ember.errors import PySparkTypeError, PySparkValueError
from ember.sql import Row
from ember.sql.types import (DoubleType, LongType, StringType, StructField, StructType,
                             _parse_datatype_string)

NESTED = _parse_datatype_string(
    "d date, t timestamp, n timestamp_ntz, dec decimal(5,2), bin binary, arr array<int>, "
    "m map<string, struct<y: date>>, st struct<q: timestamp_ntz, r: array<string>>, f float, b boolean")
DAY = datetime.date(2021, 3, 4)
WHEN = datetime.datetime(2021, 3, 4, 5, 6, 7, 890123)
NESTED_ROWS = [(DAY, WHEN, WHEN, decimal.Decimal("1.25"), b"\x00\xff", [1, None],
                {"z": Row(y=DAY), "a": None}, (WHEN, ["x", None]), 1.5, True),
               (None,) * 10]


def test_local_rows_of_every_type_come_back_as_they_went(spark):
    df = spark.createDataFrame(NESTED_ROWS, NESTED)
    assert df.schema == NESTED
    rows = df.collect()
    assert rows == NESTED_ROWS
    first = rows[0]
    assert first.m["z"].y == DAY and first.st.q == WHEN and first.bin == b"\x00\xff"
    assert list(first.m) == ["z", "a"]   # map order kept both ways
    assert repr(rows[1]) == ("Row(d=None, t=None, n=None, dec=None, bin=None, arr=None, m=None, "
                             "st=None, f=None, b=None)")


def test_inferred_schemas_and_rows_by_position(spark):
    df = spark.createDataFrame([{"a": 1, "b": [1.5]}, {"a": None, "b": None}])
    assert df.schema.simpleString() == "struct<a:bigint,b:array<double>>"
    assert df.collect() == [Row(a=1, b=[1.5]), Row(a=None, b=None)]
    by_position = spark.createDataFrame([Row(b=1, a=2)], "a int, b int").collect()
    assert by_position == [Row(a=1, b=2)] and by_position[0].a == 1
    assert spark.createDataFrame([(5, True)], "a string, b string").collect() == [Row(a="5", b="true")]
    named = spark.createDataFrame([(1, "x")], ["k", "v"]).collect()
    assert named == [Row(k=1, v="x")] and named[0].v == "x"


def test_verification_and_inference_errors_are_pysparks(spark):
    with pytest.raises(PySparkTypeError) as e:
        spark.createDataFrame([(1,)], "a double")
    assert str(e.value) == ("[FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME] field a: DoubleType() can not "
                            "accept object 1 in type <class 'int'>.")
    with pytest.raises(PySparkValueError, match=r"\[FIELD_NOT_NULLABLE_WITH_NAME\] field a: This field is not nullable"):
        spark.createDataFrame([(None,)], StructType([StructField("a", LongType(), False)]))
    with pytest.raises(PySparkValueError, match=r"\[CANNOT_DETERMINE_TYPE\]"):
        spark.createDataFrame([(1, None)])
    with pytest.raises(PySparkTypeError, match=r"\[CANNOT_MERGE_TYPE\] Can not merge type `LongType` and `DoubleType`"):
        spark.createDataFrame([([1],), ([1.5],)])


def test_an_rdd_of_rows_becomes_a_data_frame_in_tasks(spark, sc):
    rdd = sc.parallelize([Row(a=i, b=str(i), d=DAY) for i in range(20)], 3)
    df = spark.createDataFrame(rdd)
    assert df.schema.simpleString() == "struct<a:bigint,b:string,d:date>"
    assert [tuple(r) for r in df.collect()] == [(i, str(i), DAY) for i in range(20)]
    tuples = spark.createDataFrame(sc.parallelize([(1, 2.5), (2, None)], 2), "k bigint, v double")
    assert tuples.collect() == [Row(k=1, v=2.5), Row(k=2, v=None)]


def test_df_rdd_and_to_local_iterator_give_rows(spark, sc):
    df = spark.createDataFrame(sc.parallelize([(i, "v%d" % i) for i in range(10)], 3), "k bigint, v string")
    assert df.rdd.map(lambda r: (r.k * 10, r["v"])).collect() == [(i * 10, "v%d" % i) for i in range(10)]
    it = df.toLocalIterator()
    assert next(it) == Row(k=0, v="v0")
    assert [r.k for r in it] == list(range(1, 10))
    assert spark.createDataFrame(NESTED_ROWS, NESTED).rdd.collect() == NESTED_ROWS


def test_many_rows_survive_the_round_trip_in_order(spark):
    data = [(i, i * 0.5, "s%d" % i) for i in range(50_000)]
    df = spark.createDataFrame(data, StructType([StructField("a", LongType()), StructField("b", DoubleType()),
                                                 StructField("c", StringType())]))
    rows = df.collect()
    assert len(rows) == 50_000 and rows[49_999] == (49_999, 24_999.5, "s49999")
    assert [tuple(r) for r in rows] == data


def test_write_runs_the_query_into_files(spark, tmp_path):
    df = spark.createDataFrame([(1, "a"), (2, "b"), (3, None)], "k int, v string")
    df.write.csv(str(tmp_path / "out"), header=True)
    parts = sorted((tmp_path / "out").glob("part-*"))
    assert (tmp_path / "out" / "_SUCCESS").exists()
    lines = [line for p in parts for line in p.read_text().splitlines() if line != "k,v"]
    assert sorted(lines) == ["1,a", "2,b", "3,"]
    df.write.mode("overwrite").partitionBy("k").csv(str(tmp_path / "by_k"))
    assert sorted(p.name for p in (tmp_path / "by_k").iterdir()) == ["_SUCCESS", "k=1", "k=2", "k=3"]
