"""Internal values (docs/sql.md "Rows to Python") <-> Arrow arrays, by Spark type.

Rows arrive from the JVM as tuples of internal values (dates as days, timestamps and day-time
intervals as microseconds, structs as tuples, maps as dicts); ``rows_to_batch`` turns a list
of them into an Arrow record batch by the schema, and ``batch_to_rows`` brings a record batch back,
casting each column to the schema's Arrow type first (unsafely, as PySpark does with
``spark.sql.execution.pandas.convertToArrowArraySafely`` off). Nested types are built from
their children's arrays and offsets, so nested dates and timestamps convert like top-level
ones. Imported by Python workers: no py4j here.

>>> from ember.sql.types import StructType, DateType
>>> s = StructType().add("d", DateType())
>>> batch_to_rows(rows_to_batch([(1,), (None,)], s), s)
[(1,), (None,)]
"""

from typing import Any, List

from ember.errors import PySparkTypeError
from ember.sql import types as T
from ember.sql.pandas.arrow_types import to_arrow_schema, to_arrow_type

__all__ = ["values_to_array", "array_to_values", "rows_to_batch", "batch_to_rows",
           "cast_array"]


def _mask(values: List[Any]) -> Any:
    import pyarrow as pa
    return pa.array([v is None for v in values], pa.bool_())


def values_to_array(values: List[Any], dt: Any) -> Any:
    """An Arrow array of the internal values ``values`` of the Spark type ``dt``."""
    import pyarrow as pa
    at = to_arrow_type(dt)
    if isinstance(dt, T.NullType):
        return pa.nulls(len(values))
    if isinstance(dt, T.DateType):
        return pa.array(values, pa.int32()).cast(at)
    if isinstance(dt, (T.TimestampType, T.TimestampNTZType, T.DayTimeIntervalType)):
        return pa.array(values, pa.int64()).cast(at)
    if isinstance(dt, T.ArrayType):
        offsets, flat = [0], []
        for v in values:
            if v is not None:
                flat.extend(v)
            offsets.append(len(flat))
        child = values_to_array(flat, dt.elementType)
        return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), child, type=at,
                                        mask=_mask(values))
    if isinstance(dt, T.MapType):
        offsets, keys, items = [0], [], []
        for v in values:
            if v is not None:
                for key, item in v.items():
                    keys.append(key)
                    items.append(item)
            offsets.append(len(keys))
        return pa.MapArray.from_arrays(
            pa.array(offsets, pa.int32()), values_to_array(keys, dt.keyType),
            values_to_array(items, dt.valueType), type=at, mask=_mask(values))
    if isinstance(dt, T.StructType):
        children = [values_to_array([None if v is None else v[i] for v in values], f.dataType)
                    for i, f in enumerate(dt.fields)]
        return pa.StructArray.from_arrays(children, fields=list(at), mask=_mask(values))
    return pa.array(values, at)


def cast_array(arr: Any, dt: Any, what: str) -> Any:
    """``arr`` as the Arrow type of ``dt``; a ``PySparkTypeError`` naming ``what`` when Arrow
    cannot cast it (a string column declared as a number, ...)."""
    import pyarrow as pa
    at = to_arrow_type(dt)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    if arr.type.equals(at):
        return arr
    try:
        if isinstance(dt, (T.TimestampType, T.TimestampNTZType)) and \
                pa.types.is_timestamp(arr.type) and (arr.type.tz is None) != (at.tz is None):
            arr = arr.cast(pa.timestamp(arr.type.unit, at.tz), safe=False) \
                if at.tz is None else arr.cast(pa.timestamp(arr.type.unit, "UTC"), safe=False)
        return arr.cast(at, safe=False)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as e:
        raise PySparkTypeError(
            "[UNSUPPORTED_ARROW_CAST] %s: cannot convert Arrow %s to %s (%s)."
            % (what, arr.type, dt.simpleString(), e), "UNSUPPORTED_ARROW_CAST",
            {"what": what, "arrow_type": str(arr.type), "spark_type": dt.simpleString()}) from e


def array_to_values(arr: Any, dt: Any) -> List[Any]:
    """The internal values of an Arrow array already of ``dt``'s Arrow type."""
    import pyarrow as pa
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    if isinstance(dt, T.NullType):
        return [None] * len(arr)
    if isinstance(dt, T.DateType):
        return arr.cast(pa.int32()).to_pylist()
    if isinstance(dt, (T.TimestampType, T.TimestampNTZType, T.DayTimeIntervalType)):
        return arr.cast(pa.int64()).to_pylist()
    if isinstance(dt, (T.ArrayType, T.MapType)):
        valid = arr.is_valid().to_pylist()
        offsets = arr.offsets.to_pylist()
        if isinstance(dt, T.ArrayType):
            flat = array_to_values(arr.values, dt.elementType)
            return [flat[offsets[i]:offsets[i + 1]] if ok else None
                    for i, ok in enumerate(valid)]
        keys = array_to_values(arr.keys, dt.keyType)
        items = array_to_values(arr.items, dt.valueType)
        return [dict(zip(keys[offsets[i]:offsets[i + 1]], items[offsets[i]:offsets[i + 1]]))
                if ok else None for i, ok in enumerate(valid)]
    if isinstance(dt, T.StructType):
        valid = arr.is_valid().to_pylist()
        columns = [array_to_values(child, f.dataType)
                   for child, f in zip(arr.flatten(), dt.fields)]
        rows = list(zip(*columns)) if columns else [()] * len(arr)
        return [r if ok else None for r, ok in zip(rows, valid)]
    return arr.to_pylist()


def rows_to_batch(rows: List[tuple], schema: Any) -> Any:
    """An Arrow record batch of internal-value rows, by the Spark ``schema``."""
    import pyarrow as pa
    columns = [values_to_array([r[i] for r in rows], f.dataType)
               for i, f in enumerate(schema.fields)]
    return pa.RecordBatch.from_arrays(columns, schema=to_arrow_schema(schema))


def batch_to_rows(batch: Any, schema: Any, what: str = "result") -> List[tuple]:
    """The internal-value rows of an Arrow record batch or table whose columns are in
    ``schema``'s order (each cast to its field's type)."""
    columns = [array_to_values(cast_array(batch.column(i), f.dataType,
                                          "%s column %s" % (what, f.name)), f.dataType)
               for i, f in enumerate(schema.fields)]
    if not columns:
        return [()] * batch.num_rows
    return list(zip(*columns))
