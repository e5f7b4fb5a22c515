"""Broadcast hash joins filter the Parquet scan under their stream side by the build side's
keys (``ember.sql.broadcastJoin.runtimeFilters``): every join type answers the same with the
filters on and off, null keys included, and an error a filter below the join raises on a row
that would not join still surfaces (under ANSI)."""
import datetime

import pytest

CONF = "ember.sql.broadcastJoin.runtimeFilters"


@pytest.fixture(scope="module")
def tables(spark, tmp_path_factory):
    d = tmp_path_factory.mktemp("rtf")
    fact = [(None if i % 41 == 0 else (i * 7) % 900, i, datetime.date(2020, 1, 1) + datetime.timedelta(days=i % 400),
             "x" if i == 777 else str(i % 50)) for i in range(20000)]
    dim = [(None if j % 13 == 0 else j * 5, "n%d" % j, j % 4) for j in range(60)]
    spark.createDataFrame(fact, "k long, v long, d date, s string").repartition(3) \
        .write.mode("overwrite").parquet(str(d / "fact"))
    spark.createDataFrame(dim, "k long, name string, g int").write.mode("overwrite").parquet(str(d / "dim"))
    spark.read.parquet(str(d / "fact")).createOrReplaceTempView("rtf_fact")
    spark.read.parquet(str(d / "dim")).createOrReplaceTempView("rtf_dim")
    yield fact, dim
    spark.catalog.dropTempView("rtf_fact")
    spark.catalog.dropTempView("rtf_dim")


def both(spark, sql):
    """The sorted answer with runtime filters on, and with them off."""
    out = []
    for on in ("true", "false"):
        spark.conf.set(CONF, on)
        try:
            out.append(sorted((tuple(r) for r in spark.sql(sql).collect()), key=repr))
        finally:
            spark.conf.unset(CONF)
    return out


QUERIES = [
    "select /*+ BROADCAST(b) */ a.k, a.v, b.name from rtf_fact a join rtf_dim b on a.k = b.k",
    "select /*+ BROADCAST(b) */ a.k, a.v, b.name from rtf_fact a join rtf_dim b on a.k = b.k and a.v > b.g * 100",
    "select a.k, a.v from rtf_fact a where a.k in (select k from rtf_dim where g = 1)",
    "select a.k, a.v from rtf_fact a where exists (select 1 from rtf_dim b where b.k = a.k and b.g > 1)",
    "select a.k, a.v from rtf_fact a where a.k not in (select k from rtf_dim where k is not null)",
    "select a.k, a.v from rtf_fact a where not exists (select 1 from rtf_dim b where b.k = a.k)",
    "select /*+ BROADCAST(b) */ a.k, a.v, b.name from rtf_fact a left join rtf_dim b on a.k = b.k",
    "select /*+ BROADCAST(b) */ a.k, a.v, b.name from rtf_dim b right join rtf_fact a on a.k = b.k",
    "select /*+ BROADCAST(b) */ a.k, a.v, b.name from rtf_fact a full join rtf_dim b on a.k = b.k",
    # two broadcast joins over one scan: both keys filter it
    "select /*+ BROADCAST(b, c) */ a.v, b.name, c.name from rtf_fact a join rtf_dim b on a.k = b.k "
    "join rtf_dim c on a.v = c.k where a.d >= date '2020-03-01'",
    "select /*+ BROADCAST(b) */ b.g, count(*), sum(a.v) from rtf_fact a join rtf_dim b on a.k = b.k "
    "where b.g < 2 group by b.g",
]


@pytest.mark.parametrize("sql", QUERIES)
def test_answers_are_the_same_with_and_without_runtime_filters(spark, tables, sql):
    on, off = both(spark, sql)
    assert on == off


def test_an_inner_join_keeps_exactly_the_matching_rows(spark, tables):
    fact, dim = tables
    names = {}
    for k, name, _ in dim:
        if k is not None:
            names.setdefault(k, []).append(name)
    want = sorted(((k, v, n) for k, v, _, _ in fact if k is not None and k in names for n in names[k]), key=repr)
    on, off = both(spark, QUERIES[0])
    assert on == want and off == want


def test_an_error_on_a_row_that_would_not_join_still_surfaces(spark, tables):
    # row 777 (s = 'x') has key 39, which no dim row holds; the cast fails on it before the join
    spark.conf.set("spark.sql.ansi.enabled", "true")
    try:
        for on in ("true", "false"):
            spark.conf.set(CONF, on)
            with pytest.raises(Exception, match="CAST_INVALID_INPUT"):
                spark.sql("select /*+ BROADCAST(b) */ a.v from rtf_fact a join rtf_dim b on a.k = b.k "
                          "where cast(a.s as int) >= 0").collect()
    finally:
        spark.conf.unset(CONF)
        spark.conf.unset("spark.sql.ansi.enabled")
