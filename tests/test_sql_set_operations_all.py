"""exceptAll / intersectAll keep duplicates as Spark does (rows replicated from per-row counts);
nulls compare equal. Expected answers worked out by hand (multiset difference / minimum)."""

from collections import Counter

from ember.sql import functions as F


def _rows(df):
    return Counter(tuple(r) for r in df.collect())


def test_except_all_and_intersect_all(spark):
    a = spark.createDataFrame([(1, "x"), (1, "x"), (1, "x"), (2, "y"), (None, None), (None, None), (3, "z")],
                              "n int, s string")
    b = spark.createDataFrame([(1, "x"), (2, "y"), (2, "y"), (None, None), (4, "w")], "n int, s string")
    assert _rows(a.exceptAll(b)) == Counter({(1, "x"): 2, (None, None): 1, (3, "z"): 1})
    assert _rows(b.exceptAll(a)) == Counter({(2, "y"): 1, (4, "w"): 1})
    assert _rows(a.intersectAll(b)) == Counter({(1, "x"): 1, (2, "y"): 1, (None, None): 1})
    assert a.exceptAll(b).columns == ["n", "s"]
    assert _rows(a.intersectAll(a)) == _rows(a)
    assert a.exceptAll(a).count() == 0
    # the result is an ordinary frame: it filters, aggregates and joins on
    e = a.exceptAll(b)
    assert _rows(e.filter(F.col("n") == 1).groupBy("s").count()) == Counter({("x", 2): 1})


def test_set_operations_all_widen_types(spark):
    a = spark.createDataFrame([(1,), (1,), (2,)], "v int")
    b = spark.createDataFrame([(1.0,), (3.0,)], "v double")
    assert _rows(a.exceptAll(b)) == Counter({(1.0,): 1, (2.0,): 1})
    assert _rows(a.intersectAll(b)) == Counter({(1.0,): 1})
