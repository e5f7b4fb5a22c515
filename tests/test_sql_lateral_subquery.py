"""``LATERAL (subquery)`` in SQL text and unknown table functions in FROM: answers, error
classes and messages as PySpark 4.3 gives them for the same views."""

import pytest

from ember.errors import AnalysisException, ParseException


@pytest.fixture(scope="module")
def views(spark):
    spark.createDataFrame([(1, 10), (1, 20), (2, 5), (3, None)], "k int, v int").createOrReplaceTempView("lt")
    spark.createDataFrame([(1, 30, 100), (2, 5, 7), (2, 6, 8), (4, 1, 1)],
                          "k int, w int, x int").createOrReplaceTempView("lu")
    return spark


def rows(spark, q):
    df = spark.sql(q)
    return df.columns, [tuple(r) for r in df.collect()]


def test_comma_lateral_subquery(views):
    cols, got = rows(views, "SELECT * FROM lt, LATERAL (SELECT w, x FROM lu WHERE lu.k = lt.k) ORDER BY k, v, w")
    assert cols == ["k", "v", "w", "x"]
    assert got == [(1, 10, 30, 100), (1, 20, 30, 100), (2, 5, 5, 7), (2, 5, 6, 8)]


def test_join_lateral_with_on_left_and_cross(views):
    _, inner = rows(views, "SELECT * FROM lt JOIN LATERAL (SELECT w FROM lu WHERE lu.k = lt.k) s ON s.w > lt.v "
                           "ORDER BY k, v, w")
    assert inner == [(1, 10, 30), (1, 20, 30), (2, 5, 6)]
    _, left = rows(views, "SELECT * FROM lt LEFT JOIN LATERAL (SELECT w FROM lu WHERE lu.k = lt.k) s ON true "
                          "ORDER BY k, v, w")
    assert left == [(1, 10, 30), (1, 20, 30), (2, 5, 5), (2, 5, 6), (3, None, None)]
    cols, cross = rows(views, "SELECT * FROM lt CROSS JOIN LATERAL (SELECT w FROM lu WHERE lu.k = lt.k) AS s(ww) "
                              "ORDER BY k, v, ww")
    assert cols == ["k", "v", "ww"]
    assert cross == [(1, 10, 30), (1, 20, 30), (2, 5, 5), (2, 5, 6)]


def test_lateral_correlated_global_aggregates(views):
    cols, got = rows(views, "SELECT * FROM lt, LATERAL (SELECT sum(w) s, count(*) c FROM lu WHERE lu.k = lt.k) "
                            "ORDER BY k, v")
    assert cols == ["k", "v", "s", "c"]
    assert got == [(1, 10, 30, 1), (1, 20, 30, 1), (2, 5, 11, 2), (3, None, None, 0)]
    _, m = rows(views, "SELECT * FROM lt, LATERAL (SELECT max(w) m FROM lu WHERE lu.k = lt.k) ORDER BY k, v")
    assert m == [(1, 10, 30), (1, 20, 30), (2, 5, 6), (3, None, None)]


@pytest.mark.parametrize("join,name", [("RIGHT", "RIGHT OUTER"), ("FULL OUTER", "FULL OUTER"),
                                       ("LEFT SEMI", "LEFT SEMI"), ("LEFT ANTI", "LEFT ANTI")])
def test_lateral_join_types_spark_refuses(views, join, name):
    with pytest.raises(ParseException) as e:
        views.sql(f"SELECT * FROM lt {join} JOIN LATERAL (SELECT w FROM lu WHERE lu.k = lt.k) ON true")
    assert e.value.getErrorClass() == "INVALID_LATERAL_JOIN_TYPE"
    assert e.value.getMessageParameters() == {"joinType": name}
    assert str(e.value).startswith(f"[INVALID_LATERAL_JOIN_TYPE] The {name} JOIN with LATERAL correlation is not "
                                   "allowed because an OUTER subquery cannot correlate to its join partner. Remove "
                                   "the LATERAL correlation or use an INNER JOIN, or LEFT OUTER JOIN instead. "
                                   "SQLSTATE: 42613")


def test_natural_and_using_lateral_joins_are_refused(views):
    with pytest.raises(ParseException) as e:
        views.sql("SELECT * FROM lt NATURAL JOIN LATERAL (SELECT w FROM lu WHERE lu.k = lt.k)")
    assert e.value.getErrorClass() == "INCOMPATIBLE_JOIN_TYPES"
    assert e.value.getMessageParameters() == {"joinType1": "LATERAL", "joinType2": "NATURAL"}
    with pytest.raises(ParseException) as e:
        views.sql("SELECT * FROM lt JOIN LATERAL (SELECT w FROM lu WHERE lu.k = lt.k) USING (k)")
    assert e.value.getErrorClass() == "UNSUPPORTED_FEATURE.LATERAL_JOIN_USING"
    assert "JOIN USING with LATERAL correlation" in str(e.value)


@pytest.mark.parametrize("q", ["SELECT * FROM nosuchfn(1) AS x", "SELECT * FROM lt, LATERAL nosuchfn(lt.k)"])
def test_unknown_table_valued_function(views, q):
    with pytest.raises(AnalysisException) as e:
        views.sql(q)
    assert e.value.getErrorClass() == "UNRESOLVABLE_TABLE_VALUED_FUNCTION"
    assert e.value.getMessageParameters() == {"name": "`nosuchfn`"}
    assert str(e.value).startswith("[UNRESOLVABLE_TABLE_VALUED_FUNCTION] Could not resolve `nosuchfn` to a "
                                   "table-valued function.\nPlease make sure that `nosuchfn` is defined as a "
                                   "table-valued function and that all required parameters are provided correctly.")


def test_known_table_functions_still_run(views):
    assert rows(views, "SELECT * FROM explode(array(1, 2))")[1] == [(1,), (2,)]
    assert rows(views, "SELECT lt.k, c FROM lt, LATERAL explode(array(lt.k)) AS e(c) WHERE lt.k = 2")[1] == [(2, 2)]


# -- outer columns in the lateral subquery's select list (PySpark 4.3's answers) ---------------

@pytest.fixture(scope="module")
def lo(spark):
    spark.sql("CREATE OR REPLACE TEMP VIEW lo_t AS SELECT * FROM VALUES (1, 10), (1, 20), (2, 5), "
              "(3, null), (null, 7) AS lo_t(k, v)")
    spark.sql("CREATE OR REPLACE TEMP VIEW lo_u AS SELECT * FROM VALUES (30, 'a'), (5, 'b'), (7, 'c'), "
              "(null, 'd') AS lo_u(w, n)")
    return spark


@pytest.mark.parametrize("q, cols, expected", [
    ("SELECT lo_t.k, s.x FROM lo_t, LATERAL (SELECT lo_t.v + 1 AS x) s", ["k", "x"],
     [(1, 11), (1, 21), (2, 6), (3, None), (None, 8)]),
    ("SELECT * FROM lo_t LEFT JOIN LATERAL (SELECT lo_t.v + lo_u.w AS x, coalesce(lo_u.w, 0) AS y, "
     "lo_u.n FROM lo_u WHERE lo_u.w = lo_t.v)", ["k", "v", "x", "y", "n"],
     [(1, 10, None, None, None), (1, 20, None, None, None), (2, 5, 10, 5, "b"),
      (3, None, None, None, None), (None, 7, 14, 7, "c")]),
    ("SELECT * FROM lo_t JOIN LATERAL (SELECT lo_t.k AS kk, lo_u.n FROM lo_u WHERE lo_u.w = lo_t.v) s",
     ["k", "v", "kk", "n"], [(2, 5, 2, "b"), (None, 7, None, "c")]),
    ("SELECT * FROM lo_t, LATERAL (SELECT lo_u.n, lo_t.k FROM lo_u WHERE lo_u.w = lo_t.v)",
     ["k", "v", "n", "k"], [(2, 5, "b", 2), (None, 7, "c", None)]),
    ("SELECT * FROM lo_t, LATERAL (SELECT lo_t.v AS a, lo_t.k AS b)", ["k", "v", "a", "b"],
     [(1, 10, 10, 1), (1, 20, 20, 1), (2, 5, 5, 2), (3, None, None, 3), (None, 7, 7, None)]),
    ("SELECT * FROM lo_t, LATERAL (SELECT lo_t.v + lo_u.w AS x FROM lo_u WHERE lo_u.w > lo_t.v)",
     ["k", "v", "x"], [(1, 10, 40), (1, 20, 50), (2, 5, 12), (2, 5, 35), (None, 7, 37)]),
    ("SELECT s.x, count(*) FROM lo_t CROSS JOIN LATERAL (SELECT lo_t.v * 2 AS x) s GROUP BY s.x",
     ["x", "count(1)"], [(10, 1), (14, 1), (20, 1), (40, 1), (None, 1)]),
])
def test_outer_columns_in_the_lateral_select_list(lo, q, cols, expected):
    df = lo.sql(q)
    assert df.columns == cols
    assert sorted((tuple(r) for r in df.collect()), key=repr) == sorted(expected, key=repr)
