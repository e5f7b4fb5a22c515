"""explode_outer, posexplode_outer, inline, inline_outer and stack: answers as PySpark 4.3 gives
them for the same data (written out by hand from its output)."""

import pytest

from ember.errors import AnalysisException
from ember.sql import functions as F


@pytest.fixture
def df(spark):
    return spark.createDataFrame(
        [(1, [1, 2], {"x": 1}, [(1, "a"), (2, "b")]), (2, None, None, None), (3, [], {}, [])],
        "id int, a array<int>, m map<string,int>, s array<struct<n:int,t:string>>")


def _run(df, gen):
    r = df.select("id", gen)
    return r.columns, r.schema.simpleString(), [tuple(x) for x in r.orderBy("id").collect()]


def test_outer_explodes_keep_null_and_empty_collections(df):
    assert _run(df, F.explode_outer("a")) == (
        ["id", "col"], "struct<id:int,col:int>", [(1, 1), (1, 2), (2, None), (3, None)])
    assert _run(df, F.posexplode_outer("a")) == (
        ["id", "pos", "col"], "struct<id:int,pos:int,col:int>",
        [(1, 0, 1), (1, 1, 2), (2, None, None), (3, None, None)])
    assert _run(df, F.explode_outer("m")) == (
        ["id", "key", "value"], "struct<id:int,key:string,value:int>",
        [(1, "x", 1), (2, None, None), (3, None, None)])
    assert _run(df, F.posexplode_outer("m")) == (
        ["id", "pos", "key", "value"], "struct<id:int,pos:int,key:string,value:int>",
        [(1, 0, "x", 1), (2, None, None, None), (3, None, None, None)])
    assert df.select(F.explode_outer("a").alias("e")).columns == ["e"]


def test_inline_and_inline_outer(df):
    assert _run(df, F.inline("s")) == (
        ["id", "n", "t"], "struct<id:int,n:int,t:string>", [(1, 1, "a"), (1, 2, "b")])
    assert _run(df, F.inline_outer("s")) == (
        ["id", "n", "t"], "struct<id:int,n:int,t:string>",
        [(1, 1, "a"), (1, 2, "b"), (2, None, None), (3, None, None)])


def test_stack(df):
    cols, schema, rows = _run(df, F.stack(F.lit(2), F.col("id"), F.lit("p"), F.col("id") + 1, F.lit(None)))
    assert cols == ["id", "col0", "col1"]
    assert schema == "struct<id:int,col0:int,col1:string>"
    assert sorted(rows, key=lambda t: (t[0], t[1])) == [
        (1, 1, "p"), (1, 2, None), (2, 2, "p"), (2, 3, None), (3, 3, "p"), (3, 4, None)]
    with pytest.raises(AnalysisException, match="STACK_COLUMN_DIFF_TYPES"):
        df.select(F.stack(F.lit(3), "id", F.lit(1.5), F.lit(7)))
    with pytest.raises(AnalysisException, match="DATATYPE_MISMATCH"):
        df.select(F.inline("a"))
