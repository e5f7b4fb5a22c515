"""Higher-order functions: Python lambdas become lambda expressions, as PySpark builds them.

A Python function is called once, on placeholder Columns (one lambda variable per parameter,
named ``x_0``, ``y_1``, ...), and the Column it returns is the lambda's body; the JVM binds
the variables' types and evaluates the body over all elements of a batch at once.

>>> from ember.sql import functions as F
>>> F.transform("a", lambda x: x + 1)  # doctest: +ELLIPSIS
Column<'transform(a, lambdafunction((x_... + 1), x_...))'>
"""

import inspect
import itertools
from typing import Any, Callable, Dict, Optional

from ember.errors import PySparkTypeError, PySparkValueError
from ember.sql import plan_protocol as P
from ember.sql.column import Column, fn, to_expr

_counter = itertools.count()
_NAMES = ("x", "y", "z")


def _lambda(f: Callable[..., Any], allowed: tuple) -> Dict[str, Any]:
    """The lambda expression of ``f``: PySpark's errors for a wrong arity or a non-Column result."""
    params = list(inspect.signature(f).parameters.values())
    if any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params):
        raise PySparkValueError(errorClass="UNSUPPORTED_PARAM_TYPE_FOR_HIGHER_ORDER_FUNCTION",
                                messageParameters={"func_name": f.__name__})
    if len(params) not in allowed:
        raise PySparkValueError(errorClass="WRONG_NUM_ARGS_FOR_HIGHER_ORDER_FUNCTION",
                                messageParameters={"func_name": f.__name__, "num_args": str(len(params))})
    n = next(_counter)
    names = ["%s_%d" % (_NAMES[i] if i < len(_NAMES) else "v%d" % i, n) for i in range(len(params))]
    variables = [{"kind": P.KIND_LAMBDA_VAR, "name": name} for name in names]
    body = f(*[Column(v) for v in variables])
    if not isinstance(body, Column):
        raise PySparkValueError(errorClass="HIGHER_ORDER_FUNCTION_SHOULD_RETURN_COLUMN",
                                messageParameters={"func_name": f.__name__,
                                                   "return_type": type(body).__name__})
    return {"kind": P.KIND_LAMBDA, "params": variables, "body": body._expr}


def _callable(f: Any, name: str) -> None:
    if not callable(f):
        raise PySparkTypeError(errorClass="NOT_CALLABLE", messageParameters={"arg_name": name, "arg_type": type(f).__name__})


def transform(col: Any, f: Callable[..., Column]) -> Column:
    """``f(x)`` or ``f(x, i)`` for each element ``x`` (at index ``i``) of an array."""
    _callable(f, "f")
    return fn("transform", to_expr(col), _lambda(f, (1, 2)))


def filter(col: Any, f: Callable[..., Column]) -> Column:
    """The elements for which ``f(x)`` (or ``f(x, i)``) is true."""
    _callable(f, "f")
    return fn("filter", to_expr(col), _lambda(f, (1, 2)))


def exists(col: Any, f: Callable[[Column], Column]) -> Column:
    """Whether ``f(x)`` is true for some element (null when unknown)."""
    _callable(f, "f")
    return fn("exists", to_expr(col), _lambda(f, (1,)))


def forall(col: Any, f: Callable[[Column], Column]) -> Column:
    """Whether ``f(x)`` is true for every element (null when unknown)."""
    _callable(f, "f")
    return fn("forall", to_expr(col), _lambda(f, (1,)))


def aggregate(col: Any, initialValue: Any, merge: Callable[[Column, Column], Column],
              finish: Optional[Callable[[Column], Column]] = None) -> Column:
    """Folds an array from ``initialValue`` with ``merge(acc, x)``, then applies ``finish``."""
    args = [to_expr(col), to_expr(initialValue), _lambda(merge, (2,))]
    if finish is not None:
        args.append(_lambda(finish, (1,)))
    return fn("aggregate", *args)


def reduce(col: Any, initialValue: Any, merge: Callable[[Column, Column], Column],
           finish: Optional[Callable[[Column], Column]] = None) -> Column:
    """``aggregate`` under its other name."""
    args = [to_expr(col), to_expr(initialValue), _lambda(merge, (2,))]
    if finish is not None:
        args.append(_lambda(finish, (1,)))
    return fn("reduce", *args)


def zip_with(left: Any, right: Any, f: Callable[[Column, Column], Column]) -> Column:
    """``f(x, y)`` over two arrays' elements pairwise (the shorter padded with nulls)."""
    return fn("zip_with", to_expr(left), to_expr(right), _lambda(f, (2,)))


def map_filter(col: Any, f: Callable[[Column, Column], Column]) -> Column:
    """The entries for which ``f(k, v)`` is true."""
    return fn("map_filter", to_expr(col), _lambda(f, (2,)))


def transform_keys(col: Any, f: Callable[[Column, Column], Column]) -> Column:
    return fn("transform_keys", to_expr(col), _lambda(f, (2,)))


def transform_values(col: Any, f: Callable[[Column, Column], Column]) -> Column:
    return fn("transform_values", to_expr(col), _lambda(f, (2,)))


def map_zip_with(col1: Any, col2: Any, f: Callable[[Column, Column, Column], Column]) -> Column:
    """``f(k, v1, v2)`` over the keys of both maps (a missing value is null)."""
    return fn("map_zip_with", to_expr(col1), to_expr(col2), _lambda(f, (3,)))


def array_sort(col: Any, comparator: Optional[Callable[[Column, Column], Column]] = None) -> Column:
    """Sorts ascending with nulls last, or by ``comparator(left, right)`` (negative, 0, positive)."""
    if comparator is None:
        return fn("array_sort", to_expr(col))
    return fn("array_sort", to_expr(col), _lambda(comparator, (2,)))


__all__ = ["transform", "filter", "exists", "forall", "aggregate", "reduce", "zip_with",
           "map_filter", "transform_keys", "transform_values", "map_zip_with", "array_sort"]
