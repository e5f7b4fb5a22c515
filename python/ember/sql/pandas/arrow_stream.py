"""Arrow streams between the JVM and a Python worker (worker side).

For pandas and Arrow functions the JVM sends each partition as records that are the bytes of
one Arrow IPC stream (one record batch of at most
``spark.sql.execution.arrow.maxRecordsPerBatch`` rows, written straight from its column
vectors by ``io.ember.python.arrow.ArrowBatchWriter``) and reads the records the worker
yields the same way, so no row is pickled on either side. Types follow ``arrow_types``
(timestamps ``us`` in UTC). Grouped inputs arrive sorted by their leading key columns, cut
into batches without regard to groups: ``group_runs`` finds the groups again and carries an
unfinished last group into the next batch. Imported by Python workers: no py4j here.
"""

from typing import Any, Iterable, Iterator, List, Tuple

from ember.sql.pandas.arrow_types import to_arrow_schema
from ember.sql.pandas.arrow_values import cast_array

__all__ = ["read_batches", "stream_bytes", "schema_batch", "runs", "grouped_tables"]


def read_batches(records: Iterable[bytes]) -> Iterator[Any]:
    """The record batches of each stream in ``records``, without copying their buffers."""
    import pyarrow as pa
    for data in records:
        reader = pa.ipc.open_stream(pa.py_buffer(data))
        yield from reader


def stream_bytes(batch: Any) -> bytes:
    """One record batch as the bytes of an Arrow IPC stream."""
    import pyarrow as pa
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write_batch(batch)
    return sink.getvalue().to_pybytes()


def schema_batch(arrays: List[Any], schema: Any, what: str = "result") -> Any:
    """A record batch of ``schema``'s Arrow schema from one array per field (cast to the
    field's type; a ``PySparkTypeError`` naming the column when Arrow cannot). ``schema``
    has at least one field (callers keep the pickled path for empty schemas)."""
    import pyarrow as pa
    columns = [cast_array(a, f.dataType, "%s column %s" % (what, f.name))
               for a, f in zip(arrays, schema.fields)]
    return pa.RecordBatch.from_arrays(columns, schema=to_arrow_schema(schema))


def _changes(col: Any) -> Any:
    """A boolean array, one per row after the first: whether the row's value differs from
    the previous row's (nulls equal nulls, NaN equals NaN)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    n = len(col)
    a, b = col.slice(1), col.slice(0, n - 1)
    t = col.type
    if pa.types.is_nested(t) or pa.types.is_dictionary(t):
        values = col.to_pylist()
        return pa.array([values[i] != values[i - 1] for i in range(1, n)], pa.bool_())
    a_null, b_null = pc.is_null(a), pc.is_null(b)
    differ = pc.fill_null(pc.not_equal(a, b), False)
    if pa.types.is_floating(t):
        both_nan = pc.fill_null(pc.and_(pc.is_nan(a), pc.is_nan(b)), False)
        differ = pc.and_(differ, pc.invert(both_nan))
    return pc.or_(differ, pc.xor(a_null, b_null))


def runs(table: Any, nkeys: int) -> List[Tuple[int, int]]:
    """(start, end) of each run of rows with equal values in the first ``nkeys`` columns."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    n = table.num_rows
    if n == 0:
        return []
    if nkeys == 0 or n == 1:
        return [(0, n)]
    changed = None
    for i in range(nkeys):
        col = table.column(i)
        if isinstance(col, pa.ChunkedArray):
            col = col.combine_chunks()
        c = _changes(col)
        changed = c if changed is None else pc.or_(changed, c)
    starts = np.concatenate(([0], np.flatnonzero(changed.to_numpy(zero_copy_only=False)) + 1))
    ends = np.append(starts[1:], n)
    return list(zip(starts.tolist(), ends.tolist()))


def grouped_tables(records: Iterable[bytes], nkeys: int) -> Iterator[Tuple[Any, List[Tuple[int, int]]]]:
    """(table, runs) per input batch, every run a whole group: the last run of a batch is
    held back and joined to the next batch, as a group may continue there."""
    import pyarrow as pa
    carry = None
    for batch in read_batches(records):
        table = pa.Table.from_batches([batch])
        if carry is not None:
            table = pa.concat_tables([carry, table]).combine_chunks()
        found = runs(table, nkeys)
        if not found:
            continue
        last = found[-1][0]
        carry = table.slice(last)
        if len(found) > 1:
            yield table.slice(0, last), found[:-1]
    if carry is not None and carry.num_rows:
        yield carry, runs(carry, nkeys)
