"""String functions against PySpark 4.3's answers (names, types, values); see tests/functions_a."""

import pytest

from tests.functions_a.harness import check_family


def test_string_functions_match_pyspark(spark):
    check_family(spark, "strings")
