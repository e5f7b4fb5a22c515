"""JSON text functions against PySpark 4.3's answers (names, types, values)."""

from tests.functions_a.harness import check_family


def test_json_functions_match_pyspark(spark):
    check_family(spark, "json")
