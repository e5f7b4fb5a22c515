"""explain() after a run shows adaptive execution's decisions as Spark's
AdaptiveSparkPlan isFinalPlan=true (final plan over the initial one)."""

from ember.sql import functions as F


def _explain(df, capsys):
    capsys.readouterr()
    df.explain()
    return capsys.readouterr().out


def test_coalesced_partitions_show_after_the_run(spark, capsys):
    df = spark.range(1000).withColumn("k", F.col("id") % 7).groupBy("k").agg(F.sum("id"))
    before = _explain(df, capsys)
    assert "AdaptiveSparkPlan" not in before
    assert len(df.collect()) == 7
    after = _explain(df, capsys)
    lines = after.splitlines()
    assert lines[:3] == ["== Physical Plan ==", "AdaptiveSparkPlan isFinalPlan=true", "+- == Final Plan =="]
    read = [line for line in lines if "AQEShuffleRead coalesced" in line]
    assert len(read) == 1 and "(200 -> " in read[0]
    final, initial = after.split("+- == Initial Plan ==")
    assert "AQEShuffleRead" not in initial and "Exchange" in initial


def test_broadcast_switch_shows_in_the_final_plan(spark, capsys):
    spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1")
    spark.conf.set("spark.sql.adaptive.autoBroadcastJoinThreshold", str(10 << 20))
    try:
        a = spark.range(2000).withColumn("k", F.col("id") % 100)
        b = spark.range(50).withColumnRenamed("id", "k")
        j = a.join(b, "k")
        assert "SortMergeJoin" in _explain(j, capsys)
        assert j.count() == 1000
        assert len(j.collect()) == 1000
        final, initial = _explain(j, capsys).split("+- == Initial Plan ==")
        assert "BroadcastHashJoin" in final and "BuildRight" in final and "was SortMergeJoin" in final
        assert "BroadcastHashJoin" not in initial and "SortMergeJoin" in initial
    finally:
        spark.conf.unset("spark.sql.autoBroadcastJoinThreshold")
        spark.conf.unset("spark.sql.adaptive.autoBroadcastJoinThreshold")
