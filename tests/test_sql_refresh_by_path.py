"""spark.catalog.refreshByPath: a cached DataFrame over files keeps its rows until the path is
refreshed, then reads the new listing (PySpark 4.3 gives 3, then 3, then 8 here)."""


def test_refresh_by_path_recaches_queries_over_the_path(spark, tmp_path):
    p = str(tmp_path / "t")
    spark.range(3).write.parquet(p)
    df = spark.read.parquet(p)
    df.cache()
    try:
        assert df.count() == 3
        spark.range(5).write.mode("append").parquet(p)
        assert df.count() == 3                          # the cache still holds the old files
        spark.catalog.refreshByPath(str(tmp_path))      # a prefix of the root
        assert df.count() == 8
        assert df.is_cached and df.storageLevel.useMemory
    finally:
        df.unpersist()


def test_refresh_by_path_leaves_other_caches_alone(spark, tmp_path):
    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    spark.range(2).write.parquet(a)
    spark.range(2).write.parquet(b)
    da = spark.read.parquet(a)
    da.cache()
    try:
        assert da.count() == 2
        spark.range(4).write.mode("append").parquet(a)
        spark.catalog.refreshByPath(b)
        assert da.count() == 2
    finally:
        da.unpersist()
