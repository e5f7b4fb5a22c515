"""Arrow <-> pandas with PySpark's conversions (``pyspark.sql.pandas.serializers``).

To pandas: dates stay ``datetime.date`` objects, timestamps become naive ``datetime64[ns]``
in the session time zone (timestamp_ntz as stored), maps become dicts, structs dicts (or a
DataFrame for a pandas UDF's struct argument), integer columns with nulls become float64 as
Arrow's ``to_pandas`` makes them (in arrays too for ``toPandas``; a pandas function gets the
arrays of a batch holding a null int as object arrays of ints and None, as PySpark). From
pandas: nulls (None, NaN, NaT) are found with ``isnull`` and become nulls, naive datetimes are local times of the session time zone, a
struct comes from a DataFrame, and values convert to the declared type unsafely (PySpark's
default, ``convertToArrowArraySafely`` off); a value Arrow cannot convert fails naming the
column and both types. Imported by Python workers: no py4j here.
"""

from typing import Any, List, Optional

from ember.errors import PySparkRuntimeError, PySparkTypeError, PySparkValueError
from ember.sql import types as T
from ember.sql.pandas.arrow_types import from_arrow_type, to_arrow_type

__all__ = ["array_to_series", "table_to_pandas", "series_to_array", "pandas_to_arrays",
           "infer_arrays", "check_frame_columns"]


def array_to_series(arr: Any, dt: Any, tz: str, struct_as_frame: bool = False,
                    for_function: bool = True) -> Any:
    """The pandas Series (or DataFrame, for a struct when ``struct_as_frame``) of an Arrow
    array of ``dt``'s Arrow type. ``for_function``: as a pandas function (UDF, mapInPandas,
    applyInPandas) sees it, where PySpark converts nested types with Arrow's
    ``integer_object_nulls``: an ``array<int>`` batch holding a null element gives object
    arrays of ints and None, not float64 with NaN as ``toPandas`` gives."""
    import pandas as pd
    import pyarrow as pa
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    if isinstance(dt, T.StructType) and struct_as_frame:
        children = [array_to_series(c, f.dataType, tz, True, for_function)
                    for c, f in zip(arr.flatten(), dt.fields)]
        frame = pd.concat(children, axis=1) if children else pd.DataFrame(index=range(len(arr)))
        frame.columns = [f.name for f in dt.fields]
        return frame
    nested = isinstance(dt, (T.ArrayType, T.MapType, T.StructType))
    series = arr.to_pandas(date_as_object=True, coerce_temporal_nanoseconds=True,
                           integer_object_nulls=for_function and nested)
    if isinstance(dt, T.TimestampType):
        series = series.dt.tz_convert(tz).dt.tz_localize(None)
    elif isinstance(dt, T.MapType):
        series = series.map(lambda pairs: None if pairs is None else dict(pairs))
    return series


def table_to_pandas(table: Any, schema: Any, tz: str, for_function: bool = True) -> Any:
    """A pandas DataFrame of an Arrow table or record batch in ``schema``'s order (duplicate
    column names kept, as Spark allows them); ``for_function`` as in ``array_to_series``."""
    import pandas as pd
    series = [array_to_series(table.column(i), f.dataType, tz, for_function=for_function)
              for i, f in enumerate(schema.fields)]
    if not series:
        return pd.DataFrame(index=range(table.num_rows))
    frame = pd.concat([s.rename(i) for i, s in enumerate(series)], axis=1)
    frame.columns = [f.name for f in schema.fields]
    return frame


def _conversion_error(series: Any, at: Any, name: str, e: Exception) -> Exception:
    """PySpark's message for a Series Arrow cannot convert (ValueError for values that do
    not fit, TypeError for types that cannot)."""
    if isinstance(e, (ValueError,)) and not isinstance(e, TypeError):
        return PySparkValueError(
            "Failed to convert the value of the column '%s' with type '%s' to Arrow type "
            "'%s'. It can be caused by overflows or other unsafe conversions warned by Arrow. "
            "(%s)" % (name, series.dtype, at, str(e).splitlines()[0] if str(e) else ""))
    return PySparkTypeError(
        "Exception thrown when converting pandas.Series (%s) with name '%s' to Arrow Array "
        "(%s). (%s)" % (series.dtype, name, at, str(e).splitlines()[0] if str(e) else ""))


def series_to_array(series: Any, dt: Any, tz: str, name: str = "") -> Any:
    """The Arrow array of ``dt``'s Arrow type holding a pandas Series (or, for a struct, a
    DataFrame whose columns are the fields, by name when they are all strings)."""
    import pandas as pd
    import pyarrow as pa
    at = to_arrow_type(dt)
    if isinstance(dt, T.StructType) and isinstance(series, pd.DataFrame):
        by_name = all(isinstance(c, str) for c in series.columns)
        if by_name:
            check_frame_columns(series, dt)
        elif len(series.columns) != len(dt.fields):
            raise _column_count_error(len(dt.fields), len(series.columns))
        children = [series_to_array(series[f.name] if by_name else series.iloc[:, i],
                                    f.dataType, tz, f.name) for i, f in enumerate(dt.fields)]
        return pa.StructArray.from_arrays(children, fields=list(at))
    if isinstance(series, pd.DataFrame):
        raise PySparkTypeError("A pandas.DataFrame was returned for the non-struct type %s."
                               % dt.simpleString())
    mask = series.isnull()
    if isinstance(dt, T.TimestampType) and pd.api.types.is_datetime64_any_dtype(series.dtype):
        if getattr(series.dtype, "tz", None) is None:
            series = series.dt.tz_localize(tz, ambiguous=False, nonexistent="NaT")
        series = series.dt.tz_convert("UTC")
    elif isinstance(dt, T.MapType):
        series = series.map(lambda d: None if d is None or d is pd.NA else list(d.items()),
                            na_action="ignore")
    elif isinstance(dt, T.StructType):
        series = series.map(lambda v: v.asDict() if hasattr(v, "asDict") else v)
    try:
        if isinstance(dt, (T.ArrayType, T.MapType, T.StructType)):
            values = [None if m else v for v, m in zip(series.tolist(), mask.tolist())]
            return pa.array(values, type=at, from_pandas=True)
        if hasattr(series.array, "__arrow_array__"):   # extension arrays (Int64, string[pyarrow])
            return pa.Array.from_pandas(series).cast(at, safe=False)
        return pa.Array.from_pandas(series, mask=mask.to_numpy(), type=at, safe=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError,
            ValueError) as e:
        raise _conversion_error(series, at, name or str(series.name), e) from e


def pandas_to_arrays(frame: Any, schema: Any, tz: str, by_name: bool) -> List[Any]:
    """The columns of ``frame`` as Arrow arrays of ``schema``'s fields: by name when
    ``by_name`` (every column named by a string), else by position."""
    return [series_to_array(frame[f.name] if by_name else frame.iloc[:, i], f.dataType, tz,
                            f.name) for i, f in enumerate(schema.fields)]


def infer_arrays(frame: Any, tz: str) -> Any:
    """(Arrow arrays, Spark schema) of a pandas DataFrame without a schema: each column's
    type as Arrow infers it, nulls found with ``isnull``, naive datetimes as local times."""
    import pandas as pd
    import pyarrow as pa
    arrays, fields = [], []
    for i, name in enumerate(frame.columns):
        series = frame.iloc[:, i]
        if pd.api.types.is_datetime64_any_dtype(series.dtype):
            dt: Any = T.TimestampType()
        else:
            inferred = pa.Array.from_pandas(series) if hasattr(series.array, "__arrow_array__") \
                else pa.Array.from_pandas(series, mask=series.isnull().to_numpy())
            dt = from_arrow_type(inferred.type, prefer_timestamp_ntz=False)
        arrays.append(series_to_array(series, dt, tz, str(name)))
        fields.append(T.StructField(str(name), dt, True))
    return arrays, T.StructType(fields)


def _column_count_error(expected: int, actual: int) -> Exception:
    return PySparkRuntimeError(
        "[RESULT_COLUMN_SCHEMA_MISMATCH] Number of columns of the returned data doesn't "
        "match specified schema. Expected: %d Actual: %d" % (expected, actual),
        "RESULT_COLUMN_SCHEMA_MISMATCH",
        {"expected": str(expected), "actual": str(actual)})


def check_frame_columns(frame: Any, schema: Any) -> bool:
    """Whether ``frame``'s columns are assigned to ``schema`` by name (all are strings);
    raises PySpark's errors when the names or the count do not match."""
    if all(isinstance(c, str) for c in frame.columns):
        wanted = [f.name for f in schema.fields]
        have = list(frame.columns)
        missing = [n for n in wanted if n not in have]
        extra = [n for n in have if n not in wanted]
        if missing or extra:
            detail = ""
            if missing:
                detail += " Missing: %s." % ", ".join(sorted(missing))
            if extra:
                detail += " Unexpected: %s." % ", ".join(sorted(extra))
            raise PySparkRuntimeError(
                "[RESULT_COLUMN_NAMES_MISMATCH] Column names of the returned data do not "
                "match specified schema.%s" % detail, "RESULT_COLUMN_NAMES_MISMATCH",
                {"missing": ", ".join(sorted(missing)), "extra": ", ".join(sorted(extra))})
        return True
    if len(frame.columns) != len(schema.fields):
        raise _column_count_error(len(schema.fields), len(frame.columns))
    return False
