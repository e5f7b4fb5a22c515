"""Python values <-> the internal values rows carry between Python and the JVM, by schema.

Internal forms (docs/sql.md, "Rows to Python"): numbers, str, bool and ``decimal.Decimal``
as they are; binary as ``bytes``; dates as days since 1970-01-01; timestamps as microseconds
since the epoch (a naive ``datetime`` is local time, as in PySpark); timestamp_ntz as the
wall clock's microseconds; arrays as lists, maps as dicts, structs as tuples.

Converters are built once per schema and applied per row; fields that need no conversion
(numbers, strings, ...) are passed through untouched, so a flat schema's rows become Rows in
one C-level call each.

>>> import datetime
>>> s = StructType().add("d", DateType()).add("n", LongType())
>>> to_internal = internal_converter(s)
>>> t = to_internal((datetime.date(1970, 1, 3), 7)); t
(2, 7)
>>> row_converter(s)(t)
Row(d=datetime.date(1970, 1, 3), n=7)
"""

import calendar
import datetime
import decimal
import time
from typing import Any, Callable, List, Optional

from ember.sql.row import Row, row_class
from ember.sql.type_errors import type_error, value_error
from ember.sql.types import (ArrayType, CalendarIntervalType, DayTimeIntervalType,
                             YearMonthIntervalType, BinaryType, BooleanType, ByteType, DataType, DateType,
                             DecimalType, DoubleType, FloatType, IntegerType, LongType, MapType,
                             NullType, ShortType, StringType, StructType, TimestampNTZType,
                             TimestampType)

__all__ = ["row_converter", "rows_converter", "internal_converter", "value_to_internal",
           "value_from_internal"]

EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()
_EPOCH = datetime.datetime(1970, 1, 1)
_MICROS = datetime.timedelta(microseconds=1)

# -- internal -> Python ------------------------------------------------------------------------


def _date_from(days: int) -> datetime.date:
    return datetime.date.fromordinal(days + EPOCH_ORDINAL)


def _timestamp_from(micros: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(micros // 1000000).replace(microsecond=micros % 1000000)


def _timestamp_ntz_from(micros: int) -> datetime.datetime:
    return _EPOCH + micros * _MICROS


def value_from_internal(dt: DataType) -> Optional[Callable[[Any], Any]]:
    """The function turning an internal value of ``dt`` (never None) into its Python value,
    or None when the two are the same."""
    if isinstance(dt, DateType):
        return _date_from
    if isinstance(dt, TimestampType):
        return _timestamp_from
    if isinstance(dt, TimestampNTZType):
        return _timestamp_ntz_from
    if isinstance(dt, (DayTimeIntervalType, YearMonthIntervalType, CalendarIntervalType)):
        return dt.fromInternal if dt.needConversion() else None
    if isinstance(dt, StructType):
        return row_converter(dt)
    if isinstance(dt, ArrayType):
        inner = value_from_internal(dt.elementType)
        if inner is None:
            return None
        return lambda xs: [None if x is None else inner(x) for x in xs]
    if isinstance(dt, MapType):
        key, value = value_from_internal(dt.keyType), value_from_internal(dt.valueType)
        if key is None and value is None:
            return None
        key = key or (lambda k: k)
        value = value or (lambda v: v)
        return lambda m: {key(k): None if v is None else value(v) for k, v in m.items()}
    return None


def row_converter(schema: StructType) -> Callable[[tuple], Row]:
    """The function turning one internal tuple of ``schema`` into a ``Row`` with its names."""
    cls = row_class(schema.names)
    make = tuple.__new__
    converters = [value_from_internal(f.dataType) for f in schema.fields]
    if all(c is None for c in converters):
        return lambda t: make(cls, t)

    def convert(t: tuple) -> Row:
        return make(cls, [v if c is None or v is None else c(v) for c, v in zip(converters, t)])
    return convert


def rows_converter(schema: StructType) -> Callable[[List[tuple]], List[Row]]:
    """The function turning a batch (list) of internal tuples into Rows, the fast path of
    collect: a flat schema needing no conversion costs one C call per row."""
    cls = row_class(schema.names)
    make = tuple.__new__
    if not any(value_from_internal(f.dataType) is not None for f in schema.fields):
        return lambda batch: [make(cls, t) for t in batch]
    one = row_converter(schema)
    return lambda batch: [one(t) for t in batch]


# -- Python -> internal ------------------------------------------------------------------------

_BOUNDS = {ByteType: (-128, 127), ShortType: (-32768, 32767),
           IntegerType: (-2147483648, 2147483647),
           LongType: (-9223372036854775808, 9223372036854775807)}
_ACCEPTED = {BooleanType: (bool,), ByteType: (int,), ShortType: (int,), IntegerType: (int,),
             LongType: (int,), FloatType: (float,), DoubleType: (float,),
             DecimalType: (decimal.Decimal,), BinaryType: (bytearray, bytes),
             DateType: (datetime.date, datetime.datetime), TimestampType: (datetime.datetime,),
             TimestampNTZType: (datetime.datetime,), ArrayType: (list, tuple),
             MapType: (dict,), NullType: (type(None),), DayTimeIntervalType: (datetime.timedelta,)}


def _date_to(d: datetime.date) -> int:
    return d.toordinal() - EPOCH_ORDINAL


def _timestamp_to(dt: datetime.datetime) -> int:
    seconds = calendar.timegm(dt.utctimetuple()) if dt.tzinfo else time.mktime(dt.timetuple())
    return int(seconds) * 1000000 + dt.microsecond


def _timestamp_ntz_to(dt: datetime.datetime) -> int:
    return calendar.timegm(dt.timetuple()) * 1000000 + dt.microsecond


def _string_to(obj: Any) -> str:
    if isinstance(obj, str):
        return obj
    if isinstance(obj, bool):
        return "true" if obj else "false"
    return str(obj)


def value_to_internal(dt: DataType, nullable: bool = True, name: Optional[str] = None,
                      verify: bool = True) -> Callable[[Any], Any]:
    """The function checking a Python value against ``dt`` (with PySpark's errors when
    ``verify``) and returning its internal form; ``name`` is how errors name the value
    (``field a``, ``field x in field c``)."""
    convert = _converter_to(dt, name, verify)
    check = _checker(dt, name) if verify else None

    def to_internal(obj: Any) -> Any:
        if obj is None:
            if verify and not nullable:
                if name is not None:
                    raise value_error("FIELD_NOT_NULLABLE_WITH_NAME", field_name=name)
                raise value_error("FIELD_NOT_NULLABLE")
            return None
        if check is not None:
            check(obj)
        return obj if convert is None else convert(obj)
    return to_internal


def _checker(dt: DataType, name: Optional[str]) -> Optional[Callable[[Any], None]]:
    if isinstance(dt, StringType):
        return None     # any value is accepted, and written as its text
    if isinstance(dt, StructType):
        return None     # rows, tuples, lists, dicts and objects: internal_converter checks
    accepted = _ACCEPTED[type(dt)]
    bounds = _BOUNDS.get(type(dt))

    def check(obj: Any) -> None:
        if type(obj) not in accepted:
            if name is not None:
                raise type_error("FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME", field_name=name,
                                 data_type=dt, obj=repr(obj), obj_type=type(obj))
            raise type_error("FIELD_DATA_TYPE_UNACCEPTABLE", data_type=dt, obj=repr(obj),
                             obj_type=type(obj))
        if bounds is not None and not bounds[0] <= obj <= bounds[1]:
            raise value_error("VALUE_OUT_OF_BOUNDS", arg_name="obj", lower_bound=bounds[0],
                              upper_bound=bounds[1], actual=obj)
    return check


def _converter_to(dt: DataType, name: Optional[str], verify: bool) -> Optional[Callable]:
    """Python -> internal for a non-None value of ``dt``, or None when it is the same."""
    if isinstance(dt, DateType):
        return _date_to
    if isinstance(dt, TimestampType):
        return _timestamp_to
    if isinstance(dt, TimestampNTZType):
        return _timestamp_ntz_to
    if isinstance(dt, StringType):
        return _string_to
    if isinstance(dt, BinaryType):
        return bytes
    if isinstance(dt, (DayTimeIntervalType, YearMonthIntervalType, CalendarIntervalType)):
        return dt.toInternal
    if isinstance(dt, StructType):
        return internal_converter(dt, name, verify)
    if isinstance(dt, ArrayType):
        element = value_to_internal(dt.elementType, dt.containsNull,
                                    "element in array %s" % name, verify)
        return lambda xs: [element(x) for x in xs]
    if isinstance(dt, MapType):
        key = value_to_internal(dt.keyType, False, "key of map %s" % name, verify)
        value = value_to_internal(dt.valueType, dt.valueContainsNull,
                                  "value of map %s" % name, verify)
        return lambda m: {key(k): value(v) for k, v in m.items()}
    return None


def internal_converter(schema: StructType, name: Optional[str] = None,
                       verify: bool = True) -> Callable[[Any], tuple]:
    """The function turning one row (tuple, list, Row, dict by field name, or an object's
    attributes) into the internal tuple of ``schema``, verifying it when ``verify``.

    The function is generated for the schema (as ``namedtuple`` generates its class): each
    atomic field is checked and converted inline, so a flat row costs a few comparisons per
    field rather than a function call each."""
    def field_name(f: str) -> str:
        return "field %s" % f if name is None else "field %s in %s" % (f, name)

    names = list(schema.names)
    n = len(names)

    def shape_error(obj: Any) -> Exception:
        if isinstance(obj, (tuple, list)):
            if name is not None:
                return value_error("FIELD_STRUCT_LENGTH_MISMATCH_WITH_NAME", field_name=name,
                                   object_length=len(obj), field_length=n)
            return value_error("FIELD_STRUCT_LENGTH_MISMATCH", object_length=len(obj),
                               field_length=n)
        if name is not None:
            return type_error("FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME", field_name=name,
                              data_type=schema, obj=repr(obj), obj_type=type(obj))
        return type_error("FIELD_DATA_TYPE_UNACCEPTABLE", data_type=schema, obj=repr(obj),
                          obj_type=type(obj))

    env = {"names": names, "shape_error": shape_error, "_string_to": _string_to}
    body = []
    for i, f in enumerate(schema.fields):
        body += _field_code(i, f.dataType, f.nullable, field_name(f.name), verify, env)
    variables = "".join("v%d, " % i for i in range(n))
    source = "\n".join([
        "def convert(obj):",
        "    if isinstance(obj, (tuple, list)):",
        "        if len(obj) != %d:" % n,
        "            raise shape_error(obj)",
        "        values = obj",
        "    elif isinstance(obj, dict):",
        "        values = [obj.get(k) for k in names]",
        "    elif hasattr(obj, '__dict__'):",
        "        values = [obj.__dict__.get(k) for k in names]",
        "    else:",
        "        raise shape_error(obj)",
        "    %s= values" % (variables or "_ "),
    ] + ["    " + line for line in body] + ["    return (%s)" % variables])
    exec(source, env)
    return env["convert"]


def _field_code(i: int, dt: DataType, nullable: bool, label: str, verify: bool,
                env: dict) -> List[str]:
    """Statements checking and converting the local ``v<i>`` of type ``dt`` in place."""
    v = "v%d" % i
    if isinstance(dt, (StructType, ArrayType, MapType)):
        env["f%d" % i] = value_to_internal(dt, nullable, label, verify)
        return ["%s = f%d(%s)" % (v, i, v)]
    lines = []
    if verify and not nullable:
        env["null%d" % i] = value_to_internal(dt, False, label, True)
        lines += ["if %s is None:" % v, "    null%d(None)" % i]
    lines.append("if %s is not None:" % v)
    inner = []
    if isinstance(dt, StringType):
        inner.append("if type(%s) is not str: %s = _string_to(%s)" % (v, v, v))
    else:
        if verify:
            env["check%d" % i] = _checker(dt, label)
            accepted = _ACCEPTED[type(dt)]
            env["accepted%d" % i] = accepted
            inner.append("if type(%s) not in accepted%d: check%d(%s)" % (v, i, i, v))
            bounds = _BOUNDS.get(type(dt))
            if bounds is not None:
                inner.append("if not %d <= %s <= %d: check%d(%s)" % (bounds[0], v, bounds[1], i, v))
        convert = _converter_to(dt, label, verify)
        if convert is not None:
            env["convert%d" % i] = convert
            inner.append("%s = convert%d(%s)" % (v, i, v))
    return lines + ["    " + line for line in inner or ["pass"]]
