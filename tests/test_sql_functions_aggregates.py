"""Aggregate functions against PySpark 4.3's answers (sql_function_cases): one groupBy for all."""

import pytest

from ember.sql import functions as F
from sql_function_cases import check_groups


@pytest.fixture(scope="module")
def agg(spark):
    return spark.createDataFrame(
        [("g1", 1.0, 2.0, 1, True, "p"), ("g1", 2.0, 4.5, 2, False, "q"), ("g1", 4.0, None, 2, True, "r"),
         ("g2", None, 1.0, 5, None, "s"), ("g2", 3.0, 3.0, 5, True, None), ("g3", None, None, None, None, None)],
        "g string, x double, y double, i int, f boolean, t string")


AGG_CASES = [
    (F.bitmap_count(F.bitmap_construct_agg(F.bitmap_bit_position('i'))), 'bitmap_count(bitmap_construct_agg(bitmap_bit_position(i)))', 'bigint', [2, 1, 0]),
    (F.corr('x', 'y'), 'corr(x, y)', 'double', [1.0, None, None]),
    (F.covar_pop('x', 'y'), 'covar_pop(x, y)', 'double', [0.625, 0.0, None]),
    (F.covar_samp('x', 'y'), 'covar_samp(x, y)', 'double', [1.25, None, None]),
    (F.skewness('x'), 'skewness(x)', 'double', [0.381801774, None, None]),
    (F.kurtosis('x'), 'kurtosis(x)', 'double', [-1.5, None, None]),
    (F.regr_avgx('y', 'x'), 'regr_avgx(y, x)', 'double', [1.5, 3.0, None]),
    (F.regr_avgy('y', 'x'), 'regr_avgy(y, x)', 'double', [3.25, 3.0, None]),
    (F.regr_count('y', 'x'), 'regr_count(y, x)', 'bigint', [2, 1, 0]),
    (F.regr_intercept('y', 'x'), 'regr_intercept(y, x)', 'double', [-0.5, None, None]),
    (F.regr_r2('y', 'x'), 'regr_r2(y, x)', 'double', [1.0, None, None]),
    (F.regr_slope('y', 'x'), 'regr_slope(y, x)', 'double', [2.5, None, None]),
    (F.regr_sxx('y', 'x'), 'regr_sxx(y, x)', 'double', [0.5, 0.0, None]),
    (F.regr_sxy('y', 'x'), 'regr_sxy(y, x)', 'double', [1.25, 0.0, None]),
    (F.regr_syy('y', 'x'), 'regr_syy(y, x)', 'double', [3.125, 0.0, None]),
    (F.count_if(F.col('x') > 1), 'count_if((x > 1))', 'bigint', [2, 1, 0]),
    (F.bool_and('f'), 'bool_and(f)', 'boolean', [False, True, None]),
    (F.bool_or('f'), 'bool_or(f)', 'boolean', [True, True, None]),
    (F.every('f'), 'every(f)', 'boolean', [False, True, None]),
    (F.some('f'), 'some(f)', 'boolean', [True, True, None]),
    (F.max_by('t', 'x'), 'max_by(t, x)', 'string', ['r', None, None]),
    (F.min_by('t', 'x'), 'min_by(t, x)', 'string', ['p', None, None]),
    (F.any_value('x'), 'any_value(x)', 'double', [1.0, None, None]),
    (F.any_value('x', True), 'any_value(x)', 'double', [1.0, 3.0, None]),
    (F.product('x'), 'product(x)', 'double', [8.0, 3.0, None]),
    (F.product('i'), 'product(i)', 'double', [4.0, 25.0, None]),
    (F.percentile_approx('x', 0.5), 'percentile_approx(x, 0.5, 10000)', 'double', [2.0, 3.0, None]),
    (F.percentile_approx('x', [0.25, 0.75], 100), 'percentile_approx(x, array(0.25, 0.75), 100)', 'array<double>', [[1.0, 4.0], [3.0, 3.0], None]),
    (F.approx_percentile('i', 0.5), 'approx_percentile(i, 0.5, 10000)', 'int', [2, 5, None]),
    (F.percentile('x', 0.5), 'percentile(x, 0.5, 1)', 'double', [2.0, 3.0, None]),
    (F.percentile('i', [0.1, 0.9]), 'percentile(i, array(0.1, 0.9), 1)', 'array<double>', [[1.2, 2.0], [5.0, 5.0], None]),
    (F.median('x'), 'median(x)', 'double', [2.0, 3.0, None]),
    (F.median('i'), 'median(i)', 'double', [2.0, 5.0, None]),
    (F.mode('i'), 'mode(i)', 'int', [2, 5, None]),
    (F.bit_and('i'), 'bit_and(i)', 'int', [0, 5, None]),
    (F.bit_or('i'), 'bit_or(i)', 'int', [3, 5, None]),
    (F.bit_xor('i'), 'bit_xor(i)', 'int', [1, 0, None]),
    (F.try_sum('i'), 'try_sum(i)', 'bigint', [5, 10, None]),
    (F.try_avg('x'), 'try_avg(x)', 'double', [2.333333333, 3.0, None]),
    (F.try_sum('x'), 'try_sum(x)', 'double', [7.0, 3.0, None]),
    (F.listagg('t'), 'listagg(t, NULL)', 'string', ['pqr', 's', None]),
    (F.listagg('t', '-'), 'listagg(t, -)', 'string', ['p-q-r', 's', None]),
    (F.string_agg('t', ','), 'string_agg(t, ,)', 'string', ['p,q,r', 's', None]),
    (F.array_agg('i'), 'collect_list(i)', 'array<int>', [[1, 2, 2], [5, 5], []]),
    (F.first_value('x'), 'first_value(x)', 'double', [1.0, None, None]),
    (F.last_value('x', F.lit(True)), 'last_value(x)', 'double', [4.0, 3.0, None]),
    (F.sum_distinct('i'), 'sum(DISTINCT i)', 'bigint', [3, 5, None]),
    (F.count_distinct('i'), 'count(DISTINCT i)', 'bigint', [2, 1, 0]),
    (F.collect_set('i'), 'collect_set(i)', 'array<int>', [[1, 2], [5], []]),
    (F.kurtosis('i'), 'kurtosis(i)', 'double', [-1.5, None, None]),
    (F.avg('i'), 'avg(i)', 'double', [1.666666667, 5.0, None]),
]


def test_aggregates(agg):
    check_groups(agg, "g", AGG_CASES)


def test_distinct_listagg_keeps_each_value_once(agg):
    rows = agg.groupBy("g").agg(F.string_agg_distinct("t", "|").alias("s"),
                                F.listagg_distinct(F.concat("t", F.lit("!"))).alias("l")).orderBy("g").collect()
    assert [sorted(r.s.split("|")) if r.s else None for r in rows] == [["p", "q", "r"], ["s"], None]
    assert [sorted(r.l) if r.l else None for r in rows] == [sorted("p!q!r!"), sorted("s!"), None]


def test_aggregates_merge_partial_states_across_partitions(spark):
    df = spark.range(0, 2000, 1, 4).select((F.col("id") % 3).cast("int").alias("k"), F.col("id").cast("double").alias("v"))
    row = df.groupBy().agg(F.corr("v", F.col("v") * 2 + 1).alias("c"), F.kurtosis("v").alias("k"),
                           F.skewness("v").alias("s"), F.median("v").alias("m"),
                           F.regr_slope(F.col("v") * 3, "v").alias("b"), F.count_if(F.col("k") == 0).alias("n"),
                           F.max_by("k", "v").alias("mb"), F.bit_xor("k").alias("x"),
                           F.percentile_approx("v", 0.25).alias("q")).first()
    values = list(range(2000))
    mean = sum(values) / 2000
    m2 = sum((v - mean) ** 2 for v in values)
    m4 = sum((v - mean) ** 4 for v in values)
    xor = 0
    for v in values:
        xor ^= v % 3
    assert round(row.c, 9) == 1.0 and round(row.b, 9) == 3.0 and round(row.s, 9) == 0.0
    assert round(row.k, 9) == round(2000 * m4 / (m2 * m2) - 3, 9)
    assert (row.m, row.n, row.mb, row.x, row.q) == (999.5, 667, 1999 % 3, xor, 499.0)


@pytest.mark.parametrize("col, error", [
    (F.percentile("x", 1.5), "VALUE_OUT_OF_RANGE"),
    (F.percentile("x", 0.5, 2), "PERCENTILE_FREQUENCY"),
    (F.bit_and("x"), "DATATYPE_MISMATCH"),
])
def test_aggregate_errors(agg, col, error):
    with pytest.raises(Exception, match=error):
        agg.groupBy("g").agg(col).collect()


def test_try_sum_is_null_on_overflow(spark):
    df = spark.createDataFrame([(9223372036854775807,), (1,)], "v bigint").repartition(2)
    assert df.agg(F.try_sum("v")).first()[0] is None
