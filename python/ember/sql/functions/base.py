"""How every function of ``ember.sql.functions`` builds its call.

A function is one ``{"kind": "fn", "name": ..., "args": [...]}`` expression naming an entry
of the JVM's FunctionRegistry, which alone decides types and semantics (and raises
``[UNRESOLVED_ROUTINE]`` for a name it does not know). Column arguments accept a Column or
a column name; value arguments (a pattern, a count, a format) become literals.
"""

from typing import Any

from ember.sql.column import Column, fn, to_expr, value_expr


def call(name: str, *cols: Any) -> Column:
    """``name`` applied to columns (Columns or names)."""
    return fn(name, *[to_expr(c) for c in cols])


def call_values(name: str, col: Any, *values: Any) -> Column:
    """``name`` applied to one column and then literal values (or Columns)."""
    return fn(name, to_expr(col), *[value_expr(v) for v in values])


def distinct_call(name: str, *cols: Any) -> Column:
    return fn(name, *[to_expr(c) for c in cols], distinct=True)
