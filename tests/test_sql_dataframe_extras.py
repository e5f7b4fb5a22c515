"""DataFrame, stat and Column methods added for PySpark 4.3's class coverage: answers written
by hand from what PySpark 4.3 returns for the same data (differences are named where Ember's
answer is allowed to differ)."""

import os

import pytest

from ember.errors import AnalysisException
from ember.sql import functions as F
from ember.sql.types import StructType


@pytest.fixture
def df(spark):
    return spark.createDataFrame([("x", 1, 2.5), ("y", 3, None), (None, 5, 6.0)],
                                 ["key", "a", "b"])


def test_tail_and_to_json(df):
    assert [tuple(r) for r in df.tail(2)] == [("y", 3, None), (None, 5, 6.0)]
    assert df.tail(0) == [] and len(df.tail(10)) == 3
    assert df.toJSON().collect() == ['{"key":"x","a":1,"b":2.5}', '{"key":"y","a":3}',
                                     '{"a":5,"b":6.0}']


@pytest.mark.parametrize("call", [
    lambda d: d.unpivot("key", ["a", "b"], "var", "val"),
    lambda d: d.unpivot(F.col("key"), None, "var", "val"),
    lambda d: d.melt(["key"], ("a", "b"), "var", "val"),
])
def test_unpivot_and_melt(df, call):
    r = call(df)
    assert r.schema.simpleString() == "struct<key:string,var:string,val:double>"
    assert [tuple(x) for x in r.collect()] == [
        ("x", "a", 1.0), ("x", "b", 2.5), ("y", "a", 3.0), ("y", "b", None),
        (None, "a", 5.0), (None, "b", 6.0)]


def test_unpivot_needs_value_columns(df):
    with pytest.raises(Exception, match="UNPIVOT_REQUIRES_VALUE_COLUMNS"):
        df.select("a").unpivot("a", None, "var", "val")


@pytest.mark.parametrize("rows, cols, expected", [
    ([("x", 1, 2.5), ("y", 3, None), (None, 5, 6.0)], ["key", "a", "b"],
     ("struct<key:string,x:double,y:double>", [("a", 1.0, 3.0), ("b", 2.5, None)])),
    ([(2, 1, 2), (1, 3, 4)], ["k", "b", "a"],
     ("struct<key:string,1:bigint,2:bigint>", [("b", 3, 1), ("a", 4, 2)])),
    ([("x", 1, 2), ("y", 3, 4), ("x", 5, 6)], ["k", "a", "b"],
     ("struct<key:string,x:bigint,x:bigint,y:bigint>", [("a", 1, 5, 3), ("b", 2, 6, 4)])),
    ([(None, 1), ("b", 2), ("a", 3)], ["k", "v"], ("struct<key:string,a:bigint,b:bigint>",
                                                  [("v", 3, 2)])),
])
def test_transpose(spark, rows, cols, expected):
    r = spark.createDataFrame(rows, cols).transpose()
    assert (r.schema.simpleString(), [tuple(x) for x in r.collect()]) == expected


def test_transpose_by_column_needs_a_common_type(df):
    with pytest.raises(AnalysisException, match='"STRING" and "DOUBLE" do not'):
        df.transpose(F.col("a"))


def test_to_reorders_and_casts(df):
    r = df.to(StructType.fromDDL("b string, a long"))
    assert r.schema.simpleString() == "struct<b:string,a:bigint>"
    assert [tuple(x) for x in r.collect()] == [("2.5", 1), (None, 3), ("6.0", 5)]
    with pytest.raises(AnalysisException, match="UNRESOLVED_COLUMN"):
        df.to(StructType.fromDDL("nope int"))


def test_zip_with_index_counts_across_partitions(spark):
    assert [tuple(r) for r in spark.range(3).zipWithIndex().collect()] == [(0, 0), (1, 1), (2, 2)]
    r = spark.range(0, 20, 1, 4).filter("id % 3 = 0").zipWithIndex("i")
    assert r.schema.simpleString() == "struct<id:bigint,i:bigint>"
    assert [tuple(x) for x in r.collect()] == [(3 * k, k) for k in range(7)]


def test_stat_shortcuts_on_the_data_frame(spark):
    d = spark.createDataFrame([(1, 2.0), (2, 4.0), (3, 7.0)], ["x", "y"])
    assert d.corr("x", "y") == pytest.approx(0.9933992677987828)
    assert d.cov("x", "y") == pytest.approx(2.5)
    assert d.approxQuantile("x", [0.0, 0.5, 1.0], 0.0) == [1.0, 2.0, 3.0]
    ct = d.crosstab("x", "y")
    assert ct.columns == ["x_y", "2.0", "4.0", "7.0"]
    assert [tuple(r) for r in ct.collect()] == [("1", 1, 0, 0), ("2", 0, 1, 0), ("3", 0, 0, 1)]


def test_freq_items_are_exact(spark):
    d = spark.createDataFrame([(1, "a"), (1, "b"), (2, "a"), (1, None)], ["n", "s"])
    # PySpark's sketch answers n_freqItems=[1, 2] here (a false positive it allows).
    r = d.freqItems(["n", "s"], 0.4)
    assert r.schema.simpleString() == "struct<n_freqItems:array<bigint>,s_freqItems:array<string>>"
    assert [tuple(x) for x in r.collect()] == [([1], ["a"])]
    assert sorted(d.stat.freqItems(("n",)).head()[0]) == [1, 2]


def test_sample_by_keeps_strata_by_fraction(spark):
    d = spark.range(100)
    assert [r.id for r in d.sampleBy("id", {1: 1.0, 2: 0.0, 3: 1.0}, seed=1).collect()] == [1, 3]
    picked = d.select((F.col("id") % 2).alias("k")).stat.sampleBy("k", {0: 1.0}, 7)
    assert picked.count() == 50
    assert d.sampleBy(F.col("id"), {}).count() == 0


def test_plan_facts(spark, df, tmp_path):
    assert spark.range(3).isLocal() is False
    assert spark.sql("SET spark.sql.shuffle.partitions").isLocal() is True
    assert df.isStreaming is False
    assert df.sameSemantics(df) and df.sameSemantics(df.select("*"))
    assert not df.sameSemantics(df.filter("a > 1"))
    assert df.select("a").semanticHash() == df.select("a").semanticHash()
    out = str(tmp_path / "csv")
    spark.range(4).repartition(2).write.csv(out)
    files = spark.read.csv(out).inputFiles()
    assert len(files) == 2 and all(f.startswith("file:") and f.endswith(".csv") for f in files)
    assert sorted(os.path.basename(f) for f in files) == sorted(
        f for f in os.listdir(out) if f.endswith(".csv"))
    assert spark.range(2).inputFiles() == []


def test_register_temp_table_and_session_property(spark, df):
    df.registerTempTable("extras_t")
    try:
        assert spark.table("extras_t").count() == 3
    finally:
        spark.catalog.dropTempView("extras_t")
    assert df.sparkSession is spark


def test_column_transform(df):
    assert df.select(F.col("a").transform(lambda c: c + 1).alias("r")).collect()[0].r == 2
    with pytest.raises(Exception, match="NOT_"):
        F.col("a").transform(lambda c: 1)


@pytest.mark.parametrize("agg", [F.first("v", ignorenulls=True), F.first("v"), F.last("v")])
def test_pivot_first_and_last_skip_other_pivot_values(spark, agg):
    # Spark forces ignoreNulls on first/last under pivot; each pivot value sees its own rows.
    d = spark.createDataFrame([("r", "p", 2), ("r", "q", 3)], "g string, k string, v int")
    r = d.coalesce(1).groupBy("g").pivot("k", ["p", "q"]).agg(agg)
    assert [tuple(x) for x in r.collect()] == [("r", 2, 3)]


def test_observe_metrics(spark):
    from ember.errors import PySparkAssertionError
    from ember.sql import Observation
    obs = Observation("m")
    with pytest.raises(PySparkAssertionError, match="NO_OBSERVE_BEFORE_GET"):
        obs.get
    d = spark.range(5).observe(obs, F.count(F.lit(1)).alias("n"), F.max("id").alias("mx"))
    assert d.count() == 5
    assert obs.get == {"n": 5, "mx": 4}
    with pytest.raises(PySparkAssertionError, match="REUSE_OBSERVATION"):
        spark.range(1).observe(obs, F.count(F.lit(1)).alias("n"))
    with pytest.raises(Exception):
        spark.range(1).observe(Observation(), F.col("id"))


def test_zip_pairs_rows_of_projections_of_one_plan(spark):
    base = spark.range(0, 6, 1, 3)
    r = base.zip(base.select((F.col("id") * 2).alias("x")))
    assert [tuple(x) for x in r.collect()] == [(i, 2 * i) for i in range(6)]
    d = spark.createDataFrame([(1, 2, 3), (4, 5, 6)], ["a", "b", "c"])
    assert [tuple(x) for x in d.select("a").zip(d.select("b")).collect()] == [(1, 2), (4, 5)]
    with pytest.raises(AnalysisException, match="ZIP_PLANS_NOT_MERGEABLE"):
        base.zip(base.filter("id > 2"))


@pytest.mark.parametrize("ansi", ["false", "true"])
def test_try_cast_is_null_where_the_cast_fails(spark, ansi):
    d = spark.createDataFrame([("12",), ("x",), ("3000000000",), (None,)], ["s"])
    spark.conf.set("spark.sql.ansi.enabled", ansi)
    try:
        r = d.select(F.col("s").try_cast("int"), F.col("s").try_cast("bigint").alias("l"),
                     F.upper("s").try_cast("int"))
        assert r.schema.simpleString() == "struct<s:int,l:bigint,TRY_CAST(upper(s) AS INT):int>"
        assert [tuple(x)[:2] for x in r.collect()] == [
            (12, 12), (None, None), (None, 3000000000), (None, None)]
    finally:
        spark.conf.unset("spark.sql.ansi.enabled")
