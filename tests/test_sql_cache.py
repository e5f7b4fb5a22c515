"""DataFrame caching against a real engine: cache()/persist(level)/unpersist(), later queries
reading the cache (the source file is deleted to prove it), explain, storage levels."""

from ember import StorageLevel
from ember.sql import functions as F


def _write_csv(path, n=1000):
    lines = ["k,v,s"] + ["%d,%d,name%d" % (i % 10, i, i % 4) for i in range(n)]
    path.write_text("\n".join(lines) + "\n")


def test_later_queries_read_the_cache_not_the_file(spark, tmp_path, capsys):
    path = tmp_path / "t.csv"
    _write_csv(path)
    df = spark.read.csv(str(path), header=True, inferSchema=True)
    assert df.cache() is df
    assert df.is_cached
    assert df.storageLevel == StorageLevel.MEMORY_AND_DISK_DESER
    assert df.count() == 1000
    path.unlink()
    out = df.filter(F.col("v") >= 990).groupBy("k").agg(F.sum("v").alias("sv")).orderBy("k")
    assert [tuple(r) for r in out.collect()] == [(k, 990 + k) for k in range(10)]
    out.explain()
    plan = capsys.readouterr().out
    assert "InMemoryTableScan" in plan, plan
    assert sorted(r.s for r in df.select("s").distinct().collect()) == ["name0", "name1", "name2", "name3"]
    df.unpersist()


def test_unpersist_goes_back_to_the_source(spark, tmp_path):
    path = tmp_path / "u.csv"
    _write_csv(path, 100)
    df = spark.read.csv(str(path), header=True, inferSchema=True)
    df.persist(StorageLevel.DISK_ONLY)
    assert df.storageLevel == StorageLevel.DISK_ONLY
    assert df.agg(F.sum("v")).collect()[0][0] == 4950
    assert df.unpersist() is df
    assert not df.is_cached
    assert df.storageLevel == StorageLevel.NONE
    _write_csv(path, 10)
    assert df.agg(F.sum("v")).collect()[0][0] == 45, "the file is read again"


def test_cache_table_through_the_catalog(spark):
    df = spark.range(100).withColumn("sq", F.col("id") * F.col("id"))
    df.createOrReplaceTempView("squares")
    spark.catalog.cacheTable("squares")
    assert spark.catalog.isCached("squares")
    assert spark.table("squares").filter(F.col("id") < 3).agg(F.sum("sq")).collect()[0][0] == 5
    spark.catalog.uncacheTable("squares")
    assert not spark.catalog.isCached("squares")
