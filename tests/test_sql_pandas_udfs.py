"""pandas UDFs, mapInPandas/mapInArrow, applyInPandas/applyInArrow/apply and cogroup, run in
Ember's Python workers; the expected answers and error texts are PySpark 4.3's for the same
programs (pandas 2.3, pyarrow 23)."""

from typing import Iterator, Tuple

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from ember.errors import AnalysisException
from ember.sql import functions as F
from ember.sql.functions import PandasUDFType, pandas_udf


@pytest.fixture(scope="module")
def df(spark):
    # grouped maps shuffle into spark.sql.shuffle.partitions tasks: few for a few rows
    previous = spark.conf.get("spark.sql.shuffle.partitions", None)
    spark.conf.set("spark.sql.shuffle.partitions", "4")
    yield spark.createDataFrame([(1, 1.0), (1, 2.0), (2, 3.0), (2, 5.0), (2, 10.0)],
                                ("id", "v"))
    if previous is None:
        spark.conf.unset("spark.sql.shuffle.partitions")
    else:
        spark.conf.set("spark.sql.shuffle.partitions", previous)


@pandas_udf("double")
def plus(s: pd.Series) -> pd.Series:
    return s + 1


@pandas_udf("double")
def mean_udf(s: pd.Series) -> float:
    return s.mean()


def rows(frame):
    return [tuple(r) for r in frame.collect()]


def test_scalar_pandas_udf_and_its_column_name(df):
    out = df.select(plus("v"), plus(df.id))
    assert out.columns == ["plus(v)", "plus(id)"]
    assert rows(out) == [(2.0, 2.0), (3.0, 2.0), (4.0, 3.0), (6.0, 3.0), (11.0, 3.0)]


def test_scalar_pandas_udf_nulls_and_argument_dtypes(spark):
    ints = spark.createDataFrame([(1,), (None,)], "x int")
    assert rows(ints.select(plus("x"))) == [(2.0,), (None,)]

    @pandas_udf("string")
    def typ(s):
        return s.map(lambda v: type(v).__name__) + ":" + str(s.dtype)
    values = spark.sql("select 1 i, 1L l, 1.0D d, 'a' s, true b, date'2020-01-01' dt, "
                       "timestamp'2020-01-01 00:00:00' ts, 1.5BD dec, array(1) a, map('a',1) m,"
                       " cast(null as int) ni")
    assert rows(values.select(*[typ(c) for c in values.columns])) == [(
        "int:int32", "int:int64", "float:float64", "str:object", "bool:bool", "date:object",
        "Timestamp:datetime64[ns]", "Decimal:object", "ndarray:object", "dict:object",
        "float:float64")]


def test_iterator_pandas_udfs(df):
    @pandas_udf("long")
    def doubled(it: Iterator[pd.Series]) -> Iterator[pd.Series]:
        for s in it:
            yield s * 2

    @pandas_udf("long")
    def added(it: Iterator[Tuple[pd.Series, pd.Series]]) -> Iterator[pd.Series]:
        for a, b in it:
            yield a + b.astype("int64")
    assert doubled.evalType == PandasUDFType.SCALAR_ITER == 204
    assert rows(df.select(doubled("id"), added("id", "v"))) == [
        (2, 2), (2, 3), (4, 5), (4, 7), (4, 12)]


def test_struct_arguments_and_results(df):
    @pandas_udf("a long, b string")
    def pair(s: pd.Series) -> pd.DataFrame:
        return pd.DataFrame({"a": s, "b": s.astype(str)})

    @pandas_udf("string")
    def fields(s: pd.DataFrame) -> pd.Series:
        return s["x"].astype(str) + "|" + repr(list(s.columns))
    out = df.select(pair("id"))
    assert out.schema.simpleString() == "struct<pair(id):struct<a:bigint,b:string>>"
    assert [tuple(r[0]) for r in out.collect()] == [(1, "1"), (1, "1"), (2, "2"), (2, "2"),
                                                   (2, "2")]
    assert rows(df.select(fields(F.struct(df.id.alias("x"), df.v))))[0] == ("1|['x', 'v']",)


def test_scalar_udf_over_many_batches(spark):
    # 100000 rows: ten batches of maxRecordsPerBatch per task, streamed through the worker
    assert spark.range(100000).select(F.sum(plus("id"))).collect()[0][0] == 5000050000.0


def test_scalar_udf_errors(df):
    @pandas_udf("long")
    def first_only(s: pd.Series) -> pd.Series:
        return s.iloc[:1]
    with pytest.raises(RuntimeError, match=r"\[RESULT_ROWS_MISMATCH\] The number of output "
                                           r"rows \(1\) must match the number of input rows"):
        df.select(first_only("v")).collect()

    def boom(s):
        raise ValueError("boom here")
    with pytest.raises(ValueError, match="boom here") as info:
        df.select(pandas_udf(boom, "long")("id")).collect()
    assert "def boom" in str(info.value) or "boom" in getattr(info.value, "traceback", "")
    with pytest.raises(ValueError, match="to Arrow type 'int64'"):
        df.select(pandas_udf(lambda s: s.astype(str) + "x", "long")("id")).collect()


def test_pandas_udf_argument_errors():
    with pytest.raises(TypeError, match=r"\[CANNOT_BE_NONE\] Argument `returnType` cannot"):
        pandas_udf(lambda s: s)
    with pytest.raises(TypeError, match=r"\[INVALID_PANDAS_UDF_TYPE\] `functionType` should "
                                        r"be one of the values from PandasUDFType, got 999"):
        pandas_udf(lambda s: s, "long", 999)
    assert (plus.evalType, mean_udf.evalType) == (200, 202)
    assert pandas_udf(lambda p: p, "a long", PandasUDFType.GROUPED_MAP).evalType == 201


def test_grouped_aggregate_pandas_udfs(df):
    assert rows(df.groupby("id").agg(mean_udf("v").alias("m")).orderBy("id")) == [
        (1, 1.5), (2, 6.0)]
    assert df.groupby("id").agg(mean_udf(df.v)).columns == ["id", "mean_udf(v)"]
    assert rows(df.agg(mean_udf("v"))) == [(4.2,)]
    assert rows(df.select(mean_udf("v"))) == [(4.2,)]
    with pytest.raises(AnalysisException, match=r"\[INVALID_PANDAS_UDF_PLACEMENT\] The group "
                                                r"aggregate pandas UDF `mean_udf` cannot"):
        df.groupby("id").agg(mean_udf("v"), F.sum("v"))


def test_map_in_pandas_and_arrow(df):
    assert rows(df.mapInPandas(lambda it: (p[p.id == 1] for p in it), df.schema)) == [
        (1, 1.0), (1, 2.0)]
    counts = df.mapInPandas(lambda it: (pd.DataFrame({"n": [len(p)]}) for p in it), "n long")
    assert sum(r.n for r in counts.collect()) == 5
    filtered = df.mapInArrow(lambda it: (b.filter(pc.equal(b.column("id"), 1)) for b in it),
                             df.schema)
    assert rows(filtered) == [(1, 1.0), (1, 2.0)]


def test_map_in_pandas_errors(df):
    with pytest.raises(RuntimeError, match=r"\[RESULT_COLUMN_NAMES_MISMATCH\] Column names of "
                                           r"the returned data do not match specified schema. "
                                           r"Missing: v."):
        df.mapInPandas(lambda it: (p[["id"]] for p in it), "id long, v double").collect()
    with pytest.raises(TypeError, match=r"should be iterator of pandas.DataFrame, but is int."):
        df.mapInPandas(lambda it: 1, "id long").collect()
    with pytest.raises(TypeError, match=r"should be iterator of pandas.DataFrame, but is "
                                        r"iterator of int."):
        df.mapInPandas(lambda it: iter([1]), "id long").collect()


def test_apply_in_pandas(df):
    centered = df.groupby("id").applyInPandas(lambda p: p.assign(v=p.v - p.v.mean()),
                                              "id long, v double")
    assert rows(centered.orderBy("id", "v")) == [(1, -0.5), (1, 0.5), (2, -3.0), (2, -1.0),
                                                 (2, 4.0)]
    with_key = df.groupby(df.id).applyInPandas(
        lambda key, p: pd.DataFrame([key + (p.v.mean(),)]), "id long, v double")
    assert sorted(rows(with_key)) == [(1, 1.5), (2, 6.0)]
    key_types = df.groupby(df.id, (df.v > 2).alias("big")).applyInPandas(
        lambda key, p: pd.DataFrame({"t": [repr([type(k).__name__ for k in key])]}),
        "t string")
    assert {r.t for r in key_types.collect()} == {"['int64', 'bool']"}
    by_expr = df.groupby((df.id % 2).alias("k")).applyInPandas(
        lambda p: pd.DataFrame({"cols": [",".join(p.columns)], "n": [len(p)]}),
        "cols string, n long")
    assert sorted(rows(by_expr)) == [("id,v", 2), ("id,v", 3)]
    old = pandas_udf(lambda pdf: pdf, "id long, v double", PandasUDFType.GROUPED_MAP)
    assert df.groupby("id").apply(old).count() == 5


def test_apply_in_pandas_result_checks(df):
    grouped = df.groupby("id")
    with pytest.raises(RuntimeError, match=r"Unexpected: w\."):
        grouped.applyInPandas(lambda p: p.assign(w=1), "id long, v double").collect()
    assert rows(grouped.applyInPandas(lambda p: pd.DataFrame([[1, 2.0]]), "a long, b double")) \
        == [(1, 2.0), (1, 2.0)]   # columns without string names go by position
    with pytest.raises(RuntimeError, match=r"\[RESULT_COLUMN_SCHEMA_MISMATCH\] Number of "
                                           r"columns of the returned data doesn't match "
                                           r"specified schema. Expected: 2 Actual: 3"):
        grouped.applyInPandas(lambda p: pd.DataFrame([[1, 2.0, 3]]), "a long, b double")\
            .collect()
    with pytest.raises(TypeError, match=r"\[UDF_RETURN_TYPE\] Return type of the user-defined "
                                        r"function should be pandas.DataFrame, but is int."):
        grouped.applyInPandas(lambda p: 1, "a long").collect()


def test_apply_in_arrow(df):
    counted = df.groupby("id").applyInArrow(
        lambda t: pa.table({"id": [t.column("id")[0].as_py()], "n": [t.num_rows]}),
        "id long, n long")
    assert sorted(rows(counted)) == [(1, 2), (2, 3)]
    keys = df.groupby("id").applyInArrow(lambda k, t: pa.table({"k": [repr(k)]}), "k string")
    assert sorted(r.k for r in keys.collect()) == ["(<pyarrow.Int64Scalar: 1>,)",
                                                   "(<pyarrow.Int64Scalar: 2>,)"]


def test_cogroup_apply_in_pandas(spark, df):
    other = spark.createDataFrame([(1, "a"), (3, "c")], ("id", "s"))

    def sizes(left, right):
        key = left.id.iloc[0] if len(left) else right.id.iloc[0]
        return pd.DataFrame({"id": [key], "nl": [len(left)], "nr": [len(right)]})
    out = df.groupby("id").cogroup(other.groupby("id")).applyInPandas(
        sizes, "id long, nl long, nr long")
    assert rows(out.orderBy("id")) == [(1, 2, 1), (2, 3, 0), (3, 0, 1)]

    def described(key, left, right):
        return pd.DataFrame({"k": [repr(key)], "lc": [",".join(left.columns)],
                             "rc": [",".join(right.columns)]})
    out = df.groupby("id").cogroup(other.groupby("id")).applyInPandas(
        described, "k string, lc string, rc string")
    assert rows(out.orderBy("k")) == [("(np.int64(1),)", "id,v", "id,s"),
                                      ("(np.int64(2),)", "id,v", "id,s"),
                                      ("(np.int64(3),)", "id,v", "id,s")]


def test_grouped_aggregate_pandas_udf_over_whole_window_partitions(df):
    from ember.sql.window import Window
    out = df.withColumn("m", mean_udf("v").over(Window.partitionBy("id")))
    assert rows(out.orderBy("v")) == [(1, 1.0, 1.5), (1, 2.0, 1.5), (2, 3.0, 6.0),
                                      (2, 5.0, 6.0), (2, 10.0, 6.0)]
    replaced = df.withColumn("v", mean_udf("v").over(Window.partitionBy("id")))
    assert replaced.columns == ["id", "v"]
    assert sorted(rows(replaced)) == [(1, 1.5), (1, 1.5), (2, 6.0), (2, 6.0), (2, 6.0)]
