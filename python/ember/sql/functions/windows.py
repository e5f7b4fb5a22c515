"""``first_value`` and ``last_value`` (the window spellings of ``first``/``last``; ``nth_value``
and the ranking functions are in ``aggregates``)."""

from typing import Any

from ember.sql.column import Column
from ember.sql.functions.base import call, call_values


def first_value(col: Any, ignoreNulls: Any = None) -> Column:
    """The first value of the window frame (the first non-null with ``ignoreNulls``):
    ``F.first_value("v").over(w)``."""
    return call("first_value", col) if ignoreNulls is None else call_values("first_value", col, ignoreNulls)


def last_value(col: Any, ignoreNulls: Any = None) -> Column:
    """The last value of the window frame (the last non-null with ``ignoreNulls``)."""
    return call("last_value", col) if ignoreNulls is None else call_values("last_value", col, ignoreNulls)


__all__ = ["first_value", "last_value"]
