"""Math functions."""

from typing import Any, Optional

from ember.sql.column import Column, fn, to_expr
from ember.sql.functions.base import call, call_values
from ember.sql.literals import literal


def _unary(name: str):
    def f(col: Any) -> Column:
        return call(name, col)
    f.__name__ = f.__qualname__ = name
    f.__doc__ = "``%s`` of a numeric column." % name
    return f


abs = _unary("abs")
sqrt = _unary("sqrt")
cbrt = _unary("cbrt")
exp = _unary("exp")
expm1 = _unary("expm1")
log10 = _unary("log10")
log2 = _unary("log2")
log1p = _unary("log1p")
ln = _unary("ln")
floor = _unary("floor")
ceil = _unary("ceil")
ceiling = _unary("ceiling")
signum = _unary("signum")
sign = _unary("sign")
sin = _unary("sin")
cos = _unary("cos")
tan = _unary("tan")
asin = _unary("asin")
acos = _unary("acos")
atan = _unary("atan")
sinh = _unary("sinh")
cosh = _unary("cosh")
tanh = _unary("tanh")
degrees = _unary("degrees")
radians = _unary("radians")
rint = _unary("rint")
factorial = _unary("factorial")
negative = _unary("negative")
positive = _unary("positive")
bitwise_not = _unary("~")
bitwiseNOT = bitwise_not
hex = _unary("hex")
unhex = _unary("unhex")
bin = _unary("bin")


def _number_or_column(v: Any) -> dict:
    return to_expr(v) if isinstance(v, (Column, str)) else literal(v)


def pow(col1: Any, col2: Any) -> Column:
    """``col1`` to the power ``col2`` (each a column, a column name or a number)."""
    return fn("power", _number_or_column(col1), _number_or_column(col2))


power = pow


def atan2(col1: Any, col2: Any) -> Column:
    return fn("atan2", _number_or_column(col1), _number_or_column(col2))


def hypot(col1: Any, col2: Any) -> Column:
    return fn("hypot", _number_or_column(col1), _number_or_column(col2))


def log(arg1: Any, arg2: Optional[Any] = None) -> Column:
    """Natural log of ``arg1``, or log of ``arg2`` to base ``arg1``."""
    if arg2 is None:
        return call("ln", arg1)
    return fn("log", literal(arg1) if isinstance(arg1, (int, float)) else to_expr(arg1),
              to_expr(arg2))


def round(col: Any, scale: int = 0) -> Column:
    """HALF_UP rounding to ``scale`` decimal places."""
    return call_values("round", col, scale)


def bround(col: Any, scale: int = 0) -> Column:
    """HALF_EVEN rounding to ``scale`` decimal places."""
    return call_values("bround", col, scale)


def pmod(dividend: Any, divisor: Any) -> Column:
    return fn("pmod", _number_or_column(dividend), _number_or_column(divisor))


def shiftleft(col: Any, numBits: int) -> Column:
    return call_values("shiftleft", col, numBits)


def shiftright(col: Any, numBits: int) -> Column:
    return call_values("shiftright", col, numBits)


def conv(col: Any, fromBase: int, toBase: int) -> Column:
    return call_values("conv", col, fromBase, toBase)


def e() -> Column:
    return fn("e")


def pi() -> Column:
    return fn("pi")


acosh = _unary("acosh")
asinh = _unary("asinh")
atanh = _unary("atanh")
cot = _unary("cot")
csc = _unary("csc")
sec = _unary("sec")
negate = negative
toDegrees = degrees
toRadians = radians
nullifzero = _unary("nullifzero")
zeroifnull = _unary("zeroifnull")
bit_count = _unary("bit_count")
shiftLeft = shiftleft
shiftRight = shiftright


def shiftrightunsigned(col: Any, numBits: int) -> Column:
    return call_values("shiftrightunsigned", col, numBits)


shiftRightUnsigned = shiftrightunsigned


def bit_get(col: Any, pos: Any) -> Column:
    """Bit ``pos`` (0 the rightmost) of an integral value, as a tinyint."""
    return call("bit_get", col, pos)


def getbit(col: Any, pos: Any) -> Column:
    return call("getbit", col, pos)


def width_bucket(v: Any, min: Any, max: Any, numBucket: Any) -> Column:
    """The bucket of ``v`` among ``numBucket`` equal-width buckets over ``[min, max)``."""
    return fn("width_bucket", to_expr(v), to_expr(min), to_expr(max),
              literal(numBucket) if isinstance(numBucket, int) else to_expr(numBucket))


__all__ = [n for n, v in list(globals().items())
           if callable(v) and getattr(v, "__module__", None) == __name__ and not n.startswith("_")]
