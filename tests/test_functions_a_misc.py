"""Miscellaneous functions (session, partition ids, hashing, random numbers) against PySpark 4.3,
and the failures of assert_true / raise_error."""

import pytest

from ember.sql import functions as F
from tests.functions_a.harness import _same, check_family


def test_misc_functions_match_pyspark(spark):
    check_family(spark, "misc")


def test_harness_tells_values_apart():
    cases = [(1.0, 1.0 + 1e-9, False), (float("nan"), float("nan"), True), ([1, None], [1, None], True),
             ({"a": 1}, {"a": 2}, False), (b"x", bytearray(b"x"), True), (None, 0, False)]
    assert [_same(a, b) for a, b, _ in cases] == [want for *_, want in cases]


@pytest.mark.parametrize("column, message", [
    (F.assert_true(F.col("id") < 2), "'(id < 2)' is not true!"),
    (F.assert_true(F.col("id") < 2, "too big"), "too big"),
    (F.raise_error(F.lit("boom")), "boom"),
])
def test_assertions_fail_with_user_raised_exception(spark, column, message):
    with pytest.raises(Exception) as e:
        spark.range(3).select(column).collect()
    assert "USER_RAISED_EXCEPTION" in str(e.value) and message in str(e.value)


def test_partition_ids_and_row_ids_follow_partitions(spark):
    rows = spark.range(0, 6, 1, 3).select(F.spark_partition_id().alias("p"),
                                          F.monotonically_increasing_id().alias("i")).collect()
    assert [(r.p, r.i) for r in rows] == [(p, (p << 33) + k) for p in range(3) for k in range(2)]


def test_rand_with_seed_is_per_partition_and_repeatable(spark):
    df = spark.range(0, 4, 1, 2)
    first = [r[0] for r in df.select(F.rand(7)).collect()]
    again = [r[0] for r in df.select(F.rand(7)).collect()]
    one_partition = [r[0] for r in spark.range(0, 4, 1, 1).select(F.rand(7)).collect()]
    assert first == again and first[:2] == one_partition[:2] and first[2:] != one_partition[2:]
