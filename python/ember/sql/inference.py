"""Schema inference from Python values, with PySpark's rules (``createDataFrame`` without a
schema): None -> void, bool -> boolean, int -> bigint, float -> double, str -> string,
bytes/bytearray -> binary, Decimal -> decimal(38,18), date -> date, datetime -> timestamp
(timestamp_ntz when preferred and naive), list -> array, dict -> map (or struct when asked),
Row/namedtuple/tuple/object -> struct. Types of several rows merge: void gives way to
anything, an atomic type to string, timestamp_ntz to timestamp; other differences are errors.

>>> _infer_schema({"a": 1, "b": [1.5]})
StructType([StructField('a', LongType(), True), StructField('b', ArrayType(DoubleType(), True), True)])
"""

import datetime
import decimal
from functools import reduce
from typing import Any, Iterable, List, Optional

from ember.sql import types as T
from ember.sql.type_errors import type_error, value_error

__all__ = ["_infer_type", "_infer_schema", "_merge_type", "_has_nulltype", "infer_schema_of_rows"]

_ATOMIC = {
    type(None): T.NullType, bool: T.BooleanType, int: T.LongType, float: T.DoubleType,
    str: T.StringType, bytearray: T.BinaryType, bytes: T.BinaryType,
    datetime.date: T.DateType, datetime.datetime: T.TimestampType,
    datetime.timedelta: T.DayTimeIntervalType,
}


def _infer_type(obj: Any, infer_dict_as_struct: bool = False,
                infer_array_from_first_element: bool = False,
                infer_map_from_first_pair: bool = False,
                prefer_timestamp_ntz: bool = False) -> T.DataType:
    """The type of one Python value."""
    flags = (infer_dict_as_struct, infer_array_from_first_element, infer_map_from_first_pair,
             prefer_timestamp_ntz)
    atomic = _ATOMIC.get(type(obj))
    if atomic is T.TimestampType and prefer_timestamp_ntz and obj.tzinfo is None:
        return T.TimestampNTZType()
    if atomic is not None:
        return atomic()
    if isinstance(obj, decimal.Decimal):
        return T.DecimalType(38, 18)
    if isinstance(obj, dict):
        if infer_dict_as_struct:
            struct = T.StructType()
            for key, value in obj.items():
                if key is not None and value is not None:
                    struct.add(key, _infer_type(value, *flags), True)
            return struct
        key_type: T.DataType = T.NullType()
        value_type: T.DataType = T.NullType()
        for key, value in obj.items():
            if key is not None:
                key_type = _merge_type(key_type, _infer_type(key, *flags))
                if infer_map_from_first_pair and value is not None:
                    return T.MapType(key_type, _infer_type(value, *flags), True)
            if value is not None:
                value_type = _merge_type(value_type, _infer_type(value, *flags))
        return T.MapType(key_type, value_type, True)
    if isinstance(obj, list):
        if not obj:
            return T.ArrayType(T.NullType(), True)
        if infer_array_from_first_element:
            return T.ArrayType(_infer_type(obj[0], *flags), True)
        return T.ArrayType(reduce(_merge_type, (_infer_type(v, *flags) for v in obj)), True)
    try:
        return _infer_schema(obj, None, *flags)
    except TypeError:
        raise type_error("UNSUPPORTED_DATA_TYPE", data_type=type(obj).__name__) from None


def _infer_schema(row: Any, names: Optional[List[str]] = None,
                  infer_dict_as_struct: bool = False,
                  infer_array_from_first_element: bool = False,
                  infer_map_from_first_pair: bool = False,
                  prefer_timestamp_ntz: bool = False) -> T.StructType:
    """The struct type of one row: a dict (fields sorted by name), a Row or namedtuple (its
    names), a tuple or list (``names``, then ``_1``, ``_2``...), or an object's attributes."""
    if isinstance(row, dict):
        items = sorted(row.items())
    elif isinstance(row, (tuple, list)):
        if hasattr(row, "__fields__"):
            items = zip(row.__fields__, tuple(row))
        elif hasattr(row, "_fields"):
            items = zip(row._fields, tuple(row))
        else:
            names = list(names) if names is not None else []
            names.extend("_%d" % i for i in range(len(names) + 1, len(row) + 1))
            items = zip(names, row)
    elif hasattr(row, "__dict__"):
        items = sorted(row.__dict__.items())
    else:
        raise type_error("CANNOT_INFER_SCHEMA_FOR_TYPE", data_type=type(row).__name__)
    fields = []
    for name, value in items:
        try:
            t = _infer_type(value, infer_dict_as_struct, infer_array_from_first_element,
                            infer_map_from_first_pair, prefer_timestamp_ntz)
        except TypeError:
            raise type_error("CANNOT_INFER_TYPE_FOR_FIELD", field_name=name) from None
        fields.append(T.StructField(name, t, True))
    return T.StructType(fields)


def _has_nulltype(dt: T.DataType) -> bool:
    """Whether a void type is left anywhere in ``dt`` (a type no value determined)."""
    if isinstance(dt, T.StructType):
        return any(_has_nulltype(f.dataType) for f in dt.fields)
    if isinstance(dt, T.ArrayType):
        return _has_nulltype(dt.elementType)
    if isinstance(dt, T.MapType):
        return _has_nulltype(dt.keyType) or _has_nulltype(dt.valueType)
    return isinstance(dt, T.NullType)


def _merge_type(a: T.DataType, b: T.DataType, name: Optional[str] = None) -> T.DataType:
    """The type of values of type ``a`` and of type ``b``: the wider, or an error."""
    if isinstance(a, T.NullType):
        return b
    if isinstance(b, T.NullType):
        return a
    if isinstance(a, T.TimestampType) and isinstance(b, T.TimestampNTZType):
        return a
    if isinstance(a, T.TimestampNTZType) and isinstance(b, T.TimestampType):
        return b
    if isinstance(a, T.AtomicType) and isinstance(b, T.StringType):
        return b
    if isinstance(a, T.StringType) and isinstance(b, T.AtomicType):
        return a
    if type(a) is not type(b):
        raise type_error("CANNOT_MERGE_TYPE", data_type1=type(a).__name__,
                         data_type2=type(b).__name__)
    where = (lambda n: "field %s" % n) if name is None else \
        (lambda n: "field %s in %s" % (n, name))
    if isinstance(a, T.StructType):
        others = {f.name: f.dataType for f in b.fields}
        fields = [T.StructField(f.name, _merge_type(f.dataType, others.get(f.name, T.NullType()),
                                                    name=where(f.name)))
                  for f in a.fields]
        seen = {f.name for f in fields}
        fields += [T.StructField(n, t) for n, t in others.items() if n not in seen]
        return T.StructType(fields)
    if isinstance(a, T.ArrayType):
        return T.ArrayType(_merge_type(a.elementType, b.elementType,
                                       name="element in array %s" % name), True)
    if isinstance(a, T.MapType):
        return T.MapType(_merge_type(a.keyType, b.keyType, name="key of map %s" % name),
                         _merge_type(a.valueType, b.valueType, name="value of map %s" % name),
                         True)
    return a


def infer_schema_of_rows(rows: Iterable[Any], names: Optional[List[str]] = None,
                         infer_dict_as_struct: bool = False,
                         prefer_timestamp_ntz: bool = False) -> T.StructType:
    """The merged schema of local rows, as ``createDataFrame(data)`` infers it: an error when
    there are no rows or a field's type stays undetermined (only None seen)."""
    schemas = [_infer_schema(r, names, infer_dict_as_struct,
                             prefer_timestamp_ntz=prefer_timestamp_ntz) for r in rows]
    if not schemas:
        raise value_error("CANNOT_INFER_EMPTY_SCHEMA")
    schema = reduce(_merge_type, schemas)
    if _has_nulltype(schema):
        raise value_error("CANNOT_DETERMINE_TYPE")
    return schema
