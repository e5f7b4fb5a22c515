"""Persistent tables in the warehouse directory: saveAsTable with each save mode and
partitioning, insertInto, createTable, drop/truncate, databases, ANALYZE statistics, and
metadata that survives a restart of the application (two separate processes)."""

import os
import subprocess
import sys
import textwrap

import pytest

from conftest import subprocess_env
from ember.errors import AnalysisException
from ember.sql import functions as F

ENGINE_JAR = os.environ.get("EMBER_ENGINE_JAR")


@pytest.fixture
def wh(spark, tmp_path):
    """A session with a warehouse of its own (not shared with other tests' sessions)."""
    from ember.sql import SparkSession
    session = SparkSession(spark.sparkContext)
    session.conf.set("spark.sql.warehouse.dir", str(tmp_path / "warehouse"))
    return session


def rows(df):
    return sorted(tuple(r) for r in df.collect())


def test_save_modes(wh, tmp_path):
    wh.range(5).write.saveAsTable("t1")
    assert (tmp_path / "warehouse" / "t1").is_dir()
    with pytest.raises(AnalysisException) as e:
        wh.range(5).write.saveAsTable("T1")
    assert str(e.value).startswith("[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view "
                                   "`spark_catalog`.`default`.`t1` because it already exists.")
    wh.range(2).write.mode("append").saveAsTable("t1")
    assert wh.table("t1").count() == 7
    wh.range(100).write.mode("ignore").saveAsTable("t1")
    assert wh.table("t1").count() == 7
    wh.range(3).withColumn("x", F.col("id") * 2).write.mode("overwrite").saveAsTable("t1")
    assert rows(wh.table("t1")) == [(0, 0), (1, 2), (2, 4)]
    with pytest.raises(AnalysisException, match="UNSUPPORTED_OVERWRITE.TABLE"):
        wh.table("t1").write.mode("overwrite").saveAsTable("t1")


def test_append_resolves_columns_by_name(wh):
    wh.range(1).withColumn("b", F.col("id") + 10).write.saveAsTable("byname")
    wh.range(1).select((F.col("id") + 7).alias("b"), F.col("id")).write.mode("append").saveAsTable("byname")
    assert rows(wh.table("byname")) == [(0, 7), (0, 10)]


def test_insert_into_by_position_with_arity_and_type_checks(wh):
    wh.range(2).withColumn("b", F.col("id") * 2).write.saveAsTable("t2")
    wh.range(5, 6).withColumn("z", F.col("id").cast("int")).write.insertInto("t2")
    assert rows(wh.table("t2")) == [(0, 0), (1, 2), (5, 5)]
    with pytest.raises(AnalysisException) as e:
        wh.range(1).write.insertInto("t2")
    assert str(e.value) == ("[INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS] Cannot write to "
                            "`spark_catalog`.`default`.`t2`, the reason is not enough data columns:\n"
                            "Table columns: `id`, `b`.\nData columns: `id`.")
    with pytest.raises(AnalysisException, match="CANNOT_SAFELY_CAST.*`b` \"STRING\" to \"BIGINT\""):
        wh.range(1).withColumn("b", F.lit("7")).write.insertInto("t2")
    wh.range(9, 10).withColumn("b", F.col("id")).write.insertInto("t2", overwrite=True)
    assert rows(wh.table("t2")) == [(9, 9)]
    with pytest.raises(AnalysisException, match="UNSUPPORTED_OVERWRITE.TABLE"):
        wh.table("t2").write.insertInto("t2", overwrite=True)
    with pytest.raises(AnalysisException, match="TABLE_OR_VIEW_NOT_FOUND.*`nope`"):
        wh.range(1).write.insertInto("nope")
    wh.range(1).createOrReplaceTempView("tv")
    with pytest.raises(AnalysisException, match="UNSUPPORTED_INSERT.RDD_BASED"):
        wh.range(1).write.insertInto("tv")


def test_partitioned_table(wh, tmp_path):
    wh.range(6).select((F.col("id") % 2).alias("k"), "id").write.partitionBy("k").saveAsTable("tp")
    assert wh.table("tp").columns == ["id", "k"], "partition columns go last"
    assert sorted(os.listdir(tmp_path / "warehouse" / "tp")) == ["_SUCCESS", "k=0", "k=1"]
    wh.range(7, 8).withColumn("k", F.lit(5).cast("bigint")).write.insertInto("tp")
    assert [p.partition for p in wh.catalog.listPartitions("tp")] == ["k=0", "k=1", "k=5"]
    assert rows(wh.table("tp").filter(F.col("k") == 5)) == [(7, 5)]
    cols = wh.catalog.listColumns("tp")
    assert [(c.name, c.isPartition, c.nullable) for c in cols] == [("id", False, True), ("k", True, True)]
    with pytest.raises(AnalysisException, match="COLUMN_NOT_DEFINED_IN_TABLE.*partition column `zz`"):
        wh.range(1).write.partitionBy("zz").saveAsTable("pz")
    with pytest.raises(AnalysisException, match="PARTITION_BY_NOT_ALLOWED_WITH_INSERT_INTO"):
        wh.range(1).write.partitionBy("id").insertInto("tp")


def test_create_table_describe_and_drop(wh, tmp_path):
    df = wh.catalog.createTable("ct", source="csv", schema=wh.range(1).schema, description="hello",
                                header="true")
    assert df.columns == ["id"] and df.count() == 0
    t = wh.catalog.getTable("ct")
    assert (t.name, t.catalog, t.namespace, t.description, t.tableType, t.isTemporary) == \
        ("ct", "spark_catalog", ["default"], "hello", "MANAGED", False)
    assert wh.catalog.getTableProperties("ct") == {"option.header": "true"}
    assert wh.catalog.getCreateTableString("ct") == (
        "CREATE TABLE spark_catalog.default.ct (\n  id BIGINT)\nUSING csv\nOPTIONS (\n  'header' = 'true')\n"
        "COMMENT 'hello'\n")
    wh.range(3).write.insertInto("ct")
    assert wh.table("ct").count() == 3
    assert (tmp_path / "warehouse" / "ct").is_dir()
    wh.catalog.truncateTable("ct")
    assert wh.table("ct").count() == 0
    wh.catalog.dropTable("ct")
    assert not (tmp_path / "warehouse" / "ct").exists(), "a managed table's files go with it"
    assert not wh.catalog.tableExists("ct")
    with pytest.raises(AnalysisException) as e:
        wh.catalog.dropTable("ct")
    assert "`spark_catalog`.`default`.`ct` cannot be found" in str(e.value)
    assert "Search path: [`spark_catalog`.`default`]." in str(e.value)
    wh.catalog.dropTable("ct", ifExists=True)


def test_external_table_keeps_its_files(wh, tmp_path):
    path = str(tmp_path / "ext")
    wh.range(4).write.parquet(path)
    df = wh.catalog.createTable("ext", path=path)
    assert df.count() == 4 and wh.catalog.getTable("ext").tableType == "EXTERNAL"
    wh.catalog.dropTable("ext")
    assert wh.read.parquet(path).count() == 4


def test_managed_location_must_be_empty(wh, tmp_path):
    leftover = tmp_path / "warehouse" / "leftover"
    leftover.mkdir(parents=True)
    (leftover / "x.txt").write_text("x")
    with pytest.raises(AnalysisException, match=r"LOCATION_ALREADY_EXISTS.*`leftover`, as its associated "
                                                r"location 'file:.*leftover' already exists"):
        wh.range(1).write.saveAsTable("leftover")


def test_databases(wh, tmp_path):
    wh.catalog.createDatabase("d2", properties={"comment": "two"})
    assert [d.name for d in wh.catalog.listDatabases()] == ["d2", "default"]
    d = wh.catalog.getDatabase("d2")
    assert (d.description, d.locationUri) == ("two", "file:" + str(tmp_path / "warehouse" / "d2.db"))
    with pytest.raises(AnalysisException, match="SCHEMA_ALREADY_EXISTS"):
        wh.catalog.createDatabase("d2")
    wh.catalog.setCurrentDatabase("d2")
    wh.range(2).write.saveAsTable("inside")
    assert (tmp_path / "warehouse" / "d2.db" / "inside").is_dir()
    assert [t.name for t in wh.catalog.listTables()] == ["inside"]
    assert wh.table("d2.inside").count() == 2 and wh.table("spark_catalog.d2.inside").count() == 2
    wh.catalog.setCurrentDatabase("default")
    with pytest.raises(AnalysisException, match="TABLE_OR_VIEW_NOT_FOUND"):
        wh.table("inside")
    with pytest.raises(AnalysisException, match="SCHEMA_NOT_EMPTY"):
        wh.catalog.dropDatabase("d2")
    wh.catalog.dropDatabase("d2", cascade=True)
    assert not wh.catalog.databaseExists("d2") and not (tmp_path / "warehouse" / "d2.db").exists()
    with pytest.raises(AnalysisException, match="UNSUPPORTED_FEATURE.DROP_DATABASE"):
        wh.catalog.dropDatabase("default")
    assert not wh.catalog.databaseExists("global_temp")


def test_temp_view_hides_a_table_and_drop_table_drops_the_view_first(wh):
    wh.range(3).write.saveAsTable("shadow")
    wh.range(10).createOrReplaceTempView("shadow")
    assert wh.table("shadow").count() == 10
    assert [(t.name, t.tableType) for t in wh.catalog.listTables()] == \
        [("shadow", "MANAGED"), ("shadow", "TEMPORARY")]
    wh.catalog.dropTable("shadow")
    assert wh.table("shadow").count() == 3


def test_cached_table_is_refreshed_by_an_insert(wh):
    wh.range(3).write.saveAsTable("cached_t")
    wh.catalog.cacheTable("cached_t")
    assert wh.table("cached_t").count() == 3
    wh.range(2).write.insertInto("cached_t")
    assert wh.catalog.isCached("cached_t"), "Spark keeps the table cached, with the new data"
    assert wh.table("cached_t").count() == 5


def _cost(df):
    return df._jdf.queryExecution().optimizedPlan().stats()


def test_analyze_table_statistics_feed_the_plan(wh, tmp_path):
    wh.range(1000).write.format("json").saveAsTable("big")   # JSON files know no row counts of their own
    before = _cost(wh.table("big"))
    assert before.rowCount() is None
    files = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(tmp_path / "warehouse" / "big")
                for f in fs if not f.startswith(("_", ".")))
    assert before.sizeInBytes() == files
    wh.catalog.analyzeTable("big")
    after = _cost(wh.table("big").select("id"))
    assert after.rowCount() == 1000 and after.sizeInBytes() == files
    wh.range(5).write.insertInto("big")
    assert _cost(wh.table("big")).rowCount() is None, "a write drops the stale statistics"
    wh.catalog.analyzeTable("big", noScan=True)
    assert _cost(wh.table("big")).rowCount() is None


def test_parquet_tables_count_rows_from_their_footers(wh):
    wh.range(1000).write.saveAsTable("counted")
    assert _cost(wh.table("counted")).rowCount() == 1000
    wh.range(5).write.insertInto("counted")
    assert _cost(wh.table("counted")).rowCount() == 1005, "read from the files now there, never stale"


def test_tables_survive_a_restart_of_the_application(tmp_path):
    warehouse = str(tmp_path / "wh")
    script = textwrap.dedent("""
        import sys
        from ember.sql import SparkSession, functions as F
        spark = SparkSession.builder.master("local[1]").config("spark.sql.warehouse.dir", sys.argv[1]) \\
            .getOrCreate()
        if sys.argv[2] == "write":
            spark.range(4).withColumn("k", F.col("id") % 2).write.partitionBy("k").saveAsTable("kept")
            spark.catalog.analyzeTable("kept")
        else:
            t = spark.catalog.getTable("kept")
            print(t.tableType, sorted(tuple(r) for r in spark.table("kept").collect()),
                  [c.name for c in spark.catalog.listColumns("kept") if c.isPartition],
                  spark.table("kept")._jdf.queryExecution().optimizedPlan().stats().rowCount())
        spark.stop()
    """)
    env = subprocess_env()
    for step in ("write", "read"):
        out = subprocess.run([sys.executable, "-c", script, warehouse, step], env=env, capture_output=True,
                             text=True, timeout=120)
        assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip() == "MANAGED [(0, 0), (1, 1), (2, 0), (3, 1)] ['k'] 4"
