"""Arrow streams between the JVM and Python workers for pandas and Arrow functions: batch
sizes, types and groups that span batches. Expected answers are PySpark 4.3's for the same
programs (pandas 2.3, pyarrow 23); each grouped case also runs on the pickled-rows path
(``ember.sql.pandas.arrowStreams=false``), which must agree."""

import datetime
import decimal
from contextlib import contextmanager
from typing import Iterator

import pandas as pd
import pyarrow as pa
import pytest

from ember.errors import PySparkTypeError, PySparkValueError
from ember.sql import functions as F
from ember.sql.functions import pandas_udf

ARROW = "ember.sql.pandas.arrowStreams"


@contextmanager
def conf(spark, **settings):
    old = {k: spark.conf.get(k, None) for k in settings}
    for k, v in settings.items():
        spark.conf.set(k, v)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                spark.conf.unset(k)
            else:
                spark.conf.set(k, v)


def both_paths(spark, make, **settings):
    """``make()`` collected over Arrow streams and over pickled rows; they must agree."""
    out = []
    for arrow in ("true", "false"):
        with conf(spark, **{ARROW: arrow}, **settings):
            out.append(sorted((tuple(r) for r in make().collect()), key=repr))
    assert out[0] == out[1]
    return out[0]


def sizes(df):
    return [r.n for r in df.mapInPandas(lambda it: (pd.DataFrame({"n": [len(p)]}) for p in it),
                                        "n long").collect()]


def test_batches_hold_max_records_per_batch_rows(spark):
    key = "spark.sql.execution.arrow.maxRecordsPerBatch"
    with conf(spark, **{key: "3"}):
        assert sizes(spark.range(0, 7, 1, 1)) == [3, 3, 1]
    with conf(spark, **{key: "3000"}):   # across the JVM's 4096-row batches
        assert sizes(spark.range(0, 10000, 1, 1)) == [3000, 3000, 3000, 1000]
    assert sizes(spark.range(0, 25000, 1, 1)) == [10000, 10000, 5000]
    assert spark.range(0).mapInPandas(lambda it: it, "id long").collect() == []


def test_groups_that_span_batches_with_null_nan_and_signed_zero_keys(spark):
    df = spark.createDataFrame([(1.0, 1), (float("nan"), 2), (None, 3), (1.0, 4),
                                (float("nan"), 5), (2.0, 6), (None, 7), (-0.0, 8), (0.0, 9)],
                               "k double, v int")

    def f(key, pdf):
        return pd.DataFrame({"k": [key[0]], "n": [len(pdf)], "s": [int(pdf.v.sum())]})

    got = both_paths(spark, lambda: df.groupBy("k").applyInPandas(f, "k double, n long, s long"),
                     **{"spark.sql.execution.arrow.maxRecordsPerBatch": "2",
                        "spark.sql.shuffle.partitions": "3"})
    # the NaN key comes back as a NaN in pandas, which a double column takes as null
    assert got == sorted([(-0.0, 2, 17), (1.0, 2, 5), (2.0, 1, 6), (None, 2, 10), (None, 2, 7)],
                         key=repr)


ROWS = [(1, "a", datetime.date(2020, 1, 2), datetime.datetime(2021, 3, 4, 5, 6, 7, 891011),
         decimal.Decimal("12.34"), [1, None], {"x": 1.5}, (2, "z"), bytearray(b"\x00\x01"), True,
         3.25, decimal.Decimal("-12345678901234567890.123456"), -7, [(1, [2.5])]),
        (None,) * 14]
SCHEMA = ("i int, s string, d date, ts timestamp, dec decimal(10,2), a array<int>, "
          "m map<string,double>, st struct<p:int,q:string>, b binary, flag boolean, x float, "
          "wide decimal(38,6), y tinyint, nest array<struct<u:short,w:array<double>>>")


def test_every_type_crosses_in_both_directions(spark):
    with conf(spark, **{"spark.sql.session.timeZone": "America/Los_Angeles"}):
        df = spark.createDataFrame(ROWS, SCHEMA)
        expected = df.collect()
        assert expected[0].ts == datetime.datetime(2021, 3, 4, 5, 6, 7, 891011)
        assert df.mapInPandas(lambda it: it, SCHEMA).collect() == expected
        assert df.mapInArrow(lambda it: it, SCHEMA).collect() == expected
        assert sorted(df.groupBy("i").applyInArrow(lambda t: t, SCHEMA).collect(),
                      key=repr) == sorted(expected, key=repr)

        def seen(it):
            for p in it:
                yield pd.DataFrame({"ts": [str(p.ts[0])], "d": [repr(p.d[0])],
                                    "m": [repr(p.m[0])], "st": [repr(p.st[0])],
                                    "dec": [repr(p.dec[0])]})
        # what the function sees, as PySpark shows it: timestamps in the session zone
        assert tuple(df.limit(1).mapInPandas(seen, "ts string, d string, m string, st string, "
                                                   "dec string").collect()[0]) == (
            "2021-03-03 21:06:07.891011", "datetime.date(2020, 1, 2)", "{'x': 1.5}",
            "{'p': 2, 'q': 'z'}", "Decimal('12.34')")


def test_grouped_aggregates_and_cogroups_over_small_batches(spark):
    @pandas_udf("double")
    def mean_udf(s: pd.Series) -> float:
        return s.mean()

    df = spark.range(0, 50, 1, 2).select(
        (F.col("id") % 7).alias("g"), F.col("id").alias("v"),
        F.concat(F.lit("s"), F.col("id").cast("string")).alias("s"))
    small = {"spark.sql.execution.arrow.maxRecordsPerBatch": "4",
             "spark.sql.shuffle.partitions": "3"}
    assert both_paths(spark, lambda: df.groupBy("g").agg(mean_udf("v").alias("m")), **small) \
        == [(0, 24.5), (1, 22.0), (2, 23.0), (3, 24.0), (4, 25.0), (5, 26.0), (6, 27.0)]
    assert both_paths(spark, lambda: df.agg(mean_udf("v")), **small) == [(24.5,)]
    empty = spark.range(0).select(F.col("id").cast("double").alias("x"))
    assert both_paths(spark, lambda: empty.agg(mean_udf("x"))) == []

    def merge(key, left, right):
        return pd.DataFrame({"g": [key[0]], "nl": [len(left)], "nr": [len(right)],
                             "sl": [",".join(sorted(left.s))]})

    other = spark.range(0, 20, 1, 3).select((F.col("id") % 5).alias("g"), F.col("id").alias("w"))
    got = both_paths(spark, lambda: df.groupBy("g").cogroup(other.groupBy("g")).applyInPandas(
        merge, "g long, nl long, nr long, sl string"), **small)
    assert got == [(0, 8, 4, "s0,s14,s21,s28,s35,s42,s49,s7"),
                   (1, 7, 4, "s1,s15,s22,s29,s36,s43,s8"),
                   (2, 7, 4, "s16,s2,s23,s30,s37,s44,s9"),
                   (3, 7, 4, "s10,s17,s24,s3,s31,s38,s45"),
                   (4, 7, 4, "s11,s18,s25,s32,s39,s4,s46"),
                   (5, 7, 0, "s12,s19,s26,s33,s40,s47,s5"),
                   (6, 7, 0, "s13,s20,s27,s34,s41,s48,s6")]

    def arrow_merge(key, left, right):
        return pa.table({"g": [key[0].as_py()], "n": [left.num_rows + right.num_rows]})

    assert both_paths(spark, lambda: df.groupBy("g").cogroup(other.groupBy("g")).applyInArrow(
        arrow_merge, "g long, n long"), **small) == [
        (0, 12), (1, 11), (2, 11), (3, 11), (4, 11), (5, 7), (6, 7)]


def test_a_result_arrow_cannot_convert_names_the_column(spark):
    with pytest.raises(PySparkValueError, match=r"Failed to convert the value of the column 'id' "
                                                r"with type 'object' to Arrow type 'int64'"):
        spark.range(3).mapInPandas(lambda it: (pd.DataFrame({"id": ["x"]}) for _ in it),
                                   "id long").collect()
    with pytest.raises(PySparkTypeError, match=r"UDF_RETURN_TYPE"):
        spark.range(3).mapInArrow(lambda it: (pd.DataFrame({"id": [1]}) for _ in it),
                                  "id long").collect()


def test_scalar_and_iterator_pandas_udfs_over_every_type(spark):
    with conf(spark, **{"spark.sql.session.timeZone": "America/Los_Angeles"}):
        df = spark.createDataFrame(ROWS, SCHEMA)
        # a null struct becomes a DataFrame row of nulls, so a struct of nulls, as in PySpark
        expected = sorted((tuple(r) if r.i is not None else tuple(r)[:7] + ((None, None),) +
                           tuple(r)[8:] for r in df.collect()), key=repr)
        calls = [pandas_udf(lambda s: s, f.dataType)(f.name).alias(f.name)
                 for f in df.schema.fields]
        for arrow in ("true", "false"):
            with conf(spark, **{ARROW: arrow}):
                got = sorted((tuple(tuple(v) if k == 7 and v is not None else v
                                     for k, v in enumerate(r))
                               for r in df.select(*calls).collect()), key=repr)
                assert got == expected, arrow


def test_scalar_pandas_udf_batches_as_pyspark(spark):
    @pandas_udf("long")
    def length(s: pd.Series) -> pd.Series:
        return pd.Series([len(s)] * len(s))

    @pandas_udf("long")
    def lengths(it: Iterator[pd.Series]) -> Iterator[pd.Series]:
        for s in it:
            yield pd.Series([len(s)] * len(s))

    with conf(spark, **{"spark.sql.execution.arrow.maxRecordsPerBatch": "3000"}):
        for f in (length, lengths):
            counts = both_paths(spark, lambda: spark.range(0, 10000, 1, 1).select(f("id").alias("n"))
                                .groupBy("n").count())
            assert counts == [(1000, 1000), (3000, 9000)]

    @pandas_udf("double")
    def short(s: pd.Series) -> pd.Series:
        return s.iloc[:-1].astype("float64")

    with pytest.raises(Exception, match=r"RESULT_ROWS_MISMATCH|number of output rows"):
        spark.range(5).select(short("id")).collect()


def test_arrow_functions_see_timestamps_in_the_session_time_zone(spark):
    """mapInArrow/applyInArrow (grouped and cogrouped, keys too) label timestamps, nested ones
    included, with the session time zone as PySpark does; timestamp_ntz stays zoneless."""
    ts = datetime.datetime(2024, 1, 2, 3, 4, 5)
    df = spark.createDataFrame([(ts, (ts, 1), [datetime.datetime(2024, 6, 1)], ts)],
                               "t timestamp, st struct<u:timestamp,v:int>, a array<timestamp>, "
                               "n timestamp_ntz")

    def seen(b):
        return [str(b.schema.field(n).type) for n in b.schema.names] + \
            [str(b.column(0)[0]), str(b.column(1)[0]["u"])]
    zone = "timestamp[us, tz=America/Los_Angeles]"
    expected = [zone, "struct<u: %s, v: int32>" % zone, "list<element: %s>" % zone,
                "timestamp[us]", "2024-01-01 19:04:05-08:00", "2024-01-01 19:04:05-08:00"]
    tz = {"spark.sql.session.timeZone": "America/Los_Angeles"}
    mapped = both_paths(spark, lambda: df.mapInArrow(
        lambda it: (pa.RecordBatch.from_pydict({"r": seen(b)}) for b in it), "r string"), **tz)
    assert sorted(mapped) == sorted((r,) for r in expected)
    grouped = both_paths(spark, lambda: df.groupBy("t").applyInArrow(
        lambda k, t: pa.table({"r": seen(t) + ["key " + str(k[0].type), "key " + str(k[0])]}),
        "r string"), **tz)
    assert sorted(grouped) == sorted((r,) for r in expected + [
        "key " + zone, "key 2024-01-01 19:04:05-08:00"])
    cogrouped = both_paths(spark, lambda: df.groupBy("t").cogroup(df.groupBy("t")).applyInArrow(
        lambda k, left, right: pa.table({"r": seen(left) + seen(right)[:1] + ["key " + str(k[0].type)]}),
        "r string"), **tz)
    assert sorted(cogrouped) == sorted((r,) for r in expected + [zone, "key " + zone])


def test_int_arrays_with_nulls_reach_pandas_functions_as_object_arrays(spark):
    """A batch whose array<int> holds a null reaches pandas UDFs, mapInPandas and
    applyInPandas as object arrays of ints and None (PySpark's integer_object_nulls), nested
    arrays and map values too; a batch without one keeps int32; toPandas keeps float64."""
    def desc(v):
        return "None" if v is None else "%s %s" % (
            v.dtype, [None if x is None else (type(x).__name__, int(x)) for x in v])
    df = spark.createDataFrame([(1, [1, None, 3]), (2, None), (3, [4, 5]), (4, [])],
                               "id int, a array<int>").coalesce(1)
    expected = [("None",), ("object [('int', 1), None, ('int', 3)]",),
                ("object [('int', 4), ('int', 5)]",), ("object []",)]
    show = pandas_udf(lambda s: s.map(desc), "string")
    assert sorted(both_paths(spark, lambda: df.select(show("a")))) == sorted(expected)
    assert sorted(both_paths(spark, lambda: df.mapInPandas(
        lambda it: (pd.DataFrame({"r": p["a"].map(desc)}) for p in it), "r string"))) == sorted(expected)
    assert sorted(both_paths(spark, lambda: df.withColumn("g", F.lit(1)).groupBy("g").applyInPandas(
        lambda p: pd.DataFrame({"r": p["a"].map(desc)}), "r string"))) == sorted(expected)
    no_nulls = spark.createDataFrame([([1, 2],)], "a array<int>")
    assert both_paths(spark, lambda: no_nulls.select(show("a"))) == [("int32 [('int32', 1), ('int32', 2)]",)]
    nested = spark.createDataFrame([(1, [[1, None]], {"k": [2, None]})],
                                   "id int, a array<array<long>>, m map<string,array<int>>")
    assert both_paths(spark, lambda: nested.mapInPandas(
        lambda it: (pd.DataFrame({"r": [repr(p["a"][0]) + " " + repr(p["m"][0])]}) for p in it),
        "r string")) == [("array([array([1, None], dtype=object)], dtype=object) "
                          "{'k': array([2, None], dtype=object)}",)]
    assert [str(v.dtype) if v is not None else None for v in df.toPandas()["a"]] == \
        ["float64", None, "float64", "float64"]
