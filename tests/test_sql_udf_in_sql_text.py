"""UDFs registered with ``spark.udf.register`` called from SQL text (row UDFs and scalar
pandas UDFs), as PySpark allows; before, SQL text could not see them (UNRESOLVED_ROUTINE)."""

import pandas as pd
import pytest

from ember.errors import AnalysisException
from ember.sql.functions import pandas_udf


def test_registered_row_and_pandas_udfs_resolve_in_sql(spark):
    @pandas_udf("double")
    def plus_half(s: pd.Series) -> pd.Series:
        return s + 0.5
    spark.udf.register("plus_half_sql", plus_half)
    spark.udf.register("times_ten_sql", lambda x: x * 10, "bigint")
    try:
        out = spark.sql("SELECT id, times_ten_sql(id) t, plus_half_sql(id * 1.0D) h "
                        "FROM range(3) ORDER BY id")
        assert out.dtypes == [("id", "bigint"), ("t", "bigint"), ("h", "double")]
        assert [tuple(r) for r in out.collect()] == [(0, 0, 0.5), (1, 10, 1.5), (2, 20, 2.5)]
        names = [f.name for f in spark.catalog.listFunctions()]
        assert names.count("times_ten_sql") == 1
    finally:
        spark.udf.unregister("plus_half_sql")
        spark.udf.unregister("times_ten_sql")
    with pytest.raises(AnalysisException, match="UNRESOLVED_ROUTINE"):
        spark.sql("SELECT times_ten_sql(1)").collect()


def test_a_builtin_name_stays_the_builtin_in_sql(spark):
    spark.udf.register("upper", lambda s: "zz", "string")
    try:
        assert spark.sql("SELECT upper('a') u").collect()[0].u == "A"
    finally:
        spark.udf.unregister("upper")
    assert spark.sql("SELECT upper('b') u").collect()[0].u == "B"
