"""Generator functions beyond explode: ``inline``, ``inline_outer``, ``stack`` and ``json_tuple``
(each input row becomes zero or more rows; used in ``select``)."""

from typing import Any

from ember.errors import PySparkValueError
from ember.sql.column import Column
from ember.sql.functions.base import call, call_values


def inline(col: Any) -> Column:
    """One row per struct of an array of structs, one column per field:
    ``df.select(F.inline("items"))``."""
    return call("inline", col)


def inline_outer(col: Any) -> Column:
    """As ``inline``, but a null or empty array keeps its row once, with nulls."""
    return call("inline_outer", col)


def stack(*cols: Any) -> Column:
    """``stack(n, v1, ..., vk)``: ``n`` rows of ``ceil(k / n)`` columns (``col0``, ``col1``, ...)
    per input row: ``df.select(F.stack(F.lit(2), "a", "b"))``."""
    return call("stack", *cols)



def json_tuple(col: Any, *fields: str) -> Column:
    """One row per JSON object with the named top-level fields as strings (columns ``c0``,
    ``c1``, ...): ``df.select(F.json_tuple("j", "a", "b"))``."""
    if len(fields) == 0:
        raise PySparkValueError(errorClass="CANNOT_BE_EMPTY", messageParameters={"item": "field"})
    return call_values("json_tuple", col, *fields)


__all__ = ["inline", "inline_outer", "stack", "json_tuple"]
