"""File sources through spark.read / df.write against a real engine: round trips, corrupt
records in each mode, partition discovery and pruning, save modes and missing paths. Expected
answers were checked with PySpark 4.3."""

import datetime

import pytest

from ember.errors import AnalysisException
from ember.sql import functions as F


def rows(df):
    return sorted(tuple(r) for r in df.collect())


def test_csv_inference_and_round_trip(spark, tmp_path):
    src = tmp_path / "a.csv"
    src.write_text("i,l,dbl,b,dt,s,n\n1,3000000000,1.5,true,2024-01-05,x,\n2,4,2,false,2024-02-05,y,\n")
    df = spark.read.csv(str(src), header=True, inferSchema=True)
    assert df.schema.simpleString() == "struct<i:int,l:bigint,dbl:double,b:boolean,dt:date,s:string,n:string>"
    assert rows(df) == [(1, 3000000000, 1.5, True, datetime.date(2024, 1, 5), "x", None),
                        (2, 4, 2.0, False, datetime.date(2024, 2, 5), "y", None)]
    out = str(tmp_path / "out")
    df.write.csv(out, header=True)
    back = spark.read.csv(out, header=True, inferSchema=True)
    assert rows(back) == rows(df)


def test_csv_corrupt_records_in_each_mode(spark, tmp_path):
    src = tmp_path / "c.csv"
    src.write_text("a,b\n1,2\nbad\n3,4,5\nx,6\n")
    with_corrupt = "a INT, b INT, _corrupt_record STRING"
    assert [tuple(r) for r in spark.read.schema(with_corrupt).csv(str(src), header=True).collect()] == [
        (1, 2, None), (None, None, "bad"), (3, 4, "3,4,5"), (None, 6, "x,6")]
    dropped = spark.read.schema("a INT, b INT").option("mode", "DROPMALFORMED").csv(str(src), header=True)
    assert [tuple(r) for r in dropped.collect()] == [(1, 2)]
    with pytest.raises(Exception, match="MALFORMED_RECORD_IN_PARSING") as e:
        spark.read.schema("a INT, b INT").option("mode", "FAILFAST").csv(str(src), header=True).collect()
    assert "c.csv, line 3" in str(e.value)   # Ember names the line; PySpark only the file


def test_json_nested_inference_and_round_trip(spark, tmp_path):
    src = tmp_path / "j.json"
    src.write_text('{"a":1,"b":{"c":"x","d":[1,2]}}\n{"a":2.5,"e":true}\nnot json\n')
    df = spark.read.json(str(src))
    assert df.schema.simpleString() == \
        "struct<_corrupt_record:string,a:double,b:struct<c:string,d:array<bigint>>,e:boolean>"
    assert [r["_corrupt_record"] for r in df.collect()] == [None, None, "not json"]
    out = str(tmp_path / "out")
    df.drop("_corrupt_record").write.json(out)
    back = spark.read.json(out)
    assert back.schema.simpleString() == "struct<a:double,b:struct<c:string,d:array<bigint>>,e:boolean>"
    assert back.count() == 3


def test_partition_by_discovery_and_pruning(spark, tmp_path):
    df = spark.createDataFrame([(1, "a", 1.5), (2, "b", None), (3, "a", 2.0)], "x int, y string, z double")
    out = tmp_path / "out"
    df.write.partitionBy("y").mode("overwrite").csv(str(out), header=True)
    assert (out / "_SUCCESS").exists() and (out / "y=a").is_dir() and (out / "y=b").is_dir()
    back = spark.read.csv(str(out), header=True, inferSchema=True)
    assert back.columns == ["x", "z", "y"]
    assert rows(back.filter(F.col("y") == "a")) == [(1, 1.5, "a"), (3, 2.0, "a")]


def test_parquet_round_trip_with_snappy(spark, tmp_path):
    df = spark.createDataFrame([(1, 10000000000, 1.5, "a", True, datetime.date(2024, 1, 5)),
                                (2, None, None, None, None, None)],
                               "i int, l bigint, d double, s string, b boolean, dt date")
    out = tmp_path / "p"
    df.write.parquet(str(out))
    assert any(p.name.endswith(".snappy.parquet") for p in out.iterdir())
    back = spark.read.parquet(str(out))
    assert back.schema.simpleString() == "struct<i:int,l:bigint,d:double,s:string,b:boolean,dt:date>"
    assert rows(back) == rows(df)
    assert rows(back.select("s", "i").filter(F.col("i") > 1)) == [(None, 2)]


def test_text_and_format_load_save(spark, tmp_path):
    (tmp_path / "t.txt").write_text("hello\nworld\n")
    df = spark.read.format("text").load(str(tmp_path / "t.txt"))
    assert df.columns == ["value"]
    assert rows(df) == [("hello",), ("world",)]
    df.write.format("text").save(str(tmp_path / "o"))
    assert rows(spark.read.text(str(tmp_path / "o"))) == [("hello",), ("world",)]


def test_save_modes_and_missing_paths(spark, tmp_path):
    df = spark.createDataFrame([(1, "a")], "x int, y string")
    out = str(tmp_path / "out")
    df.write.csv(out)
    with pytest.raises(AnalysisException, match=r"^\[PATH_ALREADY_EXISTS\] Path file:.*out already exists"):
        df.write.csv(out)
    df.write.mode("ignore").csv(out)
    df.write.mode("append").csv(out)
    assert spark.read.csv(out).count() == 2
    df.write.mode("overwrite").csv(out)
    assert spark.read.csv(out).count() == 1
    missing = tmp_path / "nope.csv"
    with pytest.raises(AnalysisException, match=r"^\[PATH_NOT_FOUND\] Path does not exist: file:" + str(missing)):
        spark.read.csv(str(missing))


def test_overwriting_the_path_a_query_reads_is_refused_and_keeps_the_data(spark, tmp_path):
    out = str(tmp_path / "t")
    spark.range(3).write.csv(out)
    df = spark.read.csv(out, schema="id BIGINT")
    with pytest.raises(AnalysisException) as e:
        df.filter(F.col("id") > 0).write.mode("overwrite").csv(out)
    assert e.value.getErrorClass() == "UNSUPPORTED_OVERWRITE.PATH"
    assert str(e.value) == "[UNSUPPORTED_OVERWRITE.PATH] Can't overwrite the target that is also being read from."
    assert rows(spark.read.csv(out, schema="id BIGINT")) == [(0,), (1,), (2,)]
