"""``expr``: a Column from SQL expression text, parsed by the JVM's SQL parser."""

from ember.errors import not_expected_type
from ember.sql import plan_protocol as P
from ember.sql.column import Column


def sql_expr(text: str) -> dict:
    """The plan-protocol expression of SQL text (``{"kind": "sqlExpr", "text": ...}``)."""
    if not isinstance(text, str):
        raise not_expected_type("str", "str", text)
    return {"kind": P.KIND_SQL_EXPR, "text": text}


def expr(str: str) -> Column:  # noqa: A002 - PySpark's parameter name
    """The column an SQL expression describes: ``expr("length(name) + 1 AS n")``."""
    return Column(sql_expr(str))


__all__ = ["expr"]
