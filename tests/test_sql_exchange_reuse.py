"""Equal exchanges in one query share one shuffle (spark.sql.exchange.reuse, as Spark's
ReuseExchange): a view read twice is scanned, aggregated and shuffled once."""

import pytest

from ember.sql import Row
from ember.sql import functions as F

QUERY = """WITH s AS (SELECT k, sum(id) AS total FROM reuse_t GROUP BY k)
           SELECT k, total FROM s WHERE total = (SELECT max(total) FROM s {inner})"""


@pytest.fixture
def table(spark, tmp_path):
    path = str(tmp_path / "t")
    spark.range(1000).withColumn("k", F.col("id") % 10).write.parquet(path)
    spark.read.parquet(path).createOrReplaceTempView("reuse_t")
    yield
    spark.catalog.dropTempView("reuse_t")


def _final_plan(df, capsys):
    capsys.readouterr()
    df.explain()
    return capsys.readouterr().out.split("+- == Initial Plan ==")[0]


def test_a_view_read_twice_shuffles_once(spark, table, capsys):
    q = spark.sql(QUERY.format(inner=""))
    assert q.collect() == [Row(k=9, total=50400)]   # 9 + 19 + ... + 999
    assert _final_plan(q, capsys).count("ReusedExchange") == 1


def test_different_subtrees_keep_their_own_shuffles(spark, table, capsys):
    # the subquery's maximum is over k < 5 only: a shared shuffle would answer k=9
    q = spark.sql(QUERY.format(inner="WHERE k < 5"))
    assert q.collect() == [Row(k=4, total=49900)]
    assert "ReusedExchange" not in _final_plan(q, capsys)


def test_reuse_can_be_switched_off(spark, table, capsys):
    spark.conf.set("spark.sql.exchange.reuse", "false")
    try:
        q = spark.sql(QUERY.format(inner=""))
        assert q.collect() == [Row(k=9, total=50400)]
        assert "ReusedExchange" not in _final_plan(q, capsys)
    finally:
        spark.conf.unset("spark.sql.exchange.reuse")
