"""Python values as literal expressions of the plan protocol (``{"kind": "lit", ...}``).

The type of a literal follows PySpark's inference: bool -> boolean, int -> int when it fits
in 32 bits else bigint, float -> double, str -> string, None -> void, Decimal -> decimal(p,s),
date -> date, datetime -> timestamp (a naive datetime is local time, as PySpark reads it),
bytes -> binary. Lists become ``array(...)`` of their literals, as ``F.lit([1, 2])`` does.
"""

import base64
import calendar
import datetime
import decimal
import time
from typing import Any, Dict

from ember.errors import PySparkTypeError
from ember.sql import plan_protocol as P

INT_MIN, INT_MAX = -(1 << 31), (1 << 31) - 1
LONG_MIN, LONG_MAX = -(1 << 63), (1 << 63) - 1


def literal(value: Any) -> Dict[str, Any]:
    """The literal expression for ``value``; PySparkTypeError for values with no SQL type."""
    if isinstance(value, (list, tuple)) and not hasattr(value, "__fields__"):
        return {"kind": P.KIND_FN, "name": "array", "args": [literal(v) for v in value],
                "distinct": False}
    v, t = _typed(value)
    return {"kind": P.KIND_LIT, "value": v, "type": t}


def _typed(value: Any):
    if value is None:
        return None, "void"
    if isinstance(value, bool):
        return value, "boolean"
    if isinstance(value, int):
        if INT_MIN <= value <= INT_MAX:
            return value, "int"
        if LONG_MIN <= value <= LONG_MAX:
            return value, "bigint"
        d = decimal.Decimal(value)
        return str(d), "decimal(%d,0)" % max(len(d.as_tuple().digits), 1)
    if isinstance(value, float):
        return value, "double"
    if isinstance(value, str):
        return value, "string"
    if isinstance(value, decimal.Decimal):
        return str(value), decimal_type(value)
    if isinstance(value, datetime.datetime):
        return timestamp_micros(value), "timestamp"
    if isinstance(value, datetime.date):
        return value.isoformat(), "date"
    if isinstance(value, datetime.timedelta):
        micros = (value.days * 86400 + value.seconds) * 1_000_000 + value.microseconds
        return micros, "interval day to second"
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii"), "binary"
    raise PySparkTypeError(errorClass="UNSUPPORTED_LITERAL",
                           messageParameters={"literal": repr(value)})


def decimal_type(d: decimal.Decimal) -> str:
    """Spark's type of a decimal literal: precision = digits (at least the scale), scale =
    digits after the point (at least 0)."""
    sign, digits, exponent = d.as_tuple()
    scale = max(-exponent, 0) if isinstance(exponent, int) else 0
    precision = max(len(digits) + max(exponent, 0) if isinstance(exponent, int) else 1, scale)
    return "decimal(%d,%d)" % (max(precision, 1), scale)


def timestamp_micros(dt: datetime.datetime) -> int:
    """Microseconds since the epoch: an aware datetime by its offset, a naive one as local time."""
    if dt.tzinfo is not None:
        seconds = calendar.timegm(dt.utctimetuple())
    else:
        seconds = int(time.mktime(dt.timetuple()))
    return seconds * 1_000_000 + dt.microsecond
