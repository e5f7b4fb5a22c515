"""Correlated scalar subqueries under HAVING and next to a grouped aggregate, with PySpark
4.3's answers and errors for the same queries."""

import pytest

from ember.errors import AnalysisException


@pytest.fixture(scope="module")
def s(spark):
    spark.createDataFrame([(1, 10), (1, 20), (2, 5), (3, 7)], "k int, v int").createOrReplaceTempView("hv_t")
    spark.createDataFrame([(1, 100), (2, 1), (2, 2)], "k int, w int").createOrReplaceTempView("hv_u")
    return spark


def answer(s, q):
    return sorted(tuple(r) for r in s.sql(q).collect())


def test_correlated_scalar_subquery_under_having(s):
    assert answer(s, "SELECT k, sum(v) FROM hv_t GROUP BY k "
                     "HAVING sum(v) > (SELECT max(w) FROM hv_u WHERE hv_u.k = hv_t.k)") == [(2, 5)]
    # count over no rows is 0, not null: the groups without a match stay
    assert answer(s, "SELECT k, sum(v) s FROM hv_t GROUP BY k "
                     "HAVING sum(v) > (SELECT count(*) FROM hv_u WHERE hv_u.k = hv_t.k)") == [
        (1, 30), (2, 5), (3, 7)]
    assert answer(s, "SELECT sum(v) FROM hv_t HAVING sum(v) > (SELECT max(w) FROM hv_u)") == []
    assert answer(s, "SELECT k, count(*) FROM hv_t GROUP BY k "
                     "HAVING EXISTS (SELECT 1 FROM hv_u WHERE hv_u.k = hv_t.k)") == [(1, 2), (2, 1)]


def test_correlated_scalar_subquery_inside_an_aggregate_function(s):
    assert answer(s, "SELECT k, max((SELECT sum(w) FROM hv_u WHERE hv_u.k = hv_t.k)) AS x FROM hv_t "
                     "GROUP BY k") == [(1, 100), (2, 3), (3, None)]


@pytest.mark.parametrize("q", [
    "SELECT k, sum(v) AS s, (SELECT max(w) FROM hv_u WHERE hv_u.k = hv_t.k) AS m FROM hv_t GROUP BY k",
    "SELECT k, (SELECT count(*) FROM hv_u WHERE hv_u.k = hv_t.k) AS c, count(*) FROM hv_t GROUP BY k",
    "SELECT k, sum(v) + (SELECT sum(w) FROM hv_u WHERE hv_u.k = hv_t.k) AS x FROM hv_t GROUP BY k",
])
def test_correlated_scalar_subquery_beside_a_grouped_aggregate_is_refused_as_spark_does(s, q):
    with pytest.raises(AnalysisException) as e:
        s.sql(q)
    assert str(e.value).startswith(
        "[SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION] The correlated scalar subquery "
        "'\"scalarsubquery(k)\"' is neither present in GROUP BY, nor in an aggregate function.\n"
        "Add it to GROUP BY using ordinal position or wrap it in `first()` (or `first_value`) if you "
        "don't care which value you get.")


def test_unknown_column_inside_a_subquery_is_named(s):
    with pytest.raises(AnalysisException) as e:
        s.sql("SELECT * FROM hv_t WHERE v > (SELECT max(w) FROM hv_u WHERE hv_u.k = nope)")
    assert e.value.getErrorClass() == "UNRESOLVED_COLUMN.WITH_SUGGESTION"
    assert "with name `nope` cannot be resolved" in str(e.value)
    with pytest.raises(AnalysisException) as e:
        s.sql("SELECT nofunc(nocol) FROM hv_t")
    assert e.value.getErrorClass() == "UNRESOLVED_ROUTINE"


# -- outer aggregates inside a HAVING subquery (PySpark 4.3's answers for the same queries) -----

@pytest.fixture(scope="module")
def oa(spark):
    spark.sql("CREATE OR REPLACE TEMP VIEW oa_t AS SELECT * FROM VALUES (1, 10), (1, 20), (2, 5), "
              "(3, null), (null, 7) AS oa_t(k, v)")
    spark.sql("CREATE OR REPLACE TEMP VIEW oa_u AS SELECT * FROM VALUES (30, 'a'), (5, 'b'), (7, 'c'), "
              "(null, 'd') AS oa_u(w, n)")
    return spark


def _sorted(rows):
    return sorted((tuple(r) for r in rows), key=repr)


@pytest.mark.parametrize("q, expected", [
    ("SELECT k, sum(v) FROM oa_t GROUP BY k HAVING EXISTS (SELECT 1 FROM oa_u WHERE oa_u.w = sum(oa_t.v))",
     [(1, 30), (2, 5), (None, 7)]),
    ("SELECT k, sum(v) FROM oa_t GROUP BY k "
     "HAVING NOT EXISTS (SELECT 1 FROM oa_u WHERE oa_u.w = sum(oa_t.v))", [(3, None)]),
    ("SELECT k FROM oa_t GROUP BY k HAVING EXISTS (SELECT 1 FROM oa_u WHERE oa_u.w = sum(v))",
     [(1,), (2,), (None,)]),
    ("SELECT k FROM oa_t GROUP BY k "
     "HAVING EXISTS (SELECT 1 FROM oa_u WHERE oa_u.w = max(oa_t.v) + 1 - 1)", [(2,), (None,)]),
    ("SELECT k FROM oa_t GROUP BY k HAVING (SELECT count(*) FROM oa_u WHERE oa_u.w > sum(oa_t.v)) > 0",
     [(2,), (None,)]),
    ("SELECT k FROM oa_t GROUP BY k HAVING (SELECT max(n) FROM oa_u WHERE oa_u.w = sum(oa_t.v)) = 'a'",
     [(1,)]),
    ("SELECT k FROM oa_t GROUP BY k "
     "HAVING EXISTS (SELECT 1 FROM oa_u WHERE oa_u.w = sum(oa_t.v) AND oa_u.n = 'a')", [(1,)]),
    ("SELECT k FROM oa_t GROUP BY k HAVING EXISTS (SELECT 1 FROM oa_u WHERE oa_u.w > sum(oa_t.v))",
     [(2,), (None,)]),
    ("SELECT k FROM oa_t GROUP BY k "
     "HAVING EXISTS (SELECT 1 FROM oa_u WHERE oa_u.w = oa_t.k + 4 AND oa_u.w = sum(oa_t.v))", []),
    ("SELECT k, max(v) m FROM oa_t GROUP BY k "
     "HAVING EXISTS (SELECT 1 FROM oa_u WHERE oa_u.w > max(oa_t.v))", [(1, 20), (2, 5), (None, 7)]),
    ("SELECT k FROM oa_t GROUP BY k "
     "HAVING sum(v) > 0 AND NOT EXISTS (SELECT 1 FROM oa_u WHERE oa_u.w = sum(oa_t.v))", []),
    ("SELECT k, count(*) c FROM oa_t GROUP BY k "
     "HAVING (SELECT min(oa_u.w) FROM oa_u WHERE oa_u.w >= avg(oa_t.v)) IS NOT NULL",
     [(1, 2), (2, 1), (None, 1)]),
    ("SELECT k FROM oa_t GROUP BY k HAVING k IN (SELECT oa_u.w - 29 FROM oa_u WHERE oa_u.w = sum(oa_t.v))",
     [(1,)]),
    ("SELECT sum(v) FROM oa_t HAVING EXISTS (SELECT 1 FROM oa_u WHERE oa_u.w < sum(oa_t.v) / 5)", [(42,)]),
])
def test_outer_aggregate_inside_a_having_subquery(oa, q, expected):
    assert _sorted(oa.sql(q).collect()) == _sorted(expected)


def test_outer_aggregate_in_having_subquery_keeps_the_select_list(oa):
    df = oa.sql("SELECT k FROM oa_t GROUP BY k "
                "HAVING EXISTS (SELECT 1 FROM oa_u WHERE oa_u.w = sum(oa_t.v))")
    assert df.columns == ["k"]


def test_having_subquery_aggregate_of_outer_and_local_columns_is_refused(oa):
    with pytest.raises(AnalysisException) as e:
        oa.sql("SELECT k FROM oa_t GROUP BY k "
               "HAVING EXISTS (SELECT 1 FROM oa_u WHERE oa_u.w = sum(oa_t.v + oa_u.w))")
    assert e.value.getErrorClass() == (
        "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.AGGREGATE_FUNCTION_MIXED_OUTER_LOCAL_REFERENCES")


def test_having_subquery_reading_a_non_grouped_column_is_a_missing_attribute(oa):
    with pytest.raises(AnalysisException) as e:
        oa.sql("SELECT k FROM oa_t GROUP BY k HAVING EXISTS (SELECT 1 FROM oa_u WHERE oa_u.w = oa_t.v)")
    assert e.value.getErrorClass() == "MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT"
    assert e.value.getMessageParameters()["missingAttributes"] == '"v"'
