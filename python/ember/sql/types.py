"""Spark SQL data types, as PySpark's ``pyspark.sql.types``: the same class names, reprs,
equality, ``simpleString()``, ``typeName()`` and JSON schema format (``json()``,
``jsonValue()``, ``fromJson``), plus ``Row``, DDL parsing (``_parse_datatype_string``) and
schema inference from Python values (``_infer_schema``).

>>> StructType([StructField("a", IntegerType()), StructField("b", StringType(), False)])
StructType([StructField('a', IntegerType(), True), StructField('b', StringType(), False)])
>>> _parse_datatype_string("a int, b array<string>").simpleString()
'struct<a:int,b:array<string>>'
>>> DecimalType(10, 2).json()
'"decimal(10,2)"'

Atomic types without parameters are singletons (``IntegerType() is IntegerType()``).
"""

import json
from typing import Any, Dict, Iterator, List, Optional, Union

from ember.sql.type_errors import index_error, key_error, type_error, value_error  # noqa: F401

__all__ = ["DataType", "NullType", "AtomicType", "NumericType", "IntegralType",
           "FractionalType", "StringType", "BinaryType", "BooleanType", "DateType",
           "TimestampType", "TimestampNTZType", "DecimalType", "DoubleType", "FloatType",
           "ByteType", "IntegerType", "LongType", "ShortType", "ArrayType", "MapType",
           "StructField", "StructType", "Row", "AnsiIntervalType", "DayTimeIntervalType",
           "YearMonthIntervalType", "CalendarIntervalType"]


class DataType:
    """Base class of the data types."""

    def __repr__(self) -> str:
        return self.__class__.__name__ + "()"

    def __hash__(self) -> int:
        return hash(str(self))

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, self.__class__) and self.__dict__ == other.__dict__

    def __ne__(self, other: Any) -> bool:
        return not self.__eq__(other)

    @classmethod
    def typeName(cls) -> str:
        """The name in the JSON schema format: ``integer``, ``long``, ``array``, ``struct``."""
        return cls.__name__[:-4].lower()

    def simpleString(self) -> str:
        """Spark's short SQL name: ``int``, ``bigint``, ``array<string>``."""
        return self.typeName()

    def jsonValue(self) -> Union[str, Dict[str, Any]]:
        return self.typeName()

    def json(self) -> str:
        return json.dumps(self.jsonValue(), separators=(",", ":"), sort_keys=True)

    def needConversion(self) -> bool:
        """Whether values of this type differ between Python and the internal form."""
        return False

    @classmethod
    def fromDDL(cls, ddl: str) -> "DataType":
        """The type of a DDL string (a type such as ``int``, or a schema ``a int, b string``)."""
        return _parse_datatype_string(ddl)

    @classmethod
    def fromJson(cls, json_value: Any) -> "DataType":
        return _parse_datatype_json_value(json_value)


class DataTypeSingleton(type):
    """Metaclass making each parameterless type a singleton."""

    _instances: Dict[type, Any] = {}

    def __call__(cls):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__()
        return cls._instances[cls]


class NullType(DataType, metaclass=DataTypeSingleton):
    """The type of ``None``: ``void``."""

    @classmethod
    def typeName(cls) -> str:
        return "void"


class AtomicType(DataType):
    """Types that are not arrays, maps or structs."""


class NumericType(AtomicType):
    pass


class IntegralType(NumericType, metaclass=DataTypeSingleton):
    pass


class FractionalType(NumericType):
    pass


class StringType(AtomicType, metaclass=DataTypeSingleton):
    pass


class BinaryType(AtomicType, metaclass=DataTypeSingleton):
    pass


class BooleanType(AtomicType, metaclass=DataTypeSingleton):
    pass


class DateType(AtomicType, metaclass=DataTypeSingleton):
    """Dates; internally days since 1970-01-01."""

    def needConversion(self) -> bool:
        return True


class TimestampType(AtomicType, metaclass=DataTypeSingleton):
    """Instants; internally microseconds since the epoch (UTC), shown in local time."""

    def needConversion(self) -> bool:
        return True


class TimestampNTZType(AtomicType, metaclass=DataTypeSingleton):
    """Wall-clock date-times without a time zone; internally microseconds of that clock."""

    @classmethod
    def typeName(cls) -> str:
        return "timestamp_ntz"

    def needConversion(self) -> bool:
        return True


class AnsiIntervalType(AtomicType):
    """The ANSI SQL interval types (day-time and year-month)."""

    _fields: Dict[int, str] = {}

    def __init__(self, startField: Optional[int] = None, endField: Optional[int] = None):
        if startField is None and endField is None:
            startField, endField = min(self._fields), max(self._fields)
        elif endField is None:
            endField = startField
        if startField not in self._fields or endField not in self._fields:
            from ember.errors import PySparkRuntimeError
            raise PySparkRuntimeError(
                "Interval %s to %s is invalid." % (startField, endField), "INVALID_INTERVAL_CASTING",
                {"start_field": str(startField), "end_field": str(endField)})
        self.startField = startField
        self.endField = endField

    def _str_repr(self) -> str:
        start, end = self._fields[self.startField], self._fields[self.endField]
        return "interval %s" % start if start == end else "interval %s to %s" % (start, end)

    def simpleString(self) -> str:
        return self._str_repr()

    def jsonValue(self) -> str:
        return self._str_repr()

    def __repr__(self) -> str:
        return "%s(%d, %d)" % (type(self).__name__, self.startField, self.endField)


class DayTimeIntervalType(AnsiIntervalType):
    """Day-time intervals (``datetime.timedelta``); internally microseconds.

    >>> DayTimeIntervalType(DayTimeIntervalType.HOUR, DayTimeIntervalType.MINUTE).simpleString()
    'interval hour to minute'
    """

    DAY = 0
    HOUR = 1
    MINUTE = 2
    SECOND = 3
    _fields = {DAY: "day", HOUR: "hour", MINUTE: "minute", SECOND: "second"}

    def needConversion(self) -> bool:
        return True

    def toInternal(self, dt: Any) -> Optional[int]:
        if dt is not None:
            return (dt.days * 86400 + dt.seconds) * 1_000_000 + dt.microseconds
        return None

    def fromInternal(self, micros: Optional[int]) -> Any:
        if micros is not None:
            import datetime
            return datetime.timedelta(microseconds=micros)
        return None


def _not_implemented(what: str) -> Exception:
    from ember.errors import PySparkNotImplementedError
    return PySparkNotImplementedError("%s is not implemented." % what, "NOT_IMPLEMENTED",
                                      {"feature": what})


class YearMonthIntervalType(AnsiIntervalType):
    """Year-month intervals; internally months. As in PySpark, collecting them is not
    supported (``NOT_IMPLEMENTED``) unless ``PYSPARK_YM_INTERVAL_LEGACY=1`` is set, which
    gives the months as ints."""

    YEAR = 0
    MONTH = 1
    _fields = {YEAR: "year", MONTH: "month"}

    def needConversion(self) -> bool:
        import os
        return os.environ.get("PYSPARK_YM_INTERVAL_LEGACY") != "1"

    def toInternal(self, obj: Any) -> Any:
        raise _not_implemented("YearMonthIntervalType.toInternal")

    def fromInternal(self, obj: Any) -> Any:
        raise _not_implemented("YearMonthIntervalType.fromInternal")


class CalendarIntervalType(DataType, metaclass=DataTypeSingleton):
    """Spark's legacy ``interval`` (months, days, microseconds), made by ``make_interval``;
    like PySpark, its values cannot be collected."""

    @classmethod
    def typeName(cls) -> str:
        return "interval"

    def needConversion(self) -> bool:
        return True

    def toInternal(self, obj: Any) -> Any:
        raise _not_implemented("CalendarIntervalType.toInternal")

    def fromInternal(self, obj: Any) -> Any:
        raise _not_implemented("CalendarIntervalType.fromInternal")


class DecimalType(FractionalType):
    """``decimal(precision, scale)``: at most 38 digits, ``scale`` of them after the point."""

    def __init__(self, precision: int = 10, scale: int = 0):
        self.precision = precision
        self.scale = scale
        self.hasPrecisionInfo = True

    def simpleString(self) -> str:
        return "decimal(%d,%d)" % (self.precision, self.scale)

    def jsonValue(self) -> str:
        return "decimal(%d,%d)" % (self.precision, self.scale)

    def __repr__(self) -> str:
        return "DecimalType(%d,%d)" % (self.precision, self.scale)


class DoubleType(FractionalType, metaclass=DataTypeSingleton):
    pass


class FloatType(FractionalType, metaclass=DataTypeSingleton):
    pass


class ByteType(IntegralType):
    def simpleString(self) -> str:
        return "tinyint"


class IntegerType(IntegralType):
    def simpleString(self) -> str:
        return "int"


class LongType(IntegralType):
    def simpleString(self) -> str:
        return "bigint"


class ShortType(IntegralType):
    def simpleString(self) -> str:
        return "smallint"


class ArrayType(DataType):
    """``array<elementType>``; ``containsNull`` says whether elements may be None."""

    def __init__(self, elementType: DataType, containsNull: bool = True):
        assert isinstance(elementType, DataType), \
            "elementType %s should be an instance of %s" % (elementType, DataType)
        self.elementType = elementType
        self.containsNull = containsNull

    def simpleString(self) -> str:
        return "array<%s>" % self.elementType.simpleString()

    def __repr__(self) -> str:
        return "ArrayType(%s, %s)" % (self.elementType, str(self.containsNull))

    def jsonValue(self) -> Dict[str, Any]:
        return {"type": self.typeName(), "elementType": self.elementType.jsonValue(),
                "containsNull": self.containsNull}

    @classmethod
    def fromJson(cls, json: Dict[str, Any]) -> "ArrayType":
        return ArrayType(_parse_datatype_json_value(json["elementType"]), json["containsNull"])

    def needConversion(self) -> bool:
        return self.elementType.needConversion()


class MapType(DataType):
    """``map<keyType,valueType>``; keys are never None."""

    def __init__(self, keyType: DataType, valueType: DataType, valueContainsNull: bool = True):
        assert isinstance(keyType, DataType), \
            "keyType %s should be an instance of %s" % (keyType, DataType)
        assert isinstance(valueType, DataType), \
            "valueType %s should be an instance of %s" % (valueType, DataType)
        self.keyType = keyType
        self.valueType = valueType
        self.valueContainsNull = valueContainsNull

    def simpleString(self) -> str:
        return "map<%s,%s>" % (self.keyType.simpleString(), self.valueType.simpleString())

    def __repr__(self) -> str:
        return "MapType(%s, %s, %s)" % (self.keyType, self.valueType, str(self.valueContainsNull))

    def jsonValue(self) -> Dict[str, Any]:
        return {"type": self.typeName(), "keyType": self.keyType.jsonValue(),
                "valueType": self.valueType.jsonValue(),
                "valueContainsNull": self.valueContainsNull}

    @classmethod
    def fromJson(cls, json: Dict[str, Any]) -> "MapType":
        return MapType(_parse_datatype_json_value(json["keyType"]),
                       _parse_datatype_json_value(json["valueType"]), json["valueContainsNull"])

    def needConversion(self) -> bool:
        return True


class StructField(DataType):
    """One named field of a StructType."""

    def __init__(self, name: str, dataType: DataType, nullable: bool = True,
                 metadata: Optional[Dict[str, Any]] = None):
        assert isinstance(dataType, DataType), \
            "dataType %s should be an instance of %s" % (dataType, DataType)
        assert isinstance(name, str), "field name %s should be a string" % (name)
        self.name = name
        self.dataType = dataType
        self.nullable = nullable
        self.metadata = metadata or {}

    def simpleString(self) -> str:
        return "%s:%s" % (self.name, self.dataType.simpleString())

    def __repr__(self) -> str:
        return "StructField(%r, %s, %s)" % (self.name, self.dataType, str(self.nullable))

    def jsonValue(self) -> Dict[str, Any]:
        return {"name": self.name, "type": self.dataType.jsonValue(),
                "nullable": self.nullable, "metadata": self.metadata}

    @classmethod
    def fromJson(cls, json: Dict[str, Any]) -> "StructField":
        return StructField(json["name"], _parse_datatype_json_value(json["type"]),
                           json.get("nullable", True), json.get("metadata"))

    def needConversion(self) -> bool:
        return self.dataType.needConversion()

    def typeName(self) -> str:  # type: ignore[override]
        raise type_error("INVALID_TYPENAME_CALL")


class StructType(DataType):
    """``struct<...>``: named fields in order; also the schema of a DataFrame.

    >>> s = StructType().add("a", IntegerType()).add("b", "string", False)
    >>> s["b"], s[0].name, s.fieldNames()
    (StructField('b', StringType(), False), 'a', ['a', 'b'])
    """

    def __init__(self, fields: Optional[List[StructField]] = None):
        self.fields = list(fields) if fields else []
        for f in self.fields:
            assert isinstance(f, StructField), "fields should be a list of StructField"
        self.names = [f.name for f in self.fields]

    def add(self, field: Union[str, StructField], data_type: Union[str, DataType, None] = None,
            nullable: bool = True, metadata: Optional[Dict[str, Any]] = None) -> "StructType":
        """Appends a field (in place, returning self, as PySpark); ``data_type`` may be a
        JSON type name such as ``"integer"``."""
        if isinstance(field, StructField):
            self.fields.append(field)
            self.names.append(field.name)
            return self
        if isinstance(field, str) and data_type is None:
            raise value_error("ARGUMENT_REQUIRED", arg_name="data_type",
                              condition="passing name of struct_field to create")
        if isinstance(data_type, str):
            data_type = _parse_datatype_json_value(data_type)
        self.fields.append(StructField(field, data_type, nullable, metadata))
        self.names.append(field)
        return self

    def __iter__(self) -> Iterator[StructField]:
        return iter(self.fields)

    def __len__(self) -> int:
        return len(self.fields)

    def __getitem__(self, key: Union[str, int, slice]) -> Any:
        if isinstance(key, str):
            for f in self.fields:
                if f.name == key:
                    return f
            raise key_error("KEY_NOT_EXISTS", key=key)
        if isinstance(key, int):
            try:
                return self.fields[key]
            except IndexError:
                raise index_error("INDEX_OUT_OF_RANGE", arg_name="StructType",
                                  index=key) from None
        if isinstance(key, slice):
            return StructType(self.fields[key])
        raise type_error("NOT_EXPECTED_TYPE", arg_name="key", expected_type="int, slice or str",
                         arg_type=type(key).__name__)

    def fieldNames(self) -> List[str]:
        return list(self.names)

    def simpleString(self) -> str:
        return "struct<%s>" % ",".join(f.simpleString() for f in self.fields)

    def __repr__(self) -> str:
        return "StructType([%s])" % ", ".join(str(f) for f in self.fields)

    def jsonValue(self) -> Dict[str, Any]:
        return {"type": self.typeName(), "fields": [f.jsonValue() for f in self.fields]}

    @classmethod
    def fromJson(cls, json: Dict[str, Any]) -> "StructType":
        return StructType([StructField.fromJson(f) for f in json["fields"]])

    def needConversion(self) -> bool:
        return True

    def treeString(self, level: Optional[int] = None) -> str:
        """Spark's tree format, as ``printSchema()`` prints it (``level`` limits the depth)."""
        out = ["root"]
        _tree_lines(self, " |", level, 1, out)
        return "\n".join(out) + "\n"


def _tree_name(t: DataType) -> str:
    return t.typeName() if isinstance(t, (StructType, ArrayType, MapType)) else \
        str(t.jsonValue())


def _tree_lines(t: DataType, prefix: str, level: Optional[int], depth: int,
                out: List[str]) -> None:
    if level is not None and depth > level:
        return
    nested = prefix + "    |"
    if isinstance(t, StructType):
        for f in t.fields:
            out.append("%s-- %s: %s (nullable = %s)" % (prefix, f.name, _tree_name(f.dataType),
                                                        str(f.nullable).lower()))
            _tree_lines(f.dataType, nested, level, depth + 1, out)
    elif isinstance(t, ArrayType):
        out.append("%s-- element: %s (containsNull = %s)" % (
            prefix, _tree_name(t.elementType), str(t.containsNull).lower()))
        _tree_lines(t.elementType, nested, level, depth + 1, out)
    elif isinstance(t, MapType):
        out.append("%s-- key: %s" % (prefix, _tree_name(t.keyType)))
        _tree_lines(t.keyType, nested, level, depth + 1, out)
        out.append("%s-- value: %s (valueContainsNull = %s)" % (
            prefix, _tree_name(t.valueType), str(t.valueContainsNull).lower()))
        _tree_lines(t.valueType, nested, level, depth + 1, out)


# Parsing, rows and inference live in their own modules; PySpark exports them from here.
from ember.sql.ddl import _parse_datatype_string  # noqa: E402
from ember.sql.type_json import _parse_datatype_json_string, \
    _parse_datatype_json_value  # noqa: E402,F401
from ember.sql.row import Row, _create_row  # noqa: E402,F401
from ember.sql.inference import _has_nulltype, _infer_schema, _infer_type, \
    _merge_type  # noqa: E402,F401
