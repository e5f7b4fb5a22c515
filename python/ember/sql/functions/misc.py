"""Miscellaneous functions: session introspection, assertions, random numbers, ``try_``
arithmetic and the hashing aliases PySpark adds."""

from typing import Any, Optional, Union

from ember.sql.column import Column, fn, to_expr
from ember.sql.functions.base import call
from ember.sql.literals import literal


def _nullary(name: str):
    def f() -> Column:
        return fn(name)
    f.__name__ = f.__qualname__ = name
    f.__doc__ = "``%s()``." % name
    return f


current_catalog = _nullary("current_catalog")
current_database = _nullary("current_database")
current_schema = _nullary("current_schema")
current_user = _nullary("current_user")
user = _nullary("user")
session_user = _nullary("session_user")
version = _nullary("version")
input_file_block_start = _nullary("input_file_block_start")
input_file_block_length = _nullary("input_file_block_length")


def equal_null(col1: Any, col2: Any) -> Column:
    """``col1 <=> col2``: true when both are null, never null itself."""
    return call("equal_null", col1, col2)


def assert_true(col: Any, errMsg: Optional[Union[Column, str]] = None) -> Column:
    """Null when ``col`` is true; otherwise the query fails with ``errMsg``."""
    if errMsg is None:
        return call("assert_true", col)
    return fn("assert_true", to_expr(col), errMsg._expr if isinstance(errMsg, Column) else literal(errMsg))


def raise_error(errMsg: Union[Column, str]) -> Column:
    """Fails the query with ``errMsg`` (``[USER_RAISED_EXCEPTION]``)."""
    return fn("raise_error", errMsg._expr if isinstance(errMsg, Column) else literal(errMsg))


def random(seed: Optional[int] = None) -> Column:
    """Uniform doubles in [0, 1), seeded per partition as ``rand``."""
    return fn("random", literal(seed)) if seed is not None else fn("random")


def _value(v: Any) -> dict:
    return v._expr if isinstance(v, Column) else literal(v)


def uniform(min: Any, max: Any, seed: Optional[Any] = None) -> Column:
    """Uniform values in [min, max): integers when both bounds are integers."""
    args = [_value(min), _value(max)] + ([] if seed is None else [_value(seed)])
    return fn("uniform", *args)


def try_add(left: Any, right: Any) -> Column:
    """``left + right``, null on overflow."""
    return call("try_add", left, right)


def try_subtract(left: Any, right: Any) -> Column:
    return call("try_subtract", left, right)


def try_multiply(left: Any, right: Any) -> Column:
    return call("try_multiply", left, right)


def try_divide(left: Any, right: Any) -> Column:
    """``left / right``, null when ``right`` is 0."""
    return call("try_divide", left, right)


def try_mod(left: Any, right: Any) -> Column:
    return call("try_mod", left, right)


def _opt(name: str, *cols: Any) -> Column:
    args = list(cols)
    while args and args[-1] is None:
        args.pop()
    return call(name, *args)


def aes_encrypt(input: Any, key: Any, mode: Optional[Any] = None, padding: Optional[Any] = None,
                iv: Optional[Any] = None, aad: Optional[Any] = None) -> Column:
    """AES encryption (GCM by default) in Spark's layout: IV, ciphertext, tag."""
    return _opt("aes_encrypt", input, key, mode, padding, iv, aad)


def aes_decrypt(input: Any, key: Any, mode: Optional[Any] = None, padding: Optional[Any] = None,
                aad: Optional[Any] = None) -> Column:
    return _opt("aes_decrypt", input, key, mode, padding, aad)


def try_aes_decrypt(input: Any, key: Any, mode: Optional[Any] = None, padding: Optional[Any] = None,
                    aad: Optional[Any] = None) -> Column:
    """``aes_decrypt``, null where decryption fails."""
    return _opt("try_aes_decrypt", input, key, mode, padding, aad)


def hmac(key: Any, message: Any, algorithm: Optional[Any] = None) -> Column:
    return _opt("hmac", key, message, algorithm)


def sha(col: Any) -> Column:
    return call("sha", col)


def reflect(*cols: Any) -> Column:
    """Calls a static Java method: ``reflect(lit("java.util.UUID"), lit("fromString"), col)``;
    the result as a string."""
    return call("reflect", *cols)


def java_method(*cols: Any) -> Column:
    """``reflect`` under its other name."""
    return call("java_method", *cols)


def try_reflect(*cols: Any) -> Column:
    """``reflect``, null where the method throws."""
    return call("try_reflect", *cols)


__all__ = [n for n, v in list(globals().items())
           if callable(v) and getattr(v, "__module__", None) == __name__ and not n.startswith("_")]
