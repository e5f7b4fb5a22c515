"""Array, map and generator functions."""

from typing import Any, Optional

from ember.sql.column import Column, fn, to_expr, value_expr
from ember.sql.functions.base import call, call_values
from ember.sql.literals import literal


def _col_or_value(x: Any):
    """PySpark's ``ColumnOrName | int`` arguments: a string names a column, a number is a literal."""
    return to_expr(x) if isinstance(x, (str, Column)) else value_expr(x)


def _unary(name: str):
    def f(col: Any) -> Column:
        return call(name, col)
    f.__name__ = f.__qualname__ = name
    f.__doc__ = "``%s`` of an array or map column." % name
    return f


explode = _unary("explode")
explode_outer = _unary("explode_outer")
posexplode = _unary("posexplode")
posexplode_outer = _unary("posexplode_outer")
size = _unary("size")
cardinality = _unary("cardinality")
array_distinct = _unary("array_distinct")
array_max = _unary("array_max")
array_min = _unary("array_min")
flatten = _unary("flatten")
reverse = _unary("reverse")
map_keys = _unary("map_keys")
map_values = _unary("map_values")
map_entries = _unary("map_entries")
array_compact = _unary("array_compact")


def array_contains(col: Any, value: Any) -> Column:
    return fn("array_contains", to_expr(col), value_expr(value))


def array_position(col: Any, value: Any) -> Column:
    return fn("array_position", to_expr(col), value_expr(value))


def array_remove(col: Any, element: Any) -> Column:
    return fn("array_remove", to_expr(col), value_expr(element))


def array_union(col1: Any, col2: Any) -> Column:
    return call("array_union", col1, col2)


def array_intersect(col1: Any, col2: Any) -> Column:
    return call("array_intersect", col1, col2)


def array_except(col1: Any, col2: Any) -> Column:
    return call("array_except", col1, col2)


def arrays_overlap(a1: Any, a2: Any) -> Column:
    return call("arrays_overlap", a1, a2)


def arrays_zip(*cols: Any) -> Column:
    return call("arrays_zip", *cols)


def array_join(col: Any, delimiter: str, null_replacement: Optional[str] = None) -> Column:
    if null_replacement is None:
        return call_values("array_join", col, delimiter)
    return call_values("array_join", col, delimiter, null_replacement)


def array_repeat(col: Any, count: Any) -> Column:
    return fn("array_repeat", to_expr(col), _col_or_value(count))


def shuffle(col: Any, seed: Any = None) -> Column:
    """A random permutation of the array; a seed makes it repeatable."""
    return call("shuffle", col) if seed is None else fn("shuffle", to_expr(col), value_expr(seed))


def sort_array(col: Any, asc: bool = True) -> Column:
    return fn("sort_array", to_expr(col), literal(bool(asc)))


def element_at(col: Any, extraction: Any) -> Column:
    """The element at 1-based index ``extraction`` of an array, or a map's value for a key."""
    return fn("element_at", to_expr(col), value_expr(extraction))


def slice(x: Any, start: Any, length: Any) -> Column:
    return fn("slice", to_expr(x), _col_or_value(start), _col_or_value(length))


def array_append(col: Any, value: Any) -> Column:
    return fn("array_append", to_expr(col), value_expr(value))


def array_prepend(col: Any, value: Any) -> Column:
    return fn("array_prepend", to_expr(col), value_expr(value))


def array_insert(arr: Any, pos: Any, value: Any) -> Column:
    """``value`` inserted at 1-based ``pos`` (negative counts from the end; gaps padded with nulls)."""
    return fn("array_insert", to_expr(arr), _col_or_value(pos), value_expr(value))


array_size = _unary("array_size")
map_from_entries = _unary("map_from_entries")


def get(col: Any, index: Any) -> Column:
    """The element at 0-based ``index``, null when out of range."""
    return fn("get", to_expr(col), _col_or_value(index))


def map_contains_key(col: Any, value: Any) -> Column:
    return fn("map_contains_key", to_expr(col), value_expr(value))


def try_element_at(col: Any, extraction: Any) -> Column:
    return call("try_element_at", col, extraction)


def sequence(start: Any, stop: Any, step: Any = None) -> Column:
    if step is None:
        return call("sequence", start, stop)
    return call("sequence", start, stop, step)


def map_from_arrays(col1: Any, col2: Any) -> Column:
    return call("map_from_arrays", col1, col2)


def map_concat(*cols: Any) -> Column:
    return call("map_concat", *cols)


def _vector(name: str):
    def f(left: Any, right: Any) -> Column:
        return call(name, left, right)
    f.__name__ = f.__qualname__ = name
    f.__doc__ = "``%s`` of two ``array<float>`` vectors of one dimension." % name
    return f


vector_cosine_similarity = _vector("vector_cosine_similarity")
vector_inner_product = _vector("vector_inner_product")
vector_l2_distance = _vector("vector_l2_distance")


def vector_norm(vector: Any, degree: Any = None) -> Column:
    """The ``degree``-norm (2.0 by default; 1.0 and infinity too) of an ``array<float>``."""
    return call("vector_norm", vector) if degree is None else call("vector_norm", vector, degree)


def vector_normalize(vector: Any, degree: Any = None) -> Column:
    return call("vector_normalize", vector) if degree is None else call("vector_normalize", vector, degree)


__all__ = [n for n, v in list(globals().items())
           if callable(v) and getattr(v, "__module__", None) == __name__ and not n.startswith("_")]
