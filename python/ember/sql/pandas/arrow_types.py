"""Spark types <-> Arrow types, as PySpark maps them (``pyspark.sql.pandas.types``).

Timestamps are microseconds: ``timestamp`` is ``timestamp[us, tz=UTC]``, ``timestamp_ntz``
``timestamp[us]``; day-time intervals are ``duration[us]`` (and any duration a day-time
interval, as PySpark); arrays carry an ``element`` field; maps Arrow maps. Types Arrow cannot hold
here are ``UNSUPPORTED_DATA_TYPE_FOR_ARROW_CONVERSION``.

>>> from ember.sql.types import LongType
>>> to_arrow_type(LongType())
DataType(int64)
"""

from typing import Any

from ember.errors import PySparkTypeError
from ember.sql import types as T

__all__ = ["to_arrow_type", "to_arrow_schema", "from_arrow_type", "from_arrow_schema",
           "in_time_zone"]

_ATOMIC = {T.BooleanType: "bool_", T.ByteType: "int8", T.ShortType: "int16",
           T.IntegerType: "int32", T.LongType: "int64", T.FloatType: "float32",
           T.DoubleType: "float64", T.StringType: "string", T.BinaryType: "binary",
           T.DateType: "date32", T.NullType: "null"}


def _unsupported(what: Any) -> PySparkTypeError:
    return PySparkTypeError(
        "[UNSUPPORTED_DATA_TYPE_FOR_ARROW_CONVERSION] %s is not supported in conversion to "
        "Arrow." % what, "UNSUPPORTED_DATA_TYPE_FOR_ARROW_CONVERSION", {"data_type": str(what)})


def to_arrow_type(dt: Any) -> Any:
    """The Arrow type holding values of the Spark type ``dt``."""
    import pyarrow as pa
    name = _ATOMIC.get(type(dt))
    if name is not None:
        return getattr(pa, name)()
    if isinstance(dt, T.DecimalType):
        return pa.decimal128(dt.precision, dt.scale)
    if isinstance(dt, T.TimestampType):
        return pa.timestamp("us", tz="UTC")
    if isinstance(dt, T.TimestampNTZType):
        return pa.timestamp("us")
    if isinstance(dt, T.DayTimeIntervalType):
        return pa.duration("us")
    if isinstance(dt, T.ArrayType):
        return pa.list_(pa.field("element", to_arrow_type(dt.elementType), dt.containsNull))
    if isinstance(dt, T.MapType):
        return pa.map_(to_arrow_type(dt.keyType),
                       pa.field("value", to_arrow_type(dt.valueType), dt.valueContainsNull))
    if isinstance(dt, T.StructType):
        return pa.struct([pa.field(f.name, to_arrow_type(f.dataType), f.nullable)
                          for f in dt.fields])
    raise _unsupported(dt)


def to_arrow_schema(schema: Any) -> Any:
    """The Arrow schema of a Spark ``StructType`` (nullability kept)."""
    import pyarrow as pa
    return pa.schema([pa.field(f.name, to_arrow_type(f.dataType), f.nullable)
                      for f in schema.fields])


def from_arrow_type(at: Any, prefer_timestamp_ntz: bool = True) -> Any:
    """The Spark type of Arrow values of type ``at``. A timestamp without a time zone is
    ``timestamp_ntz`` unless ``prefer_timestamp_ntz`` is false (pandas' naive datetimes are
    local times, hence ``timestamp``)."""
    import pyarrow as pa
    import pyarrow.types as t
    checks = [(t.is_boolean, T.BooleanType), (t.is_int8, T.ByteType), (t.is_int16, T.ShortType),
              (t.is_int32, T.IntegerType), (t.is_int64, T.LongType),
              (t.is_uint8, T.ShortType), (t.is_uint16, T.IntegerType),
              (t.is_uint32, T.LongType), (t.is_float16, T.FloatType),
              (t.is_float32, T.FloatType), (t.is_float64, T.DoubleType),
              (t.is_date, T.DateType), (t.is_null, T.NullType)]
    for check, spark_type in checks:
        if check(at):
            return spark_type()
    if t.is_string(at) or t.is_large_string(at) or getattr(t, "is_string_view", bool)(at):
        return T.StringType()
    if t.is_binary(at) or t.is_large_binary(at) or t.is_fixed_size_binary(at):
        return T.BinaryType()
    if t.is_decimal(at):
        return T.DecimalType(at.precision, at.scale)
    if t.is_duration(at):
        return T.DayTimeIntervalType()
    if t.is_timestamp(at):
        return T.TimestampType() if at.tz is not None or not prefer_timestamp_ntz \
            else T.TimestampNTZType()
    if t.is_map(at):
        return T.MapType(from_arrow_type(at.key_type, prefer_timestamp_ntz),
                         from_arrow_type(at.item_type, prefer_timestamp_ntz),
                         at.item_field.nullable)
    if t.is_list(at) or t.is_large_list(at) or t.is_fixed_size_list(at):
        return T.ArrayType(from_arrow_type(at.value_type, prefer_timestamp_ntz),
                           at.value_field.nullable)
    if t.is_struct(at):
        return T.StructType([T.StructField(f.name, from_arrow_type(f.type, prefer_timestamp_ntz),
                                           f.nullable) for f in at])
    if t.is_dictionary(at):
        return from_arrow_type(at.value_type, prefer_timestamp_ntz)
    if isinstance(at, pa.DataType):
        raise _unsupported(at)
    raise _unsupported(type(at).__name__)


def from_arrow_schema(schema: Any, prefer_timestamp_ntz: bool = True) -> Any:
    """The Spark ``StructType`` of an Arrow schema."""
    return T.StructType([T.StructField(f.name, from_arrow_type(f.type, prefer_timestamp_ntz),
                                       f.nullable) for f in schema])


def _zoned_type(at: Any, tz: str) -> Any:
    """``at`` with every zoned timestamp (nested ones too) labelled ``tz``."""
    import pyarrow as pa
    if pa.types.is_timestamp(at):
        return pa.timestamp(at.unit, tz=tz) if at.tz is not None else at
    if pa.types.is_map(at):
        return pa.map_(_zoned_field(at.key_field, tz), _zoned_field(at.item_field, tz))
    if pa.types.is_list(at):
        return pa.list_(_zoned_field(at.value_field, tz))
    if pa.types.is_struct(at):
        return pa.struct([_zoned_field(at.field(i), tz) for i in range(at.num_fields)])
    return at


def _zoned_field(f: Any, tz: str) -> Any:
    return f.with_type(_zoned_type(f.type, tz))


def in_time_zone(data: Any, tz: str) -> Any:
    """An Arrow record batch or table whose timestamps (stored in UTC) are labelled with the
    session time zone ``tz``, as PySpark hands them to mapInArrow/applyInArrow functions: the
    same instants, only the type's zone differs (``timestamp[us, tz=America/Los_Angeles]``).
    Timestamps without a zone (``timestamp_ntz``) stay as they are."""
    import pyarrow as pa
    target = pa.schema([_zoned_field(f, tz) for f in data.schema])
    return data if target.equals(data.schema) else data.cast(target)

