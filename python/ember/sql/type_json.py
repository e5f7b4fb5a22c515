"""Spark's JSON schema format read into ``ember.sql.types`` (``T.StructType.fromJson``,
``_parse_datatype_json_string``); writing is each type's ``jsonValue()``."""

import json
import re
from typing import Any, Dict

from ember.sql import types as T
from ember.sql.type_errors import value_error

__all__ = ["_parse_datatype_json_string", "_parse_datatype_json_value"]

_ATOMIC_JSON_NAMES: Dict[str, T.DataType] = {t.typeName(): t() for t in (
    T.NullType, T.StringType, T.BinaryType, T.BooleanType, T.DateType, T.TimestampType,
    T.TimestampNTZType,
    T.DoubleType, T.FloatType, T.ByteType, T.IntegerType, T.LongType, T.ShortType)}
_ATOMIC_JSON_NAMES["null"] = T.NullType()
_ATOMIC_JSON_NAMES["decimal"] = T.DecimalType()
_COMPLEX_JSON_TYPES = {"array": T.ArrayType, "map": T.MapType, "struct": T.StructType}
_FIXED_DECIMAL = re.compile(r"decimal\(\s*(\d+)\s*,\s*(-?\d+)\s*\)")
_CHARS = re.compile(r"(var)?char\(\s*\d+\s*\)")


def _parse_datatype_json_string(json_string: str) -> T.DataType:
    """The type of Spark's JSON schema text.

    >>> _parse_datatype_json_string('{"type":"array","elementType":"long","containsNull":false}')
    ArrayType(LongType(), False)
    """
    return _parse_datatype_json_value(json.loads(json_string))


def _parse_datatype_json_value(json_value: Any) -> T.DataType:
    if not isinstance(json_value, dict):
        if json_value in _ATOMIC_JSON_NAMES:
            return _ATOMIC_JSON_NAMES[json_value]
        if isinstance(json_value, str):
            if json_value.startswith("interval"):
                from ember.sql.ddl import parse_type
                return parse_type(json_value)
            m = _FIXED_DECIMAL.fullmatch(json_value)
            if m:
                return T.DecimalType(int(m.group(1)), int(m.group(2)))
            if _CHARS.fullmatch(json_value):
                return T.StringType()
        raise value_error("CANNOT_PARSE_DATATYPE", error=json_value)
    kind = json_value.get("type")
    if kind in _COMPLEX_JSON_TYPES:
        return _COMPLEX_JSON_TYPES[kind].fromJson(json_value)
    raise value_error("UNSUPPORTED_DATA_TYPE", data_type=kind)


