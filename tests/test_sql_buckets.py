"""Bucketed tables: bucketBy/sortBy with saveAsTable and CREATE TABLE ... CLUSTERED BY write
rows to the bucket Spark would (pmod of Spark's Murmur3 hash), in files named as Spark names
them, sorted when asked; the bucket spec is kept in the catalog and shown by DESCRIBE TABLE
EXTENDED; scans of bucketed tables read a bucket per partition, so joins and aggregates on
the bucket columns need no exchange. Expected values are PySpark 4.3's answers."""

import glob
import os
import re
import subprocess
import sys
import textwrap

import pytest

from conftest import subprocess_env
from ember.errors import AnalysisException, ParseException, PySparkTypeError, PySparkValueError

FILE_NAME = re.compile(r"part-\d{5}-[0-9a-f-]{36}_(\d{5})\.c000\.snappy\.parquet")


@pytest.fixture
def wh(spark, tmp_path):
    """A session with a warehouse of its own; broadcast joins off, so joins show their exchanges."""
    from ember.sql import SparkSession
    session = SparkSession(spark.sparkContext)
    session.conf.set("spark.sql.warehouse.dir", str(tmp_path / "warehouse"))
    session.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1")
    return session


def table_dir(session, name):
    return os.path.join(session.conf.get("spark.sql.warehouse.dir"), name)


def buckets_of(session, name, column):
    """{value of column: bucket id from the file name} over the table's files."""
    out = {}
    for path in glob.glob(os.path.join(table_dir(session, name), "**", "*.parquet"), recursive=True):
        m = FILE_NAME.fullmatch(os.path.basename(path))
        assert m, path
        for r in session.read.parquet(path).collect():
            out[r[column]] = int(m.group(1))
    return out


def plan_text(df, capsys):
    capsys.readouterr()
    df.explain()
    return capsys.readouterr().out


def rows(df):
    return sorted(tuple(r) for r in df.collect())


# pmod(hash(c), 5) for rows 0..5 of each column, and pmod(hash(i, st), 3), as PySpark 4.3 computes them
SPARK_BUCKETS_OF_5 = {
    "i": [1, 3, 4, 1, 2, 1],
    "st": [0, 4, 4, 3, 1, 4],
    "db": [0, 3, 3, 4, 2, 0],
    "dt": [0, 3, 3, 0, 0, 4],
}
SPARK_BUCKETS_OF_3_I_ST = [2, 0, 0, 1, 1, 1]


def typed(session):
    return session.range(6).selectExpr(
        "cast(id as int) i", "cast(id as string) st", "cast(id as double) db",
        "date_add(date'2020-01-01', cast(id as int)) dt", "id")


@pytest.mark.parametrize("column", sorted(SPARK_BUCKETS_OF_5))
def test_rows_go_to_sparks_bucket(wh, column):
    typed(wh).write.bucketBy(5, column).saveAsTable("by_" + column)
    got = buckets_of(wh, "by_" + column, "id")
    assert [got[i] for i in range(6)] == SPARK_BUCKETS_OF_5[column]


def test_bucket_of_several_columns(wh):
    typed(wh).write.bucketBy(3, "i", "st").saveAsTable("by_two")
    got = buckets_of(wh, "by_two", "id")
    assert [got[i] for i in range(6)] == SPARK_BUCKETS_OF_3_I_ST


def test_files_per_task_and_bucket_sorted_by_sort_columns(wh):
    df = wh.range(20).selectExpr("id", "cast(id % 7 as string) s", "19 - id as d").repartition(2)
    df.write.bucketBy(4, "id").sortBy("d").saveAsTable("t1")
    names = [n for n in os.listdir(table_dir(wh, "t1")) if not n.startswith("_") and not n.startswith(".")]
    assert all(FILE_NAME.fullmatch(n) for n in names), names
    assert {n[:10] for n in names} <= {"part-00000", "part-00001"}
    for n in names:
        d = [r.d for r in wh.read.parquet(os.path.join(table_dir(wh, "t1"), n)).collect()]
        assert d == sorted(d)
    # bucket ids of ids 0..9 as PySpark's pmod(hash(id), 4)
    got = buckets_of(wh, "t1", "id")
    assert [got[i] for i in range(10)] == [1, 1, 0, 3, 0, 0, 1, 3, 0, 1]
    assert rows(wh.table("t1")) == rows(df)


def test_create_table_clustered_by_then_insert(wh):
    wh.sql("CREATE TABLE t2 (a INT, b STRING) USING parquet CLUSTERED BY (a) SORTED BY (b) INTO 3 BUCKETS")
    wh.sql("INSERT INTO t2 VALUES (1,'x'),(2,'y'),(3,'z'),(4,'w')")
    got = buckets_of(wh, "t2", "a")
    # PySpark writes a=2,3,4 to bucket 0 and a=1 to bucket 1
    assert got == {1: 1, 2: 0, 3: 0, 4: 0}
    assert rows(wh.table("t2")) == [(1, "x"), (2, "y"), (3, "z"), (4, "w")]
    assert wh.catalog.getCreateTableString("t2") == (
        "CREATE TABLE spark_catalog.default.t2 (\n  a INT,\n  b STRING)\nUSING parquet\n"
        "CLUSTERED BY (a)\nSORTED BY (b)\nINTO 3 BUCKETS\n")


def test_describe_table_extended_shows_the_bucket_spec(wh):
    wh.range(20).selectExpr("id", "cast(id % 7 as string) s").write.bucketBy(4, "id").sortBy("s") \
        .saveAsTable("t1")
    got = [tuple(r) for r in wh.sql("DESCRIBE TABLE EXTENDED t1").collect()]
    created = [r for r in got if r[0] == "Created Time"]
    assert len(created) == 1 and re.fullmatch(r"\w{3} \w{3} \d\d \d\d:\d\d:\d\d \w+ \d{4}", created[0][1])
    assert [r for r in got if r[0] != "Created Time"] == [
        ("id", "bigint", None), ("s", "string", None), ("", "", ""),
        ("# Detailed Table Information", "", ""), ("Catalog", "spark_catalog", ""),
        ("Database", "default", ""), ("Table", "t1", ""), ("Last Access", "UNKNOWN", ""),
        ("Created By", "Spark 4.3.0", ""), ("Type", "MANAGED", ""), ("Provider", "parquet", ""),
        ("Num Buckets", "4", ""), ("Bucket Columns", "[`id`]", ""), ("Sort Columns", "[`s`]", ""),
        ("Location", "file:" + table_dir(wh, "t1"), "")]
    assert [tuple(r) for r in wh.sql("DESCRIBE TABLE t1").collect()] == [
        ("id", "bigint", None), ("s", "string", None)]


def test_join_of_tables_with_the_same_buckets_has_no_exchange(wh, capsys):
    df = wh.range(40).selectExpr("id", "cast(id % 7 as string) s")
    df.write.bucketBy(4, "id").saveAsTable("b1")
    df.write.bucketBy(4, "id").saveAsTable("b2")
    joined = wh.table("b1").join(wh.table("b2"), "id")
    plan = plan_text(joined, capsys)
    assert "Exchange" not in plan and plan.count("Bucketed: true") == 2, plan
    assert rows(joined) == rows(df.join(df, "id"))
    assert joined.rdd.getNumPartitions() == 4


def test_join_with_other_bucket_count_or_plain_side_shuffles_one_side(wh, capsys):
    df = wh.range(40).selectExpr("id", "cast(id % 7 as string) s")
    df.write.bucketBy(4, "id").saveAsTable("b1")
    df.write.bucketBy(8, "id").saveAsTable("b3")
    to_eight = wh.table("b1").join(wh.table("b3"), "id")
    plan = plan_text(to_eight, capsys)
    # as Spark: the side with fewer buckets is shuffled to the other's count, with Spark's hash
    assert plan.count("Exchange") == 1 and "numPartitions=8" in plan, plan
    assert rows(to_eight) == rows(df.join(df, "id"))
    plain = df.selectExpr("id", "s as s2")
    with_plain = wh.table("b1").join(plain, "id")
    plan = plan_text(with_plain, capsys)
    assert plan.count("Exchange") == 1 and "numPartitions=4" in plan, plan
    assert rows(with_plain) == rows(df.join(plain, "id"))


def test_aggregate_on_bucket_column_needs_no_exchange(wh, capsys):
    df = wh.range(100).selectExpr("id % 10 as k", "id")
    df.write.bucketBy(4, "k").saveAsTable("agg")
    counted = wh.table("agg").groupBy("k").count()
    assert "Exchange" not in plan_text(counted, capsys)
    assert counted.rdd.getNumPartitions() == 4
    assert rows(counted) == [(k, 10) for k in range(10)]
    other = wh.table("agg").groupBy("id").count()
    assert "Exchange" in plan_text(other, capsys)


def test_bucketing_disabled_or_unused_reads_files_as_usual(wh, capsys):
    df = wh.range(40).selectExpr("id", "cast(id % 7 as string) s")
    df.write.bucketBy(4, "id").saveAsTable("b1")
    df.write.bucketBy(4, "id").saveAsTable("b2")
    assert "Bucketed" not in plan_text(wh.table("b1"), capsys)
    wh.conf.set("spark.sql.sources.bucketing.enabled", "false")
    try:
        joined = wh.table("b1").join(wh.table("b2"), "id")
        plan = plan_text(joined, capsys)
        assert plan.count("Exchange") == 2 and "Bucketed" not in plan, plan
        assert rows(joined) == rows(df.join(df, "id"))
    finally:
        wh.conf.unset("spark.sql.sources.bucketing.enabled")


def test_partitioned_and_bucketed(wh):
    df = wh.range(20).selectExpr("id", "cast(id % 7 as string) s", "id % 3 as k")
    df.write.partitionBy("k").bucketBy(2, "id").sortBy("s").saveAsTable("pb")
    dirs = sorted(os.listdir(table_dir(wh, "pb")))
    assert [d for d in dirs if d.startswith("k=")] == ["k=0", "k=1", "k=2"]
    for f in glob.glob(os.path.join(table_dir(wh, "pb"), "k=*", "*.parquet")):
        assert FILE_NAME.fullmatch(os.path.basename(f)), f
    assert rows(wh.table("pb")) == rows(df.select("id", "s", "k"))
    assert wh.table("pb").groupBy("id").count().rdd.getNumPartitions() == 2


def test_bucket_spec_survives_a_restart(tmp_path):
    script = textwrap.dedent("""
        import sys
        from ember.sql import SparkSession
        spark = SparkSession.builder.master("local[1]").config("spark.sql.warehouse.dir", sys.argv[1]) \\
            .getOrCreate()
        if sys.argv[2] == "write":
            spark.range(10).write.bucketBy(3, "id").sortBy("id").saveAsTable("kept")
        else:
            info = {r[0]: r[1] for r in spark.sql("DESCRIBE TABLE EXTENDED kept").collect()}
            print(info["Num Buckets"], info["Bucket Columns"], info["Sort Columns"],
                  spark.table("kept").groupBy("id").count().rdd.getNumPartitions())
        spark.stop()
    """)
    for step in ("write", "read"):
        out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "wh"), step], env=subprocess_env(),
                             capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip() == "3 [`id`] [`id`] 3"


def test_writer_errors_as_pyspark(wh):
    df = wh.range(5).selectExpr("id", "cast(id as string) s")
    with pytest.raises(AnalysisException, match=r"'save' does not support bucketBy right now\."):
        df.write.bucketBy(4, "id").save(str(table_dir(wh, "x")))
    with pytest.raises(AnalysisException, match=r"'save' does not support bucketBy and sortBy right now\."):
        df.write.bucketBy(4, "id").sortBy("s").parquet(str(table_dir(wh, "x")))
    with pytest.raises(AnalysisException, match=r"'insertInto' does not support bucketBy right now\."):
        df.write.bucketBy(4, "id").insertInto("t")
    with pytest.raises(AnalysisException) as e:
        df.write.sortBy("id").saveAsTable("t7")
    assert e.value.getCondition() == "SORT_BY_WITHOUT_BUCKETING"
    assert "sortBy must be used together with bucketBy." in str(e.value)
    with pytest.raises(AnalysisException) as e:
        df.write.bucketBy(4, "nope").saveAsTable("t4")
    assert e.value.getCondition() == "COLUMN_NOT_DEFINED_IN_TABLE"
    assert ("bucket column `nope` is not defined in table `spark_catalog`.`default`.`t4`, defined table "
            "columns are: `id`, `s`.") in str(e.value)
    with pytest.raises(AnalysisException) as e:
        df.write.bucketBy(3, "id").sortBy("nope").saveAsTable("t8")
    assert "sort column `nope` is not defined in table" in str(e.value)
    with pytest.raises(AnalysisException) as e:
        df.write.bucketBy(0, "id").saveAsTable("t5")
    assert e.value.getCondition() == "INVALID_BUCKET_COUNT"
    assert ("Number of buckets should be greater than 0 but less than or equal to bucketing.maxBuckets "
            "(`100000`). Got `0`.") in str(e.value)
    with pytest.raises(AnalysisException, match="Bucketing column 'id' should not be part of partition "
                                                "columns 'id'."):
        df.write.partitionBy("id").bucketBy(3, "id").saveAsTable("t6")
    with pytest.raises(PySparkTypeError) as e:
        df.write.bucketBy("4", "id")
    assert e.value.getCondition() == "NOT_EXPECTED_TYPE"
    with pytest.raises(PySparkValueError) as e:
        df.write.bucketBy(4, ["id"], "s")
    assert e.value.getCondition() == "CANNOT_SET_TOGETHER"
    assert not wh.catalog.tableExists("t4") and not wh.catalog.tableExists("t5")


def test_sql_errors_as_pyspark(wh):
    with pytest.raises(AnalysisException) as e:
        wh.sql("CREATE TABLE t9 (a INT) USING parquet CLUSTERED BY (zz) INTO 3 BUCKETS")
    assert "bucket column `zz` is not defined in table `spark_catalog`.`default`.`t9`" in str(e.value)
    with pytest.raises(ParseException) as e:
        wh.sql("CREATE TABLE t9 (a INT) USING parquet CLUSTERED BY (a) SORTED BY (a DESC) INTO 3 BUCKETS")
    # PySpark points at CLUSTERED: its legacy layout counts positions from 1 (39), Ember's from 0
    assert "Operation not allowed: Column ordering must be ASC, was 'DESC'. (line 1, pos 38)" in str(e.value)
    with pytest.raises(AnalysisException, match="Bucket sorting column 'a' should not be part of partition "
                                                "columns 'a'."):
        wh.sql("CREATE TABLE t9 (a INT, b INT) USING parquet PARTITIONED BY (a) CLUSTERED BY (b) SORTED BY (a) "
               "INTO 2 BUCKETS")


def test_append_must_ask_for_the_tables_buckets(wh):
    df = wh.range(20).selectExpr("id", "cast(id % 7 as string) s")
    df.write.bucketBy(2, "id").sortBy("s").saveAsTable("pb")
    existing = "Existing bucketing: 2 buckets, bucket columns: [id], sort columns: [s]."
    for writer, specified in [(df.write.mode("append").bucketBy(3, "id"), "3 buckets, bucket columns: [id]"),
                              (df.write.mode("append").bucketBy(2, "id"), "2 buckets, bucket columns: [id]"),
                              (df.write.mode("append"), "not bucketed")]:
        with pytest.raises(AnalysisException) as e:
            writer.saveAsTable("pb")
        assert str(e.value).endswith(
            "Specified bucketing does not match that of the existing table spark_catalog.default.pb.\n"
            "Specified bucketing: %s.\n%s" % (specified, existing)), str(e.value)
    df.write.mode("append").bucketBy(2, "ID").sortBy("s").saveAsTable("pb")
    assert wh.table("pb").count() == 40
    got = buckets_of(wh, "pb", "id")
    # pmod(hash(id), 2) of PySpark
    assert [got[i] for i in range(4)] == [1, 1, 0, 1]
    assert wh.table("pb").groupBy("id").count().collect()[0]["count"] == 2


def test_empty_bucketed_tables_join(wh, capsys):
    wh.sql("CREATE TABLE e1 (a BIGINT, b STRING) USING parquet CLUSTERED BY (a) INTO 3 BUCKETS")
    wh.sql("CREATE TABLE e2 (a BIGINT, c STRING) USING parquet CLUSTERED BY (a) INTO 3 BUCKETS")
    joined = wh.table("e1").join(wh.table("e2"), "a")
    assert "Exchange" not in plan_text(joined, capsys)
    assert joined.collect() == [] and joined.rdd.getNumPartitions() == 3
    wh.sql("INSERT INTO e2 VALUES (1, 'x')")
    assert wh.table("e1").join(wh.table("e2"), "a", "right").collect() == [(1, None, "x")]


SELECTED = re.compile(r"SelectedBucketsCount: (\d+ out of \d+)")


def test_filters_on_the_bucket_column_read_only_the_matching_buckets(wh, capsys, tmp_path):
    """Bucket pruning as Spark's `genBucketSet`: `k = lit`, `k <=> lit`, `IN`, `IS NULL`,
    AND/OR of them select the buckets of their values; other filters, literal-first
    comparisons and casts of the column select all. SelectedBucketsCount is PySpark 4.3's
    (with autoBucketedScan off, which otherwise makes the scan unbucketed in both)."""
    df = wh.range(40).selectExpr("id k", "cast(id % 3 as string) s") \
        .union(wh.createDataFrame([(None, "n")], "k long, s string"))
    df.write.bucketBy(4, "k").saveAsTable("b4")
    expected = {"k = 3": ("1 out of 4", 1), "k IN (1, 2, 7)": ("3 out of 4", 3),
                "k IS NULL": ("1 out of 4", 1), "k = 3 OR k = 5": ("2 out of 4", 2),
                "k > 2": ("4 out of 4", 37), "k = 3 AND s = '0'": ("1 out of 4", 1),
                "k <=> 6": ("1 out of 4", 1), "3 = k": ("4 out of 4", 1),
                "cast(k as int) = 3": ("4 out of 4", 1), "k = 3 OR s = '1'": ("4 out of 4", 14),
                "NOT k = 3": ("4 out of 4", 39)}
    wh.conf.set("spark.sql.sources.bucketing.autoBucketedScan.enabled", "false")
    try:
        for cond, (selected, count) in expected.items():
            q = wh.table("b4").where(cond)
            assert SELECTED.findall(plan_text(q, capsys)) == [selected], cond
            assert q.count() == count, cond
    finally:
        wh.conf.unset("spark.sql.sources.bucketing.autoBucketedScan.enabled")
    # the other buckets' files are not opened at all, bucketed scan or not: spoil them
    keep = buckets_of(wh, "b4", "k")[3]
    for path in glob.glob(os.path.join(table_dir(wh, "b4"), "*.parquet")):
        if int(FILE_NAME.fullmatch(os.path.basename(path)).group(1)) != keep:
            with open(path, "wb") as f:
                f.write(b"not parquet")
    wh.catalog.refreshTable("b4")
    assert rows(wh.table("b4").where("k = 3")) == [(3, "0")]
    assert rows(wh.table("b4").where("k = 3").groupBy("k").count()) == [(3, 1)]
    with pytest.raises(Exception):   # reading every bucket opens a spoiled file
        wh.table("b4").collect()
