"""pandas and Arrow conversions of ``ember.sql`` (``toPandas``, ``toArrow``,
``createDataFrame`` of pandas or Arrow), with the dtypes, types and values PySpark 4.3
gives for the same input (its default Arrow path, pandas 2.3, pyarrow 23)."""

import datetime
import decimal
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from ember.sql import functions as F

ALL_TYPES = """SELECT cast(id as int) i, id l, cast(id as tinyint) b, cast(id as smallint) s,
 cast(id as float) f, cast(id as double) d, cast(id as string) str, id % 2 = 0 bo,
 cast(id as decimal(10,2)) dec, date_add(date'2020-01-01', cast(id as int)) dt,
 timestamp'2020-01-01 10:00:00' ts, cast(cast(id as string) as binary) bin, array(id, id) arr,
 map('k', id) m, named_struct('x', id, 'y', 'a') st, if(id = 1, null, cast(id as int)) ni,
 if(id = 1, null, id % 2 = 0) nb, timestamp_ntz'2020-01-01 10:00:00' tsn FROM range(3)"""


def test_to_pandas_dtypes_and_values_as_pyspark(spark):
    pdf = spark.sql(ALL_TYPES).toPandas()
    assert {k: str(v) for k, v in pdf.dtypes.items()} == {
        "i": "int32", "l": "int64", "b": "int8", "s": "int16", "f": "float32", "d": "float64",
        "str": "object", "bo": "bool", "dec": "object", "dt": "object",
        "ts": "datetime64[ns]", "bin": "object", "arr": "object", "m": "object",
        "st": "object", "ni": "float64", "nb": "object", "tsn": "datetime64[ns]"}
    row = pdf.iloc[2]
    assert row["dec"] == decimal.Decimal("2.00") and row["dt"] == datetime.date(2020, 1, 3)
    assert row["ts"] == pd.Timestamp("2020-01-01 10:00:00") and row["bin"] == b"2"
    assert isinstance(row["arr"], np.ndarray) and list(row["arr"]) == [2, 2]
    assert row["m"] == {"k": 2} and row["st"] == {"x": 2, "y": "a"}
    assert np.isnan(pdf["ni"][1]) and pdf["nb"].tolist() == [True, None, True]


def test_to_arrow_schema_keeps_nullability(spark):
    table = spark.sql(ALL_TYPES).toArrow()
    schema = table.schema
    assert str(schema.field("ts").type) == "timestamp[us, tz=UTC]"
    assert str(schema.field("tsn").type) == "timestamp[us]"
    assert str(schema.field("dec").type) == "decimal128(10, 2)"
    assert str(schema.field("arr").type) == "list<element: int64 not null>"
    assert not schema.field("l").nullable and schema.field("ni").nullable
    assert table.column("ni").to_pylist() == [0, None, 2]
    assert table.column("st").to_pylist()[1] == {"x": 1, "y": "a"}


def test_empty_results_keep_their_types(spark):
    df = spark.createDataFrame([(1, 1.0)], ("id", "v")).limit(0)
    assert {k: str(v) for k, v in df.toPandas().dtypes.items()} == {"id": "int64",
                                                                    "v": "float64"}
    assert str(df.toArrow().schema) == "id: int64\nv: double"


def _source():
    return pd.DataFrame({
        "a": [1, 2, 3], "b": [1.5, None, 2.0], "c": ["x", None, "z"], "d": [True, False, True],
        "e": pd.to_datetime(["2020-01-01", "2020-01-02", None]),
        "f": pd.array([1, None, 3], dtype="Int64"), "g": [[1, 2], [3], []],
        "h": [decimal.Decimal("1.5"), None, decimal.Decimal("2.25")],
        "i": [datetime.date(2020, 1, 1), None, datetime.date(2020, 1, 3)],
        "j": pd.Series([1, 2, 3], dtype="int32"), "k": pd.Series([1, 2, 3], dtype="int8"),
        "l": pd.Series([1.0, 2, 3], dtype="float32"), "m": [b"a", b"b", None]})


def test_create_data_frame_from_pandas_infers_as_arrow_does(spark):
    df = spark.createDataFrame(_source())
    assert df.schema.simpleString() == (
        "struct<a:bigint,b:double,c:string,d:boolean,e:timestamp,f:bigint,g:array<bigint>,"
        "h:decimal(3,2),i:date,j:int,k:tinyint,l:float,m:binary>")
    assert [tuple(r) for r in df.collect()] == [
        (1, 1.5, "x", True, datetime.datetime(2020, 1, 1), 1, [1, 2], decimal.Decimal("1.50"),
         datetime.date(2020, 1, 1), 1, 1, 1.0, b"a"),
        (2, None, None, False, datetime.datetime(2020, 1, 2), None, [3], None, None, 2, 2,
         2.0, b"b"),
        (3, 2.0, "z", True, None, 3, [], decimal.Decimal("2.25"), datetime.date(2020, 1, 3),
         3, 3, 3.0, None)]


def test_create_data_frame_from_pandas_with_schema_and_names(spark):
    src = _source()[["a", "b"]]
    assert [tuple(r) for r in spark.createDataFrame(src, "x long, y double").collect()] == [
        (1, 1.5), (2, None), (3, 2.0)]
    renamed = spark.createDataFrame(src, ["p", "q"])
    assert renamed.columns == ["p", "q"] and renamed.dtypes[1] == ("q", "double")
    nan = spark.createDataFrame(pd.DataFrame({"x": [1.0, float("nan")]}))
    assert [r.x for r in nan.collect()] == [1.0, None]   # Arrow's from_pandas: NaN is null


def test_pandas_round_trip_of_timestamps_in_the_session_zone(spark):
    pdf = pd.DataFrame({"t": pd.to_datetime(["2021-03-04 05:06:07.000008"])})
    back = spark.createDataFrame(pdf).toPandas()
    assert back["t"][0] == pd.Timestamp("2021-03-04 05:06:07.000008")


def test_create_data_frame_from_arrow_table(spark):
    df = spark.createDataFrame(pa.table({"a": [1, 2], "b": ["x", None]}))
    assert [tuple(r) for r in df.collect()] == [(1, "x"), (2, None)]
    naive = pa.table({"a": [1], "t": pa.array([0], pa.timestamp("us"))})
    assert spark.createDataFrame(naive).schema.simpleString() == "struct<a:bigint,t:timestamp>"


def test_a_value_arrow_cannot_convert_is_named(spark):
    with pytest.raises(ValueError, match="column 'x' with type 'object' to Arrow type 'int64'"):
        spark.createDataFrame(pd.DataFrame({"x": ["a"]}), "x long")


def test_cast_of_null_to_complex_types(spark):
    # the cogroup plan needs these; they failed in the executor ("cannot cast void to ...")
    row = spark.range(1).select(F.lit(None).cast("array<int>").alias("a"),
                                F.lit(None).cast("map<string,int>").alias("m"),
                                F.lit(None).cast("struct<a:int>").alias("s")).collect()[0]
    assert tuple(row) == (None, None, None)


def test_core_works_without_pandas_and_names_the_missing_package(tmp_path):
    """With pandas and pyarrow hidden, ember.sql imports and runs; the pandas entry points
    raise PySparkImportError naming the package."""
    script = tmp_path / "no_pandas.py"
    script.write_text(
        "import sys\n"
        "sys.modules['pandas'] = None\n"
        "sys.modules['pyarrow'] = None\n"
        "from ember.sql import SparkSession, functions as F\n"
        "from ember.errors import PySparkImportError\n"
        "spark = SparkSession.builder.master('local[1]').getOrCreate()\n"
        "assert spark.range(3).count() == 3\n"
        "for call in (lambda: spark.range(1).toPandas(),\n"
        "             lambda: F.pandas_udf(lambda s: s, 'long')):\n"
        "    try:\n"
        "        call()\n"
        "    except PySparkImportError as e:\n"
        "        print(e.getCondition(), str(e))\n"
        "spark.stop()\n")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    out = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("PACKAGE_NOT_INSTALLED [PACKAGE_NOT_INSTALLED] Pandas >= 2.2.0")
    assert "pip install 'ember[pandas]'" in lines[0]
    assert lines[1].startswith("PACKAGE_NOT_INSTALLED [PACKAGE_NOT_INSTALLED] Pandas >= 2.2.0")


@pytest.mark.parametrize("name", ["arrow_types", "arrow_values"])
def test_docstring_examples_of_the_arrow_modules(name):
    import doctest
    import importlib
    module = importlib.import_module("ember.sql.pandas." + name)
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
