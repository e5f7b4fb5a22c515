"""Array and map functions of ember.sql.functions against PySpark 4.3's answers (sql_function_cases)."""

import pytest

from ember.sql import functions as F
from sql_function_cases import R, check_cases


@pytest.fixture(scope="module")
def arr(spark):
    return spark.createDataFrame(
        [([1, 2, 3, None], [3, 4, None], ["a", "b", None], {"k1": 1, "k2": None}, 2, "x"),
         ([], [1], [], {}, 0, None),
         (None, None, None, None, None, "y"),
         ([3, 1, 2, 2], [2, 5], ["c", "a"], {"z": 9}, -1, "z")],
        "a array<int>, b array<int>, s array<string>, m map<string,int>, n int, w string")


ARRAY_CASES = [
    (F.array_max('a'), 'array_max(a)', 'int', [3, None, None, 3]),
    (F.array_min('s'), 'array_min(s)', 'string', ['a', None, None, 'a']),
    (F.flatten(F.array('a', 'b')), 'flatten(array(a, b))', 'array<int>', [[1, 2, 3, None, 3, 4, None], [1], None, [3, 1, 2, 2, 2, 5]]),
    (F.array_compact('a'), 'array_compact(a)', 'array<int>', [[1, 2, 3], [], None, [3, 1, 2, 2]]),
    (F.array_position('a', 2), 'array_position(a, 2)', 'bigint', [2, 0, None, 3]),
    (F.array_remove('a', 2), 'array_remove(a, 2)', 'array<int>', [[1, 3, None], [], None, [3, 1]]),
    (F.array_union('a', 'b'), 'array_union(a, b)', 'array<int>', [[1, 2, 3, None, 4], [1], None, [3, 1, 2, 5]]),
    (F.array_intersect('a', 'b'), 'array_intersect(a, b)', 'array<int>', [[3, None], [], None, [2]]),
    (F.array_except('a', 'b'), 'array_except(a, b)', 'array<int>', [[1, 2], [], None, [3, 1]]),
    (F.arrays_overlap('a', 'b'), 'arrays_overlap(a, b)', 'boolean', [True, False, None, True]),
    (F.array_join('s', ','), 'array_join(s, ,)', 'string', ['a,b', '', None, 'c,a']),
    (F.array_join('s', ',', '?'), 'array_join(s, ,, ?)', 'string', ['a,b,?', '', None, 'c,a']),
    (F.array_join('a', '-'), 'array_join(a, -)', 'string', ['1-2-3', '', None, '3-1-2-2']),
    (F.array_repeat('n', 2), 'array_repeat(n, 2)', 'array<int>', [[2, 2], [0, 0], [None, None], [-1, -1]]),
    (F.array_repeat('w', 'n'), 'array_repeat(w, n)', 'array<string>', [['x', 'x'], [], None, []]),
    (F.slice('a', 2, 2), 'slice(a, 2, 2)', 'array<int>', [[2, 3], [], None, [1, 2]]),
    (F.slice('a', -2, 5), 'slice(a, -2, 5)', 'array<int>', [[3, None], [], None, [2, 2]]),
    (F.array_prepend('a', 7), 'array_prepend(a, 7)', 'array<int>', [[7, 1, 2, 3, None], [7], None, [7, 3, 1, 2, 2]]),
    (F.array_insert('a', 2, F.lit(9)), 'array_insert(a, 2, 9)', 'array<int>', [[1, 9, 2, 3, None], [None, 9], None, [3, 9, 1, 2, 2]]),
    (F.array_insert('a', -1, F.lit(9)), 'array_insert(a, -1, 9)', 'array<int>', [[1, 2, 3, None, 9], [9], None, [3, 1, 2, 2, 9]]),
    (F.array_insert('a', 6, F.lit(9)), 'array_insert(a, 6, 9)', 'array<int>', [[1, 2, 3, None, None, 9], [None, None, None, None, None, 9], None, [3, 1, 2, 2, None, 9]]),
    (F.array_insert('a', -6, F.lit(9)), 'array_insert(a, -6, 9)', 'array<int>', [[9, None, 1, 2, 3, None], [9, None, None, None, None, None], None, [9, None, 3, 1, 2, 2]]),
    (F.array_size('a'), 'array_size(a)', 'int', [4, 0, None, 4]),
    (F.get('a', 1), 'get(a, 1)', 'int', [2, None, None, 1]),
    (F.get('a', 'n'), 'get(a, n)', 'int', [3, None, None, None]),
    (F.map_keys('m'), 'map_keys(m)', 'array<string>', [['k1', 'k2'], [], None, ['z']]),
    (F.map_values('m'), 'map_values(m)', 'array<int>', [[1, None], [], None, [9]]),
    (F.map_entries('m'), 'map_entries(m)', 'array<struct<key:string,value:int>>', [[R('k1', 1), R('k2', None)], [], None, [R('z', 9)]]),
    (F.map_from_entries(F.map_entries('m')), 'map_from_entries(map_entries(m))', 'map<string,int>', [{'k1': 1, 'k2': None}, {}, None, {'z': 9}]),
    (F.map_concat('m', F.create_map(F.lit('new'), F.lit(5))), 'map_concat(m, map(new, 5))', 'map<string,int>', [{'new': 5, 'k1': 1, 'k2': None}, {'new': 5}, None, {'new': 5, 'z': 9}]),
    (F.map_contains_key('m', 'k1'), 'map_contains_key(m, k1)', 'boolean', [True, False, None, False]),
    (F.try_element_at('a', F.lit(-1)), 'try_element_at(a, -1)', 'int', [None, None, None, 2]),
    (F.try_element_at('m', F.lit('k1')), 'try_element_at(m, k1)', 'int', [1, None, None, None]),
    (F.sequence(F.lit(1), F.lit(5)), 'sequence(1, 5)', 'array<int>', [[1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]),
    (F.sequence(F.lit(5), F.lit(1)), 'sequence(5, 1)', 'array<int>', [[5, 4, 3, 2, 1], [5, 4, 3, 2, 1], [5, 4, 3, 2, 1], [5, 4, 3, 2, 1]]),
    (F.sequence(F.lit(1), 'n'), 'sequence(1, n)', 'array<int>', [[1, 2], [1, 0], None, [1, 0, -1]]),
    (F.sequence(F.lit(0), F.lit(10), F.lit(3)), 'sequence(0, 10, 3)', 'array<int>', [[0, 3, 6, 9], [0, 3, 6, 9], [0, 3, 6, 9], [0, 3, 6, 9]]),
    (F.sequence(F.lit(1).cast('bigint'), F.lit(3).cast('bigint')), 'sequence(CAST(1 AS BIGINT), CAST(3 AS BIGINT))', 'array<bigint>', [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]]),
    (F.arrays_zip('a', 'b'), 'arrays_zip(a, b)', 'array<struct<a:int,b:int>>', [[R(1, 3), R(2, 4), R(3, None), R(None, None)], [R(None, 1)], None, [R(3, 2), R(1, 5), R(2, None), R(2, None)]]),
    (F.arrays_zip('a', F.col('s')), 'arrays_zip(a, s)', 'array<struct<a:int,s:string>>', [[R(1, 'a'), R(2, 'b'), R(3, None), R(None, None)], [], None, [R(3, 'c'), R(1, 'a'), R(2, None), R(2, None)]]),
    (F.array_contains('a', 2), 'array_contains(a, 2)', 'boolean', [True, False, None, True]),
    (F.sort_array('a', False), 'sort_array(a, false)', 'array<int>', [[3, 2, 1, None], [], None, [3, 2, 2, 1]]),
    (F.array_union('a', F.array(F.lit(1).cast('bigint'))), 'array_union(a, array(CAST(1 AS BIGINT)))', 'array<bigint>', [[1, 2, 3, None], [1], None, [3, 1, 2]]),
    (F.sequence(F.lit('2024-01-30').cast('date'), F.lit('2024-02-02').cast('date')), 'sequence(CAST(2024-01-30 AS DATE), CAST(2024-02-02 AS DATE))', 'array<date>', [['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02'], ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02'], ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02'], ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02']]),
    (F.array_repeat(F.lit('ab'), F.lit(-1)), 'array_repeat(ab, -1)', 'array<string>', [[], [], [], []]),
]


VECTOR_AND_BITMAP_CASES = [
    (F.bitmap_bit_position('n'), 'bitmap_bit_position(n)', 'bigint', [1, 0, None, 1]),
    (F.bitmap_bucket_number('n'), 'bitmap_bucket_number(n)', 'bigint', [1, 0, None, 0]),
    (F.bitmap_bit_position(F.lit(40000)), 'bitmap_bit_position(40000)', 'bigint', [7231, 7231, 7231, 7231]),
    (F.bitmap_bucket_number(F.lit(40000)), 'bitmap_bucket_number(40000)', 'bigint', [2, 2, 2, 2]),
    (F.vector_cosine_similarity(F.array(F.lit(1.0).cast('float'), F.lit(2.0).cast('float')), F.array(F.lit(2.0).cast('float'), F.lit(4.0).cast('float'))), 'vector_cosine_similarity(array(CAST(1.0 AS FLOAT), CAST(2.0 AS FLOAT)), array(CAST(2.0 AS FLOAT), CAST(4.0 AS FLOAT)))', 'float', [1.0, 1.0, 1.0, 1.0]),
    (F.vector_inner_product(F.array(F.lit(1.0).cast('float'), F.lit(2.0).cast('float')), F.array(F.lit(2.0).cast('float'), F.lit(4.0).cast('float'))), 'vector_inner_product(array(CAST(1.0 AS FLOAT), CAST(2.0 AS FLOAT)), array(CAST(2.0 AS FLOAT), CAST(4.0 AS FLOAT)))', 'float', [10.0, 10.0, 10.0, 10.0]),
    (F.vector_l2_distance(F.array(F.lit(1.0).cast('float'), F.lit(2.0).cast('float')), F.array(F.lit(2.0).cast('float'), F.lit(4.0).cast('float'))), 'vector_l2_distance(array(CAST(1.0 AS FLOAT), CAST(2.0 AS FLOAT)), array(CAST(2.0 AS FLOAT), CAST(4.0 AS FLOAT)))', 'float', [2.23606801, 2.23606801, 2.23606801, 2.23606801]),
    (F.vector_norm(F.array(F.lit(3.0).cast('float'), F.lit(4.0).cast('float'))), 'vector_norm(array(CAST(3.0 AS FLOAT), CAST(4.0 AS FLOAT)), 2.0)', 'float', [5.0, 5.0, 5.0, 5.0]),
    (F.vector_normalize(F.array(F.lit(3.0).cast('float'), F.lit(4.0).cast('float'))), 'vector_normalize(array(CAST(3.0 AS FLOAT), CAST(4.0 AS FLOAT)), 2.0)', 'array<float>', [[0.600000024, 0.800000012], [0.600000024, 0.800000012], [0.600000024, 0.800000012], [0.600000024, 0.800000012]]),
]


def test_vector_and_bitmap_functions(arr):
    check_cases(arr, VECTOR_AND_BITMAP_CASES)


def test_array_and_map_functions(arr):
    check_cases(arr, ARRAY_CASES)


@pytest.mark.parametrize("col, error", [
    (F.array_append("a", "n"), "ARRAY_FUNCTION_DIFF_TYPES"),
    (F.map_from_arrays("s", "a"), "same length"),
    (F.try_element_at("a", F.lit(0)), "INVALID_INDEX_OF_ZERO"),
    (F.map_from_arrays(F.array(F.lit(1), F.lit(1)), F.array(F.lit(1), F.lit(2))), "DUPLICATED_MAP_KEY"),
    (F.slice("a", 0, 1), "INVALID_PARAMETER_VALUE.START"),
    (F.vector_norm(F.array(F.lit(3.0).cast("float")), F.lit(1.0)), "DATATYPE_MISMATCH"),
    (F.vector_inner_product(F.array(F.lit(1.0).cast("float")), F.array(F.lit(1.0).cast("float"), F.lit(2.0).cast("float"))),
     "VECTOR_DIMENSION_MISMATCH"),
])
def test_collection_errors(arr, col, error):
    with pytest.raises(Exception, match=error):
        arr.select(col).collect()


def test_shuffle_permutes_and_keeps_nulls(arr):
    rows = arr.select(F.shuffle("a", 7).alias("x"), "a").collect()
    assert [sorted(r.x, key=str) if r.x is not None else None for r in rows] == \
        [sorted(r.a, key=str) if r.a is not None else None for r in rows]
