"""Python values <-> the internal values rows travel in (docs/sql.md "Values").

Rows cross between the JVM and Python as tuples of internal values: ints for dates (days since
the epoch), microseconds since the epoch for timestamps, tuples for structs, lists for arrays,
dicts for maps. ``row_converter`` turns a result tuple into a ``Row`` by the schema;
``to_internal`` checks and converts a Python value for a type (createDataFrame, UDF results).

Workers import this module (UDFs run ``to_internal``): no py4j here.
"""

import datetime
import decimal
from typing import Any, Callable, Optional

__all__ = ["to_internal", "from_internal", "row_converter", "internal_row"]

_EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()


def _is_timestamp(t: Any) -> bool:
    from ember.sql import types as T
    return isinstance(t, (T.TimestampType, T.TimestampNTZType))


def _check(what: str, value: Any, ok: bool, t: Any) -> None:
    if not ok:
        raise TypeError("%s: %r (%s) is not a valid %s" % (what, value, type(value).__name__,
                                                           t.simpleString()))


def to_internal(value: Any, t: Any, what: str = "value") -> Any:
    """``value`` in the internal form of type ``t``; TypeError naming ``what`` when it does
    not fit (an int for a string column, a str for an int column, ...)."""
    from ember.sql import types as T
    if value is None or isinstance(t, T.NullType):
        return None
    if isinstance(t, T.BooleanType):
        _check(what, value, isinstance(value, bool), t)
    elif isinstance(t, T.IntegralType):
        _check(what, value, isinstance(value, int) and not isinstance(value, bool), t)
    elif isinstance(t, (T.FloatType, T.DoubleType)):
        _check(what, value, isinstance(value, (float, int)) and not isinstance(value, bool), t)
        return float(value)
    elif isinstance(t, T.StringType):
        _check(what, value, isinstance(value, str), t)
    elif isinstance(t, T.DecimalType):
        _check(what, value, isinstance(value, (decimal.Decimal, int)) and
               not isinstance(value, bool), t)
        return decimal.Decimal(value)
    elif isinstance(t, T.BinaryType):
        _check(what, value, isinstance(value, (bytes, bytearray)), t)
        return bytes(value)
    elif _is_timestamp(t):
        _check(what, value, isinstance(value, datetime.datetime), t)
        from ember.sql.literals import timestamp_micros
        return timestamp_micros(value)
    elif isinstance(t, T.DateType):
        _check(what, value, isinstance(value, datetime.date), t)
        return value.toordinal() - _EPOCH_ORDINAL
    elif isinstance(t, T.DayTimeIntervalType):
        _check(what, value, isinstance(value, datetime.timedelta), t)
        return t.toInternal(value)
    elif isinstance(t, (T.YearMonthIntervalType, T.CalendarIntervalType)):
        return t.toInternal(value)
    elif isinstance(t, T.ArrayType):
        _check(what, value, isinstance(value, (list, tuple)), t)
        return [to_internal(v, t.elementType, what) for v in value]
    elif isinstance(t, T.MapType):
        _check(what, value, isinstance(value, dict), t)
        return {to_internal(k, t.keyType, what): to_internal(v, t.valueType, what)
                for k, v in value.items()}
    elif isinstance(t, T.StructType):
        return internal_row(value, t, what)
    return value


def internal_row(value: Any, schema: Any, what: str = "row") -> tuple:
    """A row (Row, tuple, list, dict or object with attributes) as a tuple of internal values."""
    fields = schema.fields
    if isinstance(value, dict):
        values = [value.get(f.name) for f in fields]
    elif isinstance(value, tuple) and hasattr(value, "__fields__"):
        d = value.asDict()
        values = [d.get(f.name) for f in fields] if all(f.name in d for f in fields) \
            else list(value)
    elif isinstance(value, (tuple, list)):
        values = list(value)
    elif hasattr(value, "__dict__"):
        values = [getattr(value, f.name, None) for f in fields]
    else:
        values = [value]
    if len(values) != len(fields):
        raise ValueError("[LENGTH_SHOULD_BE_THE_SAME] obj and fields should be of the same "
                         "length, got %d and %d." % (len(values), len(fields)))
    return tuple(to_internal(v, f.dataType, "field %s" % f.name) for v, f in zip(values, fields))


def from_internal(value: Any, t: Any) -> Any:
    """An internal value as the Python value users see (date, datetime, Row, ...)."""
    from ember.sql import types as T
    if value is None:
        return None
    if isinstance(t, T.DateType):
        return datetime.date.fromordinal(_EPOCH_ORDINAL + value)
    if _is_timestamp(t):
        seconds, micros = divmod(value, 1_000_000)
        if isinstance(t, T.TimestampNTZType):
            return datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=seconds,
                                                                       microseconds=micros)
        return datetime.datetime.fromtimestamp(seconds).replace(microsecond=micros)
    if isinstance(t, (T.DayTimeIntervalType, T.YearMonthIntervalType, T.CalendarIntervalType)):
        return t.fromInternal(value) if t.needConversion() else value
    if isinstance(t, T.DecimalType) and not isinstance(value, decimal.Decimal):
        return decimal.Decimal(value)
    if isinstance(t, T.BinaryType) and not isinstance(value, bytearray):
        return bytearray(value)
    if isinstance(t, T.ArrayType):
        return [from_internal(v, t.elementType) for v in value]
    if isinstance(t, T.MapType):
        return {from_internal(k, t.keyType): from_internal(v, t.valueType)
                for k, v in value.items()}
    if isinstance(t, T.StructType):
        return row_converter(t)(value)
    return value


def row_converter(schema: Any) -> Callable[[tuple], Any]:
    """A function turning a result tuple into a ``Row`` with the schema's field names."""
    from ember.sql.types import Row
    names = [f.name for f in schema.fields]
    types = [f.dataType for f in schema.fields]
    plain = all(_is_plain(t) for t in types)
    row_type = Row(*names)

    def convert(values: tuple) -> Any:
        if plain:
            return row_type(*values)
        return row_type(*[from_internal(v, t) for v, t in zip(values, types)])
    return convert


def _is_plain(t: Any) -> bool:
    from ember.sql import types as T
    return isinstance(t, (T.BooleanType, T.IntegralType, T.FloatType, T.DoubleType,
                          T.StringType, T.NullType))
