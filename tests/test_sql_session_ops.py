"""SparkSession's tags and interrupts (through job groups), emptyDataFrame, spark.tvf, and
DataFrame checkpoints: answers as PySpark 4.3 gives them."""

import threading
import time

import pytest

from ember.errors import PySparkValueError
from ember.sql import functions as F


def test_tags_are_per_thread(spark):
    spark.clearTags()
    spark.addTag("a")
    spark.addTag("b")
    seen = []
    t = threading.Thread(target=lambda: seen.append(spark.getTags()))
    t.start()
    t.join()
    assert spark.getTags() == {"a", "b"} and seen == [set()]
    spark.removeTag("a")
    assert spark.getTags() == {"b"}
    spark.clearTags()
    assert spark.getTags() == set()
    assert spark.sparkContext.getLocalProperty("spark.jobGroup.id") is None
    for bad in ("", "x,y"):
        with pytest.raises(PySparkValueError):
            spark.addTag(bad)


def test_interrupts_with_nothing_running(spark):
    assert spark.interruptTag("none") == []
    assert spark.interruptOperation("999999") == []
    assert spark.interruptOperation("abc") == []


def _wait_for_running_job(spark, deadline=60.0):
    end = time.time() + deadline
    while time.time() < end:
        jobs = spark.sparkContext.statusTracker().getActiveJobsIds()
        if jobs:
            return jobs
        time.sleep(0.05)
    raise AssertionError("no job started")


@pytest.mark.parametrize("how", ["tag", "operation"])
def test_interrupt_cancels_the_running_job(spark, how):
    slow = F.udf(lambda x: time.sleep(60) or x, "bigint")
    errors = []

    def run():
        spark.addTag("slow")
        try:
            spark.range(0, 2, 1, 2).select(slow("id")).collect()
        except Exception as e:
            errors.append(e)
        finally:
            spark.clearTags()

    t = threading.Thread(target=run)
    t.start()
    jobs = _wait_for_running_job(spark)
    if how == "tag":
        assert spark.interruptTag("other") == []
        assert spark.interruptTag("slow") == [str(j) for j in jobs]
    else:
        assert spark.interruptOperation(str(jobs[0])) == [str(jobs[0])]
    t.join(60)
    assert not t.is_alive() and len(errors) == 1 and "cancel" in str(errors[0]).lower()


def test_empty_data_frame(spark):
    for schema in ("a int, b string", spark.range(1).schema):
        d = spark.emptyDataFrame(schema)
        assert d.count() == 0
    assert spark.emptyDataFrame("a int").schema.simpleString() == "struct<a:int>"


def test_table_valued_functions(spark):
    assert [r.col for r in spark.tvf.explode(F.array(F.lit(1), F.lit(2))).collect()] == [1, 2]
    assert [r.id for r in spark.tvf.range(2).collect()] == [0, 1]
    assert spark.tvf.posexplode(F.array(F.lit(1))).columns == ["pos", "col"]
    assert spark.tvf.stack(F.lit(2), F.lit(1), F.lit(2)).columns == ["col0"]
    assert spark.tvf.inline(F.array(F.struct(F.lit(1).alias("a")))).columns == ["a"]
    assert spark.tvf.explode_outer(F.array().cast("array<int>")).collect()[0].col is None


def test_checkpoints_keep_rows_and_schema(spark, tmp_path):
    d = spark.createDataFrame([(1, "a", [1, 2], (1, "x"))],
                              "i int, s string, a array<int>, st struct<p:int,q:string>")
    spark.sparkContext.setCheckpointDir(str(tmp_path))
    c = d.checkpoint()
    assert c.schema == d.schema and c.collect() == d.collect()
    assert any(tmp_path.iterdir())
    lazy = spark.range(5).localCheckpoint(eager=False)
    assert [r.id for r in lazy.filter("id > 2").collect()] == [3, 4]
