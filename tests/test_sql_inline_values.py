"""``VALUES`` refuses values that are not deterministic, as PySpark 4.3 does."""

from decimal import Decimal

import pytest

from ember.errors import AnalysisException


@pytest.mark.parametrize("q,expr", [
    ("SELECT * FROM VALUES (rand()), (1) AS v(a)", '"rand()"'),
    ("SELECT * FROM VALUES (1, rand(1)) AS v(a, b)", '"rand(1)"'),
    ("VALUES (rand())", '"rand()"'),
])
def test_non_deterministic_values_are_refused(spark, q, expr):
    with pytest.raises(AnalysisException) as e:
        spark.sql(q)
    assert e.value.getErrorClass() == "INVALID_INLINE_TABLE.CANNOT_EVALUATE_EXPRESSION_IN_INLINE_TABLE"
    assert e.value.getMessageParameters() == {"expr": expr}
    assert str(e.value).startswith("[INVALID_INLINE_TABLE.CANNOT_EVALUATE_EXPRESSION_IN_INLINE_TABLE] Invalid inline "
                                   f"table. Cannot evaluate the expression {expr} in inline table definition.")


def test_deterministic_values_still_run(spark):
    df = spark.sql("SELECT * FROM VALUES (1, 'a' || 'b'), (2 + 3, upper('c')) AS v(a, b)")
    assert df.columns == ["a", "b"]
    assert [tuple(r) for r in df.collect()] == [(1, "ab"), (5, "C")]
    # PySpark 4.3: the rows' types widen to decimal(2,1).
    assert [tuple(r) for r in spark.sql("VALUES (1.5), (2)").collect()] == [(Decimal("1.5"),), (Decimal("2.0"),)]
