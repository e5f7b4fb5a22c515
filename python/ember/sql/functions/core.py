"""Column building, conditionals, sorting and miscellaneous functions."""

from typing import Any, Dict, List

from ember.errors import PySparkValueError, not_expected_type
from ember.sql import plan_protocol as P
from ember.sql.column import Column, col_expr, fn, to_expr, value_expr
from ember.sql.functions.base import call
from ember.sql.literals import literal


def col(col: str) -> Column:
    """The column named ``col`` (``"a.b"`` a nested field, ``"*"`` all columns)."""
    if not isinstance(col, str):
        raise not_expected_type("col", "str", col)
    return Column(col_expr(col))


column = col


def lit(col: Any) -> Column:
    """A literal: ``lit(1)``, ``lit("x")``, ``lit(None)``; a Column is returned as is."""
    if isinstance(col, Column):
        return col
    return Column(literal(col))


def when(condition: Column, value: Any) -> Column:
    """``CASE WHEN condition THEN value`` (add branches with ``.when``, ``.otherwise``)."""
    if not isinstance(condition, Column):
        raise not_expected_type("condition", "Column", condition)
    return Column({"kind": P.KIND_WHEN, "branches": [[condition._expr, value_expr(value)]]})


def coalesce(*cols: Any) -> Column:
    return call("coalesce", *cols)


def isnull(col: Any) -> Column:
    return call("isnull", col)


def isnotnull(col: Any) -> Column:
    return call("isnotnull", col)


def isnan(col: Any) -> Column:
    return call("isnan", col)


def nanvl(col1: Any, col2: Any) -> Column:
    return call("nanvl", col1, col2)


def ifnull(col1: Any, col2: Any) -> Column:
    return call("ifnull", col1, col2)


def nvl(col1: Any, col2: Any) -> Column:
    return call("nvl", col1, col2)


def nvl2(col1: Any, col2: Any, col3: Any) -> Column:
    return call("nvl2", col1, col2, col3)


def nullif(col1: Any, col2: Any) -> Column:
    return call("nullif", col1, col2)


def _at_least_two(name: str, cols: tuple) -> None:
    if len(cols) < 2:
        raise PySparkValueError(errorClass="WRONG_NUM_COLUMNS",
                                messageParameters={"func_name": name, "num_cols": "2"})


def greatest(*cols: Any) -> Column:
    _at_least_two("greatest", cols)
    return call("greatest", *cols)


def least(*cols: Any) -> Column:
    _at_least_two("least", cols)
    return call("least", *cols)


def _columns(cols: tuple) -> List[Dict[str, Any]]:
    if len(cols) == 1 and isinstance(cols[0], (list, set, tuple)):
        cols = tuple(cols[0])
    return [to_expr(c, "cols") for c in cols]


def struct(*cols: Any) -> Column:
    return fn("struct", *_columns(cols))


def array(*cols: Any) -> Column:
    return fn("array", *_columns(cols))


def create_map(*cols: Any) -> Column:
    return fn("map", *_columns(cols))


def named_struct(*cols: Any) -> Column:
    return call("named_struct", *cols)


def monotonically_increasing_id() -> Column:
    return fn("monotonically_increasing_id")


def spark_partition_id() -> Column:
    return fn("spark_partition_id")


def input_file_name() -> Column:
    return fn("input_file_name")


def rand(seed: Any = None) -> Column:
    return fn("rand", literal(seed)) if seed is not None else fn("rand")


def randn(seed: Any = None) -> Column:
    return fn("randn", literal(seed)) if seed is not None else fn("randn")


def _sort(col: Any, asc: bool, nulls_first: bool) -> Column:
    return Column({"kind": P.KIND_SORT, "expr": to_expr(col), "asc": asc,
                   "nullsFirst": nulls_first})


def asc(col: Any) -> Column:
    return _sort(col, True, True)


def asc_nulls_first(col: Any) -> Column:
    return _sort(col, True, True)


def asc_nulls_last(col: Any) -> Column:
    return _sort(col, True, False)


def desc(col: Any) -> Column:
    return _sort(col, False, False)


def desc_nulls_first(col: Any) -> Column:
    return _sort(col, False, True)


def desc_nulls_last(col: Any) -> Column:
    return _sort(col, False, False)


def broadcast(df: Any) -> Any:
    """Marks ``df`` to be broadcast in joins."""
    return df.hint("broadcast")


def hash(*cols: Any) -> Column:
    return call("hash", *cols)


def xxhash64(*cols: Any) -> Column:
    return call("xxhash64", *cols)


def typeof(col: Any) -> Column:
    return call("typeof", col)


__all__ = [n for n, v in list(globals().items())
           if callable(v) and getattr(v, "__module__", None) == __name__ and not n.startswith("_")]
