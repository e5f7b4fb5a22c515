"""Python UDTFs called from SQL text (``spark.udtf.register``): ``FROM f(...)``, ``FROM t,
LATERAL f(t.x)`` and ``JOIN LATERAL``, with PySpark 4.3's answers for the same classes and
queries (terminate's rows join the last input row, as Spark's do)."""

import pytest

from ember.sql.functions import udtf


@udtf(returnType="a: int, b: int")
class Pair:
    def eval(self, x: int, y: int):
        for i in range(x):
            yield i, y + i


@udtf(returnType="x: string")
class Term:
    def __init__(self):
        self.n = 0

    def eval(self, v):
        self.n += 1

    def terminate(self):
        yield (f"count={self.n}",)


@pytest.fixture(scope="module")
def s(spark):
    spark.createDataFrame([(1, 10), (1, 20), (2, 5), (3, 7)], "k int, v int") \
        .coalesce(1).createOrReplaceTempView("udtf_t")
    spark.udtf.register("pair", Pair)
    spark.udtf.register("term", Term)
    return spark


def tuples(df):
    return [tuple(r) for r in df.collect()]


def test_udtf_in_from(s):
    df = s.sql("SELECT * FROM pair(2, 10)")
    assert df.columns == ["a", "b"]
    assert tuples(df) == [(0, 10), (1, 11)]
    assert tuples(s.sql("SELECT a FROM pair(3, 1) WHERE b > 1")) == [(1,), (2,)]
    assert tuples(s.sql("SELECT * FROM term(1)")) == [("count=1",)]


def test_udtf_lateral(s):
    expected = [(1, 0, 10), (1, 0, 20), (2, 0, 5), (2, 1, 6), (3, 0, 7), (3, 1, 8), (3, 2, 9)]
    df = s.sql("SELECT udtf_t.k, p.* FROM udtf_t, LATERAL pair(udtf_t.k, udtf_t.v) p "
               "ORDER BY udtf_t.k, p.a, p.b")
    assert df.columns == ["k", "a", "b"]
    assert tuples(df) == expected
    assert tuples(s.sql("SELECT udtf_t.k, a, b FROM udtf_t, LATERAL pair(udtf_t.k, udtf_t.v) "
                        "ORDER BY 1, 2, 3")) == expected
    df = s.sql("SELECT * FROM udtf_t JOIN LATERAL pair(udtf_t.k, 0) ORDER BY 1, 2, 3")
    assert df.columns == ["k", "v", "a", "b"]
    assert tuples(df) == [(1, 10, 0, 0), (1, 20, 0, 0), (2, 5, 0, 0), (2, 5, 1, 1), (3, 7, 0, 0),
                          (3, 7, 1, 1), (3, 7, 2, 2)]
    df = s.sql("SELECT * FROM udtf_t JOIN LATERAL pair(udtf_t.k, udtf_t.v) AS p(x, y) ON p.y > 9 "
               "ORDER BY 1, 2, 3")
    assert df.columns == ["k", "v", "x", "y"]
    assert tuples(df) == [(1, 10, 0, 10), (1, 20, 0, 20)]


def test_udtf_terminate_rows_join_the_last_input_row(s):
    assert tuples(s.sql("SELECT * FROM udtf_t, LATERAL term(udtf_t.v)")) == [(3, 7, "count=4")]


def test_udtf_wrong_arguments(s):
    with pytest.raises(Exception) as e:
        s.sql("SELECT * FROM pair(1)").collect()
    assert "[UDTF_EVAL_METHOD_ARGUMENTS_DO_NOT_MATCH_SIGNATURE] Failed to evaluate the user-defined " \
           "table function 'pair' because the function arguments did not match the expected " \
           "signature of the 'eval' method (missing a required argument: 'y')." in str(e.value)


def test_register_refuses_what_is_not_a_udtf(s):
    with pytest.raises(Exception, match="CANNOT_REGISTER_UDTF"):
        s.udtf.register("plain", lambda x: x)
