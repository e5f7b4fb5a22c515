"""Aggregate functions (``F.sum``, ``F.count``, ...) and window ranking functions."""

from typing import Any, Optional

from ember.errors import not_expected_type
from ember.sql import plan_protocol as P
from ember.sql.column import Column, fn, to_expr
from ember.sql.functions.base import call, call_values, distinct_call
from ember.sql.literals import literal


def count(col: Any) -> Column:
    """Non-null values of ``col``; ``count("*")`` counts rows (named ``count(1)``)."""
    if isinstance(col, str) and col == "*":
        return fn("count", literal(1))
    return call("count", col)


def countDistinct(col: Any, *cols: Any) -> Column:
    return distinct_call("count", col, *cols)


count_distinct = countDistinct


def sum(col: Any) -> Column:
    return call("sum", col)


def sum_distinct(col: Any) -> Column:
    return distinct_call("sum", col)


sumDistinct = sum_distinct


def avg(col: Any) -> Column:
    return call("avg", col)


mean = avg


def min(col: Any) -> Column:
    return call("min", col)


def max(col: Any) -> Column:
    return call("max", col)


def first(col: Any, ignorenulls: bool = False) -> Column:
    return call_values("first", col, bool(ignorenulls))


def last(col: Any, ignorenulls: bool = False) -> Column:
    return call_values("last", col, bool(ignorenulls))


def any_value(col: Any, ignoreNulls: Any = None) -> Column:
    return call("any_value", col) if ignoreNulls is None else \
        call_values("any_value", col, ignoreNulls)


def collect_list(col: Any) -> Column:
    return call("collect_list", col)


def collect_set(col: Any) -> Column:
    return call("collect_set", col)


def approx_count_distinct(col: Any, rsd: Optional[float] = None) -> Column:
    return call("approx_count_distinct", col) if rsd is None else \
        call_values("approx_count_distinct", col, float(rsd))


approxCountDistinct = approx_count_distinct


def stddev(col: Any) -> Column:
    return call("stddev", col)


std = stddev


def stddev_samp(col: Any) -> Column:
    return call("stddev_samp", col)


def stddev_pop(col: Any) -> Column:
    return call("stddev_pop", col)


def variance(col: Any) -> Column:
    return call("variance", col)


def var_samp(col: Any) -> Column:
    return call("var_samp", col)


def var_pop(col: Any) -> Column:
    return call("var_pop", col)


def skewness(col: Any) -> Column:
    return call("skewness", col)


def kurtosis(col: Any) -> Column:
    return call("kurtosis", col)


def corr(col1: Any, col2: Any) -> Column:
    return call("corr", col1, col2)


def covar_pop(col1: Any, col2: Any) -> Column:
    return call("covar_pop", col1, col2)


def covar_samp(col1: Any, col2: Any) -> Column:
    return call("covar_samp", col1, col2)


def percentile_approx(col: Any, percentage: Any, accuracy: Any = 10000) -> Column:
    return call_values("percentile_approx", col, _percentages(percentage), accuracy)


def approx_percentile(col: Any, percentage: Any, accuracy: Any = 10000) -> Column:
    return call_values("approx_percentile", col, _percentages(percentage), accuracy)


def median(col: Any) -> Column:
    return call("median", col)


def product(col: Any) -> Column:
    return call("product", col)


def max_by(col: Any, ord: Any) -> Column:
    return call("max_by", col, ord)


def min_by(col: Any, ord: Any) -> Column:
    return call("min_by", col, ord)


def count_if(col: Any) -> Column:
    return call("count_if", col)


def bool_and(col: Any) -> Column:
    return call("bool_and", col)


def every(col: Any) -> Column:
    return call("every", col)


def bool_or(col: Any) -> Column:
    return call("bool_or", col)


def some(col: Any) -> Column:
    return call("some", col)


def percentile(col: Any, percentage: Any, frequency: Any = 1) -> Column:
    """The exact percentile(s) of a numeric column (linear interpolation), as doubles."""
    return call_values("percentile", col, _percentages(percentage), frequency)


def _percentages(p: Any) -> Any:
    return [float(x) for x in p] if isinstance(p, (list, tuple)) else p


def mode(col: Any, deterministic: bool = False) -> Column:
    """The most frequent value (the first seen among ties)."""
    return call_values("mode", col, bool(deterministic))


def _listagg(name: str, col: Any, delimiter: Any, distinct: bool) -> Column:
    args = [to_expr(col), delimiter._expr if isinstance(delimiter, Column) else literal(delimiter)]
    return fn(name, *args, distinct=distinct)


def listagg(col: Any, delimiter: Any = None) -> Column:
    """The group's non-null strings joined by ``delimiter`` (none by default)."""
    return _listagg("listagg", col, delimiter, False)


def listagg_distinct(col: Any, delimiter: Any = None) -> Column:
    return _listagg("listagg", col, delimiter, True)


def string_agg(col: Any, delimiter: Any = None) -> Column:
    return _listagg("string_agg", col, delimiter, False)


def string_agg_distinct(col: Any, delimiter: Any = None) -> Column:
    return _listagg("string_agg", col, delimiter, True)


def _unary(name: str):
    def f(col: Any) -> Column:
        return call(name, col)
    f.__name__ = f.__qualname__ = name
    f.__doc__ = "The ``%s`` aggregate of a column." % name
    return f


bitmap_bit_position = _unary("bitmap_bit_position")
bitmap_bucket_number = _unary("bitmap_bucket_number")
bitmap_count = _unary("bitmap_count")
bitmap_construct_agg = _unary("bitmap_construct_agg")
bitmap_or_agg = _unary("bitmap_or_agg")
bitmap_and_agg = _unary("bitmap_and_agg")
bit_and = _unary("bit_and")
bit_or = _unary("bit_or")
bit_xor = _unary("bit_xor")
try_sum = _unary("try_sum")
try_avg = _unary("try_avg")
array_agg = _unary("array_agg")


def _regr(name: str):
    def f(y: Any, x: Any) -> Column:
        return call(name, y, x)
    f.__name__ = f.__qualname__ = name
    f.__doc__ = "``%s(y, x)`` over the rows where both are non-null." % name
    return f


regr_avgx = _regr("regr_avgx")
regr_avgy = _regr("regr_avgy")
regr_count = _regr("regr_count")
regr_intercept = _regr("regr_intercept")
regr_r2 = _regr("regr_r2")
regr_slope = _regr("regr_slope")
regr_sxx = _regr("regr_sxx")
regr_sxy = _regr("regr_sxy")
regr_syy = _regr("regr_syy")


def grouping(col: Any) -> Column:
    return call("grouping", col)


def grouping_id(*cols: Any) -> Column:
    return call("grouping_id", *cols)


# -- window functions ----------------------------------------------------------------------

def row_number() -> Column:
    return fn("row_number")


def rank() -> Column:
    return fn("rank")


def dense_rank() -> Column:
    return fn("dense_rank")


def percent_rank() -> Column:
    return fn("percent_rank")


def cume_dist() -> Column:
    return fn("cume_dist")


def ntile(n: int) -> Column:
    if not isinstance(n, int) or isinstance(n, bool):
        raise not_expected_type("n", "int", n)
    return fn("ntile", literal(n))


def lag(col: Any, offset: int = 1, default: Any = None) -> Column:
    """The value ``offset`` rows before the current one in the window (else ``default``)."""
    return fn("lag", to_expr(col), literal(offset), literal(default))


def lead(col: Any, offset: int = 1, default: Any = None) -> Column:
    return fn("lead", to_expr(col), literal(offset), literal(default))


def nth_value(col: Any, offset: int, ignoreNulls: bool = False) -> Column:
    return fn("nth_value", to_expr(col), literal(offset), literal(bool(ignoreNulls)))


__all__ = [n for n, v in list(globals().items())
           if callable(v) and getattr(v, "__module__", None) == __name__ and not n.startswith("_")]
