"""Worker side of scalar pandas UDFs: argument rows in, one result per row out.

The JVM's Python UDF operator runs these as it runs row UDFs (docs/sql.md "Python UDFs"):
the first record is the tuple of argument types as JSON, then rows of internal values. Here
rows are gathered into batches of at most ``batch_size`` (PySpark's
``spark.sql.execution.arrow.maxRecordsPerBatch``), each argument becomes a pandas Series (a
struct argument a DataFrame) through Arrow, and the function's Series (or DataFrame, for a
struct result) is checked and converted back to internal values by the return type. A batch
is far below the JVM's bound on unanswered rows, so holding one back cannot stall the stream.
Imported by Python workers: no py4j here.
"""

import itertools
import json
from typing import Any, Callable, Iterable, Iterator, List

from ember.errors import PySparkRuntimeError, PySparkTypeError

__all__ = ["SQL_SCALAR_PANDAS_UDF", "SQL_GROUPED_MAP_PANDAS_UDF", "SQL_GROUPED_AGG_PANDAS_UDF",
           "SQL_SCALAR_PANDAS_ITER_UDF", "evaluate_pandas", "chunks", "scalar_to_value"]

SQL_SCALAR_PANDAS_UDF = 200
SQL_GROUPED_MAP_PANDAS_UDF = 201
SQL_GROUPED_AGG_PANDAS_UDF = 202
SQL_SCALAR_PANDAS_ITER_UDF = 204


def chunks(rows: Iterable[Any], size: int) -> Iterator[List[Any]]:
    """Lists of at most ``size`` consecutive rows."""
    it = iter(rows)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


def _return_type_error(expected: str, got: Any, actual: str = "") -> PySparkTypeError:
    actual = actual or type(got).__name__
    return PySparkTypeError(
        "[UDF_RETURN_TYPE] Return type of the user-defined function should be %s, but is %s."
        % (expected, actual), "UDF_RETURN_TYPE", {"expected": expected, "actual": actual})


def checked_frames(result: Any, arrow: bool) -> Iterator[Any]:
    """The batches a mapInPandas / mapInArrow function returned, each checked to be a pandas
    DataFrame (a pyarrow RecordBatch with ``arrow``), as PySpark checks them."""
    import pandas as pd
    import pyarrow as pa
    expected = "iterator of pyarrow.RecordBatch" if arrow else "iterator of pandas.DataFrame"
    if not hasattr(result, "__iter__") or isinstance(result, (pd.DataFrame, pa.RecordBatch)):
        raise _return_type_error(expected, result)
    for out in result:
        if arrow and not isinstance(out, pa.RecordBatch) or \
                not arrow and not isinstance(out, pd.DataFrame):
            raise _return_type_error(expected, out, "iterator of " + type(out).__name__)
        yield out


def checked_group_result(result: Any, arrow: bool) -> Any:
    """An applyInPandas / applyInArrow function's result, checked to be a pandas DataFrame (a
    pyarrow Table with ``arrow``)."""
    import pandas as pd
    import pyarrow as pa
    if arrow and not isinstance(result, pa.Table):
        raise _return_type_error("pyarrow.Table", result)
    if not arrow and not isinstance(result, pd.DataFrame):
        raise _return_type_error("pandas.DataFrame", result)
    return result


def _result_array(out: Any, return_type: Any, tz: str, name: str) -> Any:
    """The Arrow array (of ``return_type``'s Arrow type) of one batch's results."""
    import pandas as pd
    from ember.sql import types as T
    from ember.sql.pandas.arrow_values import cast_array
    from ember.sql.pandas.pandas_values import series_to_array
    expected = (pd.DataFrame,) if isinstance(return_type, T.StructType) else (pd.Series,)
    if not isinstance(out, expected):
        raise _return_type_error("pandas.DataFrame" if expected[0] is pd.DataFrame
                                 else "pandas.Series", out)
    return cast_array(series_to_array(out, return_type, tz, name), return_type, "UDF %s" % name)


def _results(out: Any, return_type: Any, tz: str, name: str) -> List[Any]:
    from ember.sql.pandas.arrow_values import array_to_values
    return array_to_values(_result_array(out, return_type, tz, name), return_type)


class _ArrowResults:
    """Results as Arrow streams of one column ``_0`` (rows that came as Arrow streams)."""

    def __init__(self, return_type: Any, tz: str, name: str):
        from ember.sql import types as T
        self.schema = T.StructType([T.StructField("_0", return_type, True)])
        self.return_type, self.tz, self.name = return_type, tz, name

    def __call__(self, out: Any) -> Any:
        from ember.sql.pandas.arrow_stream import schema_batch
        return schema_batch([_result_array(out, self.return_type, self.tz, self.name)],
                            self.schema)


def _arrow_chunks(records: Iterable[Any], size: int) -> Iterator[Any]:
    """Tables of exactly ``size`` rows (the last may be shorter) from Arrow stream records."""
    import pyarrow as pa
    from ember.sql.pandas.arrow_stream import read_batches
    pending: List[Any] = []
    count = 0
    for batch in read_batches(records):
        while batch.num_rows:
            take = min(size - count, batch.num_rows)
            pending.append(batch.slice(0, take))
            count += take
            batch = batch.slice(take)
            if count == size:
                yield pa.Table.from_batches(pending)
                pending, count = [], 0
    if pending:
        yield pa.Table.from_batches(pending)


def scalar_to_value(value: Any, return_type: Any, tz: str, name: str) -> Any:
    """The internal value of one result of a grouped-aggregate pandas UDF."""
    import pandas as pd
    from ember.sql.pandas.arrow_values import array_to_values, cast_array
    from ember.sql.pandas.pandas_values import series_to_array
    if isinstance(value, (pd.Series, pd.DataFrame)):
        raise PySparkTypeError(
            "[INVALID_RETURN_TYPE_FOR_PANDAS_UDF] Pandas UDF %s should return a scalar "
            "of %s, but returned %s." % (name, return_type.simpleString(),
                                        type(value).__name__),
            "INVALID_RETURN_TYPE_FOR_PANDAS_UDF", {"function_name": name})
    arr = series_to_array(pd.Series([value], dtype=object if value is None else None),
                          return_type, tz, name)
    return array_to_values(cast_array(arr, return_type, "UDF %s" % name), return_type)[0]


def _rows_mismatch(output: int, expected: int) -> PySparkRuntimeError:
    return PySparkRuntimeError(
        "[RESULT_ROWS_MISMATCH] The number of output rows (%d) must match the number of "
        "input rows (%d)." % (output, expected), "RESULT_ROWS_MISMATCH",
        {"output_length": str(output), "input_length": str(expected)})


def evaluate_pandas(name: str, func: Callable, return_type_text: str, eval_type: int, tz: str,
                    batch_size: int, _index: int, records: Iterable[tuple]) -> Iterator[Any]:
    """The worker's loop for a scalar (200) or scalar-iterator (204) pandas UDF."""
    from ember.sql.types import _parse_datatype_json_value, _parse_datatype_string
    from ember.sql.pandas.arrow_values import values_to_array
    from ember.sql.pandas.pandas_values import array_to_series
    if eval_type == SQL_GROUPED_AGG_PANDAS_UDF:
        raise PySparkRuntimeError(
            "[INVALID_PANDAS_UDF_PLACEMENT] The group aggregate pandas UDF `%s` can only be "
            "used in groupBy().agg() or agg()." % name, "INVALID_PANDAS_UDF_PLACEMENT",
            {"functionList": "`%s`" % name})
    return_type = _parse_datatype_string(return_type_text)
    it = iter(records)
    header = next(it, None)
    if header is None:
        return
    types = [_parse_datatype_json_value(json.loads(t)) for t in header]
    first = next(it, None)
    it = itertools.chain([] if first is None else [first], it)
    if isinstance(first, bytes):   # argument rows as Arrow streams: answer with Arrow streams
        from ember.sql.pandas.arrow_stream import stream_bytes
        convert = _ArrowResults(return_type, tz, name)
        source: Iterator[Any] = _arrow_chunks(it, batch_size)

        def series_of(chunk: Any) -> List[Any]:
            return [array_to_series(chunk.column(i), t, tz, True) for i, t in enumerate(types)]

        def answer(out: Any) -> Iterator[Any]:
            yield stream_bytes(out)

        def results(out: Any) -> Any:
            return convert(out)
    else:
        source = chunks(it, batch_size)

        def series_of(chunk: Any) -> List[Any]:
            return [array_to_series(values_to_array([r[i] for r in chunk], t), t, tz, True)
                    for i, t in enumerate(types)]

        def answer(out: Any) -> Iterator[Any]:
            return iter(out)

        def results(out: Any) -> Any:
            return _results(out, return_type, tz, name)

    if eval_type == SQL_SCALAR_PANDAS_UDF:
        for chunk in source:
            values = results(func(*series_of(chunk)))
            if len(values) != len(chunk):
                raise _rows_mismatch(len(values), len(chunk))
            yield from answer(values)
        return
    seen = [0]

    def inputs() -> Iterator[Any]:
        for chunk in source:
            seen[0] += len(chunk)
            args = series_of(chunk)
            yield args[0] if len(args) == 1 else tuple(args)

    out_rows = 0
    result = func(inputs())
    if not hasattr(result, "__next__") and not hasattr(result, "__iter__"):
        raise _return_type_error("iterator of pandas.Series", result)
    for out in result:
        values = results(out)
        out_rows += len(values)
        if out_rows > seen[0]:
            raise _rows_mismatch(out_rows, seen[0])
        yield from answer(values)
    if next(source, None) is not None:
        raise PySparkRuntimeError(
            "[STOP_ITERATION_OCCURRED_FROM_SCALAR_ITER_PANDAS_UDF] pandas iterator UDF should "
            "exhaust the input iterator.", "STOP_ITERATION_OCCURRED_FROM_SCALAR_ITER_PANDAS_UDF",
            {})
    if out_rows != seen[0]:
        raise _rows_mismatch(out_rows, seen[0])
