"""Aggregates whose inputs share subexpressions (evaluated once per batch), checked against PySpark 4.3's answers."""

import pytest


@pytest.fixture(scope="module")
def shared(spark):
    spark.createDataFrame([("a", 0, 2.5), ("a", 5, 1.0), ("b", 2, None), ("b", 0, 4.0), ("c", None, 1.0)],
                          "g string, x int, p double").createOrReplaceTempView("shared_inputs")
    return spark


def test_shared_arithmetic_gives_each_aggregate_its_own_answer(shared):
    rows = shared.sql("""select g, sum(p * (1 - x)) c, avg(p * (1 - x) * (1 + x)) d, count(p * (1 - x)) e,
                         max(case when x > 0 then p * (1 - x) end) f
                         from shared_inputs group by g order by g""").collect()
    assert [tuple(r) for r in rows] == [("a", -1.5, -10.75, 2, -4.0), ("b", 4.0, 4.0, 1, None),
                                        ("c", None, None, 0, None)]


def test_a_shared_division_still_fails_under_ansi(shared):
    shared.conf.set("spark.sql.ansi.enabled", "true")
    try:
        with pytest.raises(Exception, match="DIVIDE_BY_ZERO"):
            shared.sql("""select g, sum(10 / x), max(10 / x) from shared_inputs group by g""").collect()
    finally:
        shared.conf.set("spark.sql.ansi.enabled", "false")
    rows = shared.sql("select g, sum(10 / x), max(10 / x) from shared_inputs group by g order by g").collect()
    assert [tuple(r) for r in rows] == [("a", 2.0, 2.0), ("b", 5.0, 5.0), ("c", None, None)]
