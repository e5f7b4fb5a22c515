"""Higher-order functions (Python lambdas) against PySpark 4.3's answers (sql_function_cases)."""

import pytest

from ember.sql import functions as F
from sql_function_cases import check_cases


@pytest.fixture(scope="module")
def arr(spark):
    return spark.createDataFrame(
        [([1, 2, 3, None], [3, 4, None], ["a", "b", None], {"k1": 1, "k2": None}, 2, "x"),
         ([], [1], [], {}, 0, None),
         (None, None, None, None, None, "y"),
         ([3, 1, 2, 2], [2, 5], ["c", "a"], {"z": 9}, -1, "z")],
        "a array<int>, b array<int>, s array<string>, m map<string,int>, n int, w string")


LAMBDA_CASES = [
    (F.transform('a', lambda x: x + 1), 'transform(a, lambdafunction((namedlambdavariable() + 1), namedlambdavariable()))', 'array<int>', [[2, 3, 4, None], [], None, [4, 2, 3, 3]]),
    (F.transform('a', lambda x, i: x * i), 'transform(a, lambdafunction((namedlambdavariable() * namedlambdavariable()), namedlambdavariable(), namedlambdavariable()))', 'array<int>', [[0, 2, 6, None], [], None, [0, 1, 4, 6]]),
    (F.transform('s', lambda x: F.concat(x, F.col('w'))), 'transform(s, lambdafunction(concat(namedlambdavariable(), w), namedlambdavariable()))', 'array<string>', [['ax', 'bx', None], [], None, ['cz', 'az']]),
    (F.filter('a', lambda x: x > 1), 'filter(a, lambdafunction((namedlambdavariable() > 1), namedlambdavariable()))', 'array<int>', [[2, 3], [], None, [3, 2, 2]]),
    (F.filter('a', lambda x, i: i % 2 == 0), 'filter(a, lambdafunction(((namedlambdavariable() % 2) = 0), namedlambdavariable(), namedlambdavariable()))', 'array<int>', [[1, 3], [], None, [3, 2]]),
    (F.exists('a', lambda x: x > 2), 'exists(a, lambdafunction((namedlambdavariable() > 2), namedlambdavariable()))', 'boolean', [True, False, None, True]),
    (F.exists('a', lambda x: x.isNull()), 'exists(a, lambdafunction((namedlambdavariable() IS NULL), namedlambdavariable()))', 'boolean', [True, False, None, False]),
    (F.forall('a', lambda x: x > 0), 'forall(a, lambdafunction((namedlambdavariable() > 0), namedlambdavariable()))', 'boolean', [None, True, None, True]),
    (F.aggregate('a', F.lit(0), lambda acc, x: acc + F.coalesce(x, F.lit(0))), 'aggregate(a, 0, lambdafunction((namedlambdavariable() + coalesce(namedlambdavariable(), 0)), namedlambdavariable(), namedlambdavariable()), lambdafunction(namedlambdavariable(), namedlambdavariable()))', 'int', [6, 0, None, 8]),
    (F.aggregate('a', F.lit(0.0), lambda acc, x: acc + x, lambda acc: acc * 2), 'aggregate(a, 0.0, lambdafunction((namedlambdavariable() + namedlambdavariable()), namedlambdavariable(), namedlambdavariable()), lambdafunction((namedlambdavariable() * 2), namedlambdavariable()))', 'double', [None, 0.0, None, 16.0]),
    (F.reduce('a', F.lit(0).cast('bigint'), lambda acc, x: acc + x), 'reduce(a, CAST(0 AS BIGINT), lambdafunction((namedlambdavariable() + namedlambdavariable()), namedlambdavariable(), namedlambdavariable()), lambdafunction(namedlambdavariable(), namedlambdavariable()))', 'bigint', [None, 0, None, 8]),
    (F.zip_with('a', 'b', lambda x, y: F.coalesce(x, F.lit(0)) + F.coalesce(y, F.lit(0))), 'zip_with(a, b, lambdafunction((coalesce(namedlambdavariable(), 0) + coalesce(namedlambdavariable(), 0)), namedlambdavariable(), namedlambdavariable()))', 'array<int>', [[4, 6, 3, 0], [1], None, [5, 6, 2, 2]]),
    (F.map_filter('m', lambda k, v: v > 0), 'map_filter(m, lambdafunction((namedlambdavariable() > 0), namedlambdavariable(), namedlambdavariable()))', 'map<string,int>', [{'k1': 1}, {}, None, {'z': 9}]),
    (F.transform_keys('m', lambda k, v: F.upper(k)), 'transform_keys(m, lambdafunction(upper(namedlambdavariable()), namedlambdavariable(), namedlambdavariable()))', 'map<string,int>', [{'K1': 1, 'K2': None}, {}, None, {'Z': 9}]),
    (F.transform_values('m', lambda k, v: F.coalesce(v, F.lit(-1)) * 10), 'transform_values(m, lambdafunction((coalesce(namedlambdavariable(), -1) * 10), namedlambdavariable(), namedlambdavariable()))', 'map<string,int>', [{'k1': 10, 'k2': -10}, {}, None, {'z': 90}]),
    (F.map_zip_with('m', F.create_map(F.lit('k1'), F.lit(100)), lambda k, v1, v2: F.coalesce(v1, F.lit(0)) + F.coalesce(v2, F.lit(0))), 'map_zip_with(m, map(k1, 100), lambdafunction((coalesce(namedlambdavariable(), 0) + coalesce(namedlambdavariable(), 0)), namedlambdavariable(), namedlambdavariable(), namedlambdavariable()))', 'map<string,int>', [{'k1': 101, 'k2': 0}, {'k1': 100}, None, {'k1': 100, 'z': 9}]),
    (F.array_sort('a', lambda l, r: F.when(l.isNull() | r.isNull(), 0).otherwise(r - l)), 'array_sort(a, lambdafunction(CASE WHEN ((namedlambdavariable() IS NULL) OR (namedlambdavariable() IS NULL)) THEN 0 ELSE (namedlambdavariable() - namedlambdavariable()) END, namedlambdavariable(), namedlambdavariable()))', 'array<int>', [[3, 2, 1, None], [], None, [3, 2, 2, 1]]),
    (F.transform('a', lambda x: F.transform('b', lambda y: x + y)), 'transform(a, lambdafunction(transform(b, lambdafunction((namedlambdavariable() + namedlambdavariable()), namedlambdavariable())), namedlambdavariable()))', 'array<array<int>>', [[[4, 5, None], [5, 6, None], [6, 7, None], [None, None, None]], [], None, [[5, 8], [3, 6], [4, 7], [4, 7]]]),
    (F.transform('a', lambda x: x + F.col('n')), 'transform(a, lambdafunction((namedlambdavariable() + n), namedlambdavariable()))', 'array<int>', [[3, 4, 5, None], [], None, [2, 0, 1, 1]]),
    (F.filter('s', lambda x: x.startswith('a')), 'filter(s, lambdafunction(startswith(namedlambdavariable(), a), namedlambdavariable()))', 'array<string>', [['a'], [], None, ['a']]),
    (F.transform('a', lambda x: F.lit(1)), 'transform(a, lambdafunction(1, namedlambdavariable()))', 'array<int>', [[1, 1, 1, 1], [], None, [1, 1, 1, 1]]),
    (F.array_sort('a'), 'array_sort(a, lambdafunction((IF(((namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, (IF((namedlambdavariable() IS NULL), 1, (IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() < namedlambdavariable()), -1, (IF((namedlambdavariable() > namedlambdavariable()), 1, 0)))))))))), namedlambdavariable(), namedlambdavariable()))', 'array<int>', [[1, 2, 3, None], [], None, [1, 2, 2, 3]]),
    (F.array_sort('s'), 'array_sort(s, lambdafunction((IF(((namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, (IF((namedlambdavariable() IS NULL), 1, (IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() < namedlambdavariable()), -1, (IF((namedlambdavariable() > namedlambdavariable()), 1, 0)))))))))), namedlambdavariable(), namedlambdavariable()))', 'array<string>', [['a', 'b', None], [], None, ['a', 'c']]),
]


def test_higher_order_functions(arr):
    check_cases(arr, LAMBDA_CASES)


def test_lambda_over_many_batches_keeps_rows_apart(spark):
    df = spark.range(0, 10000, 1, 2).select(F.col("id"), F.sequence(F.lit(0), F.col("id") % 5).alias("a"))
    out = df.select("id", F.aggregate(F.transform("a", lambda x: x + F.col("id")), F.lit(0).cast("bigint"),
                                      lambda acc, x: acc + x).alias("s")).collect()
    assert all(r.s == sum(range(r.id % 5 + 1)) + (r.id % 5 + 1) * r.id for r in out)


@pytest.mark.parametrize("build, error", [
    (lambda: F.transform("a", lambda x, y, z: x), "WRONG_NUM_ARGS_FOR_HIGHER_ORDER_FUNCTION"),
    (lambda: F.exists("a", lambda x, i: x), "WRONG_NUM_ARGS_FOR_HIGHER_ORDER_FUNCTION"),
    (lambda: F.transform("a", lambda x: 1), "HIGHER_ORDER_FUNCTION_SHOULD_RETURN_COLUMN"),
    (lambda: F.transform("a", 3), "NOT_CALLABLE"),
])
def test_lambda_client_errors(build, error):
    with pytest.raises(Exception, match=error):
        build()


def test_lambda_must_return_the_type_its_function_needs(arr):
    with pytest.raises(Exception, match="DATATYPE_MISMATCH"):
        arr.select(F.filter("a", lambda x: x + 1)).collect()
