"""Worker side of mapInPandas/mapInArrow, grouped and cogrouped maps and grouped-aggregate
pandas UDFs over Arrow streams (``arrow_stream``): batches in, batches out, no row handled
one at a time in Python. The pickled-rows twins in ``worker_ops`` remain for schemas with a
type that has no Arrow form on the JVM side. Results are checked exactly as there
(``UDF_RETURN_TYPE``, ``RESULT_COLUMN_NAMES_MISMATCH``, ...). Arrow functions see timestamps
labelled with the session time zone, as PySpark hands them over. Imported by Python workers:
no py4j here.
"""

from typing import Any, Callable, Iterable, Iterator, List

from ember.sql.pandas.arrow_stream import grouped_tables, read_batches, schema_batch, \
    stream_bytes
from ember.sql.pandas.arrow_types import in_time_zone
from ember.sql.pandas.udf_eval import checked_frames, checked_group_result, scalar_to_value
from ember.sql.pandas.worker_ops import _parse

__all__ = ["map_batches", "group_map", "cogroup_map", "group_agg"]


def _frame_bytes(frame: Any, schema: Any, tz: str) -> bytes:
    """A result pandas DataFrame as an Arrow stream of ``schema``."""
    from ember.sql.pandas.pandas_values import check_frame_columns, pandas_to_arrays
    by_name = check_frame_columns(frame, schema)
    return stream_bytes(schema_batch(pandas_to_arrays(frame, schema, tz, by_name), schema))


def _arrow_bytes(table: Any, schema: Any) -> bytes:
    """A result Arrow table or record batch as an Arrow stream of ``schema`` (columns by
    name when all are named, else by position)."""
    from ember.sql.pandas.pandas_values import check_frame_columns

    class _Columns:   # check_frame_columns reads only ``columns``
        columns = table.schema.names
    by_name = check_frame_columns(_Columns, schema)
    columns = [table.column(f.name) if by_name else table.column(i)
               for i, f in enumerate(schema.fields)]
    return stream_bytes(schema_batch(columns, schema))


def _to_pandas(table: Any, schema: Any, tz: str) -> Any:
    from ember.sql.pandas.pandas_values import table_to_pandas
    return table_to_pandas(table, schema, tz)


def map_batches(func: Callable, in_json: str, out_json: str, tz: str, arrow: bool,
                records: Iterable[bytes]) -> Iterator[bytes]:
    """mapInPandas (``arrow`` false) or mapInArrow over one partition's Arrow batches."""
    in_schema, out_schema = _parse(in_json), _parse(out_json)

    def inputs() -> Iterator[Any]:
        for batch in read_batches(records):
            yield in_time_zone(batch, tz) if arrow else _to_pandas(batch, in_schema, tz)

    for out in checked_frames(func(inputs()), arrow):
        yield _arrow_bytes(out, out_schema) if arrow else _frame_bytes(out, out_schema, tz)


def _result_bytes(result: Any, out_schema: Any, tz: str, arrow: bool) -> bytes:
    checked_group_result(result, arrow)
    return _arrow_bytes(result, out_schema) if arrow else _frame_bytes(result, out_schema, tz)


def group_map(func: Callable, takes_key: bool, in_json: str, nkeys: int, out_json: str,
              tz: str, arrow: bool, records: Iterable[bytes]) -> Iterator[bytes]:
    """applyInPandas / applyInArrow: batches are (keys..., the DataFrame's columns...),
    sorted by the keys. ``in_json`` is that whole schema."""
    in_schema, out_schema = _parse(in_json), _parse(out_json)
    ncols = len(in_schema.fields)
    data_columns = list(range(nkeys, ncols))
    for table, found in grouped_tables(records, nkeys):
        if arrow:
            table = in_time_zone(table, tz)
            for start, end in found:
                data = table.slice(start, end - start).select(data_columns)
                key = tuple(table.column(i)[start] for i in range(nkeys))
                yield _result_bytes(func(key, data) if takes_key else func(data), out_schema,
                                    tz, arrow)
            continue
        frame = _to_pandas(table, in_schema, tz)
        for start, end in found:
            data = frame.iloc[start:end, nkeys:].reset_index(drop=True)
            if takes_key:
                key = tuple(frame.iloc[start, i] for i in range(nkeys))
                result = func(key, data)
            else:
                result = func(data)
            yield _result_bytes(result, out_schema, tz, arrow)


def _side(table: Any, column: int, schema: Any) -> Any:
    """One side of a cogroup over a whole batch: (the struct column's fields as a table, one
    row per batch row, and a numpy mask of the rows that belong to this side)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    structs = table.column(column).combine_chunks()
    side = pa.Table.from_arrays(structs.flatten(), names=[f.name for f in schema.fields])
    return side, pc.is_valid(structs).to_numpy(zero_copy_only=False)


def cogroup_map(func: Callable, takes_key: bool, key_json: str, left_json: str,
                right_json: str, out_json: str, tz: str, arrow: bool,
                records: Iterable[bytes]) -> Iterator[bytes]:
    """cogroup(...).applyInPandas: batches are (keys..., left struct or null, right struct
    or null), sorted by the keys; one side set per row. Each side of a batch is converted
    once; a group takes its side's rows of its run."""
    key_schema, left, right = _parse(key_json), _parse(left_json), _parse(right_json)
    out_schema = _parse(out_json)
    nkeys = len(key_schema.fields)
    for table, found in grouped_tables(records, nkeys):
        table = in_time_zone(table, tz) if arrow else table
        sides = []
        for column, schema in ((nkeys, left), (nkeys + 1, right)):
            side, mask = _side(table, column, schema)
            sides.append((side if arrow else _to_pandas(side, schema, tz), mask))
        keys = None if arrow or not takes_key else \
            _to_pandas(table.select(list(range(nkeys))), key_schema, tz)
        for start, end in found:
            args = []
            for data, mask in sides:
                rows = mask[start:end].nonzero()[0] + start
                args.append(data.take(rows) if arrow else
                            data.iloc[rows].reset_index(drop=True))
            if takes_key:
                args.insert(0, tuple(table.column(i)[start] for i in range(nkeys)) if arrow
                            else tuple(keys.iloc[start, i] for i in range(nkeys)))
            yield _result_bytes(func(*args), out_schema, tz, arrow)


def group_agg(udfs: List[Any], in_json: str, nkeys: int, tz: str, global_agg: bool,
              out_json: str, records: Iterable[bytes]) -> Iterator[bytes]:
    """Grouped-aggregate pandas UDFs: batches are (keys..., every UDF's arguments...) sorted
    by the keys; each group gives one row (keys..., results...). ``udfs`` holds (name,
    function, return type JSON, argument count) per UDF. A global aggregate of no rows gives
    no row (as PySpark 4.3)."""
    import pyarrow as pa
    from ember.sql.pandas.arrow_values import array_to_values, rows_to_batch
    from ember.sql.pandas.pandas_values import array_to_series
    in_schema, out_schema = _parse(in_json), _parse(out_json)
    arg_fields = in_schema.fields[nkeys:]
    return_types = [_parse(u[2]) for u in udfs]
    if global_agg:   # one partition; no rows give no row, as PySpark 4.3
        batches = list(read_batches(records))
        table = pa.Table.from_batches(batches) if batches else None
        groups = iter([(table, [(0, table.num_rows)])] if table is not None and table.num_rows
                      else [])
    else:
        groups = grouped_tables(records, nkeys)
    for table, found in groups:
        series = [array_to_series(table.column(nkeys + i), f.dataType, tz, True)
                  for i, f in enumerate(arg_fields)]
        keys = [array_to_values(table.column(i), in_schema.fields[i].dataType)
                for i in range(nkeys)]
        rows = []
        for start, end in found:
            parts = [s.iloc[start:end].reset_index(drop=True) for s in series]
            results, at = [], 0
            for (name, func, _, count), rt in zip(udfs, return_types):
                results.append(scalar_to_value(func(*parts[at:at + count]), rt, tz, name))
                at += count
            rows.append(tuple(k[start] for k in keys) + tuple(results))
        yield stream_bytes(rows_to_batch(rows, out_schema))
