"""Worker side of mapInPandas/mapInArrow, grouped and cogrouped maps, grouped aggregates.

Each function runs over one partition of internal-value rows (a Python RDD's
``mapPartitions``) and yields the result rows as internal values of the declared schema.
Grouped inputs arrive hash-partitioned and sorted by their leading key columns, so a group
is a run of consecutive rows with equal keys (NaN keys equal, as Spark groups them).
Results are checked as PySpark checks them (``UDF_RETURN_TYPE``,
``RESULT_COLUMN_NAMES_MISMATCH``, ...). Imported by Python workers: no py4j here.
"""

import itertools
from typing import Any, Callable, Iterable, Iterator, List

from ember.sql.pandas.arrow_types import in_time_zone
from ember.sql.pandas.udf_eval import checked_frames, checked_group_result, chunks, scalar_to_value

__all__ = ["map_batches", "group_map", "cogroup_map", "group_agg"]


def _parse(schema_json: str) -> Any:
    import json
    from ember.sql.types import _parse_datatype_json_value
    return _parse_datatype_json_value(json.loads(schema_json))


def frame_rows(frame: Any, schema: Any, tz: str) -> List[tuple]:
    """A result pandas DataFrame's rows as internal values of ``schema``."""
    import pyarrow as pa
    from ember.sql.pandas.arrow_values import batch_to_rows
    from ember.sql.pandas.pandas_values import check_frame_columns, pandas_to_arrays
    by_name = check_frame_columns(frame, schema)
    arrays = pandas_to_arrays(frame, schema, tz, by_name)
    if not arrays:
        return [()] * len(frame)
    return batch_to_rows(pa.RecordBatch.from_arrays(arrays, names=[f.name for f in schema.fields]),
                         schema)


def arrow_rows(table: Any, schema: Any) -> List[tuple]:
    """A result Arrow record batch's or table's rows as internal values of ``schema``
    (columns by name)."""
    import pyarrow as pa
    from ember.sql.pandas.arrow_values import batch_to_rows
    from ember.sql.pandas.pandas_values import check_frame_columns

    class _Columns:   # check_frame_columns reads only ``columns``
        columns = table.schema.names
    by_name = check_frame_columns(_Columns, schema)
    columns = [table.column(f.name) if by_name else table.column(i)
               for i, f in enumerate(schema.fields)]
    ordered = pa.Table.from_arrays(columns, names=[f.name for f in schema.fields]) \
        if columns else table
    return batch_to_rows(ordered, schema)


def map_batches(func: Callable, in_json: str, out_json: str, tz: str, batch_size: int,
                arrow: bool, rows: Iterable[tuple]) -> Iterator[tuple]:
    """mapInPandas (``arrow`` false) or mapInArrow over one partition."""
    from ember.sql.pandas.arrow_values import rows_to_batch
    from ember.sql.pandas.pandas_values import table_to_pandas
    in_schema, out_schema = _parse(in_json), _parse(out_json)

    def inputs() -> Iterator[Any]:
        for chunk in chunks(rows, batch_size):
            batch = rows_to_batch(chunk, in_schema)
            yield in_time_zone(batch, tz) if arrow else table_to_pandas(batch, in_schema, tz)

    for out in checked_frames(func(inputs()), arrow):
        yield from (arrow_rows(out, out_schema) if arrow else frame_rows(out, out_schema, tz))


def _key_of(nkeys: int) -> Callable[[tuple], tuple]:
    def key(row: tuple) -> tuple:
        return tuple(("NaN",) if isinstance(v, float) and v != v else v for v in row[:nkeys])
    return key


def _groups(rows: Iterable[tuple], nkeys: int) -> Iterator[List[tuple]]:
    for _, group in itertools.groupby(rows, _key_of(nkeys)):
        yield list(group)


def _key_value(row: tuple, key_schema: Any, tz: str, arrow: bool) -> tuple:
    """The group's key as the function sees it: numpy scalars (pandas) or Arrow scalars."""
    from ember.sql.pandas.arrow_values import rows_to_batch
    from ember.sql.pandas.pandas_values import table_to_pandas
    batch = rows_to_batch([row[:len(key_schema.fields)]], key_schema)
    if arrow:
        batch = in_time_zone(batch, tz)
        return tuple(batch.column(i)[0] for i in range(batch.num_columns))
    frame = table_to_pandas(batch, key_schema, tz)
    return tuple(frame.iloc[0, i] for i in range(len(key_schema.fields)))


def _table(rows: List[tuple], schema: Any, tz: str, arrow: bool) -> Any:
    import pyarrow as pa
    from ember.sql.pandas.arrow_values import rows_to_batch
    from ember.sql.pandas.pandas_values import table_to_pandas
    batch = rows_to_batch(rows, schema)
    return pa.Table.from_batches([in_time_zone(batch, tz)]) if arrow \
        else table_to_pandas(batch, schema, tz)


def _outputs(result: Any, out_schema: Any, tz: str, arrow: bool) -> List[tuple]:
    checked_group_result(result, arrow)
    return arrow_rows(result, out_schema) if arrow else frame_rows(result, out_schema, tz)


def group_map(func: Callable, takes_key: bool, key_json: str, data_json: str, out_json: str,
              tz: str, arrow: bool, rows: Iterable[tuple]) -> Iterator[tuple]:
    """applyInPandas / applyInArrow: rows are (keys..., the DataFrame's columns...)."""
    key_schema, data_schema, out_schema = _parse(key_json), _parse(data_json), _parse(out_json)
    nkeys = len(key_schema.fields)
    for group in _groups(rows, nkeys):
        data = _table([r[nkeys:] for r in group], data_schema, tz, arrow)
        result = func(_key_value(group[0], key_schema, tz, arrow), data) if takes_key \
            else func(data)
        yield from _outputs(result, out_schema, tz, arrow)


def cogroup_map(func: Callable, takes_key: bool, key_json: str, left_json: str,
                right_json: str, out_json: str, tz: str, arrow: bool,
                rows: Iterable[tuple]) -> Iterator[tuple]:
    """cogroup(...).applyInPandas: rows are (keys..., left struct or null, right struct or
    null), one side set per row."""
    key_schema, left, right = _parse(key_json), _parse(left_json), _parse(right_json)
    out_schema = _parse(out_json)
    nkeys = len(key_schema.fields)
    for group in _groups(rows, nkeys):
        lefts = [r[nkeys] for r in group if r[nkeys] is not None]
        rights = [r[nkeys + 1] for r in group if r[nkeys + 1] is not None]
        args = [_table(lefts, left, tz, arrow), _table(rights, right, tz, arrow)]
        if takes_key:
            args.insert(0, _key_value(group[0], key_schema, tz, arrow))
        yield from _outputs(func(*args), out_schema, tz, arrow)


def group_agg(udfs: List[Any], key_json: str, args_json: str, tz: str, global_agg: bool,
              rows: Iterable[tuple]) -> Iterator[tuple]:
    """Grouped-aggregate pandas UDFs: rows are (keys..., every UDF's arguments...); each
    group gives one row (keys..., results...). ``udfs`` holds (name, function, return type
    JSON, argument count) per UDF. A global aggregate of no rows gives no row (as PySpark 4.3)."""
    from ember.sql.pandas.arrow_values import rows_to_batch
    from ember.sql.pandas.pandas_values import array_to_series
    key_schema, args_schema = _parse(key_json), _parse(args_json)
    nkeys = len(key_schema.fields)
    return_types = [_parse(u[2]) for u in udfs]
    groups = _groups(rows, nkeys)
    if global_agg:
        everything = list(itertools.chain.from_iterable(groups))
        groups = iter([everything] if everything else [])
    for group in groups:
        batch = rows_to_batch([r[nkeys:] for r in group], args_schema)
        series = [array_to_series(batch.column(i), f.dataType, tz, True)
                  for i, f in enumerate(args_schema.fields)]
        results, at = [], 0
        for (name, func, _, count), rt in zip(udfs, return_types):
            results.append(scalar_to_value(func(*series[at:at + count]), rt, tz, name))
            at += count
        yield (tuple(group[0][:nkeys]) if group else ()) + tuple(results)


def window_agg(udf: Any, key_json: str, args_json: str, tz: str, replace: int,
               rows: Iterable[tuple]) -> Iterator[tuple]:
    """A grouped-aggregate pandas UDF over whole window partitions: rows are (keys...,
    arguments..., the DataFrame's columns...); each row leaves as its columns with the
    partition's result appended, or put at index ``replace`` (withColumn of an existing name)."""
    from ember.sql.pandas.arrow_values import rows_to_batch
    from ember.sql.pandas.pandas_values import array_to_series
    key_schema, args_schema = _parse(key_json), _parse(args_json)
    nkeys, nargs = len(key_schema.fields), len(args_schema.fields)
    name, func, return_json = udf
    return_type = _parse(return_json)
    for group in _groups(rows, nkeys):
        batch = rows_to_batch([r[nkeys:nkeys + nargs] for r in group], args_schema)
        series = [array_to_series(batch.column(i), f.dataType, tz, True)
                  for i, f in enumerate(args_schema.fields)]
        value = scalar_to_value(func(*series), return_type, tz, name)
        for r in group:
            data = r[nkeys + nargs:]
            yield data + (value,) if replace < 0 else \
                data[:replace] + (value,) + data[replace + 1:]
