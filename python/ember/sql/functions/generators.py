"""Generator functions beyond explode: ``inline``, ``inline_outer`` and ``stack`` (each input row
becomes several rows; used in ``select``)."""

from typing import Any

from ember.sql.column import Column
from ember.sql.functions.base import call


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


__all__ = ["inline", "inline_outer", "stack"]
