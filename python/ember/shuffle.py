"""The Python side of shuffles, run inside workers.

Map side: ``partition_pairs`` places (key, value) records in partitions by
``partition_func(key) % num_partitions`` (Ember's ``portable_hash`` by default) and yields
(partition id, batch) pairs, the worker's MODE_PARTITIONED_BATCHES output;
``combine_and_partition`` first combines values per key. When memory passes the limit the map
side just emits what it holds: partial combiners are correct, the reduce side merges them.
Records are not checked one by one: one that is not a pair fails to unpack, and only then is
its chunk scanned for the TypeError that names the operation (``what``).

Both sides run their loops over chunks of records paced by ``aggregation.MemoryMeter``, which
also holds the merge loops and the memory readings.

Reduce side: ``ExternalMerger`` merges values or combiners per key in a dict. Past the memory
limit (``ember.python.worker.memory``, MB) it spills the dict to disk, split by a salted hash
of the key into SPILL_BUCKETS files. At the end it spills what is left and merges one bucket
at a time: every key lives in exactly one bucket, so a bucket's merge is complete on its own.
A bucket too big for memory is split again at the next depth (another salt), up to MAX_DEPTH.
One key's combiner (e.g. one huge group) must still fit in memory.

>>> agg = Aggregator(lambda v: v, lambda c, v: c + v, lambda a, b: a + b)
>>> sorted(merge_values([("a", 1), ("b", 2), ("a", 3)], agg))
[('a', 4), ('b', 2)]
"""

import heapq
import os
import pickle
import shutil
import tempfile
from typing import (Any, BinaryIO, Callable, Dict, Hashable, Iterable, Iterator, List, Optional,
                    Tuple)

from ember import wire
from ember.aggregation import (CHECK_EVERY, DEFAULT_MEMORY_LIMIT_MB, GROUP_AGGREGATOR,  # noqa: F401
                               MB, Aggregator, MemoryMeter, combine_values, limit_bytes,
                               merge_combiners_into, used_memory)
from ember.hashing import HASH_BY_TYPE as _HASH_BY_TYPE, portable_hash
from ember.serializers import dumps_records
from ember.taskcontext import TaskContext

DEFAULT_BATCH_RECORDS = 1024
"""Records per map-output batch (per partition)."""
SPILL_BUCKETS = 32
MAX_DEPTH = 2

Pair = Tuple[Hashable, Any]
Batches = Iterator[Tuple[int, List[Pair]]]


class SpillMetrics:
    """Bytes spilled by the current task; the worker resets and reports them per task."""

    def __init__(self) -> None:
        self.memory_bytes_spilled = 0
        self.disk_bytes_spilled = 0

    def reset(self) -> None:
        self.memory_bytes_spilled = 0
        self.disk_bytes_spilled = 0


metrics = SpillMetrics()


# -- map side ------------------------------------------------------------------------------

def not_a_pair(item: Any, what: str) -> TypeError:
    return TypeError("%s needs an RDD of (key, value) pairs; got element %r of type %s"
                     % (what, item, type(item).__name__))


def _raise_if_not_pairs(chunk: List[Any], what: Optional[str]) -> None:
    """Raises not_a_pair for the first element of ``chunk`` that is not a list or tuple of
    two; returns if there is none (the error at hand came from elsewhere)."""
    if what is None:
        return
    for item in chunk:
        if not (isinstance(item, (tuple, list)) and len(item) == 2):
            raise not_a_pair(item, what) from None


def _emit_full(buckets: List[List[Pair]], batch_records: int) -> Batches:
    """Yields every bucket holding at least ``batch_records`` pairs, in batches of exactly
    that many; the remainder stays in the bucket."""
    for pid, bucket in enumerate(buckets):
        n = len(bucket)
        if n >= batch_records:
            full = n - n % batch_records
            for start in range(0, full, batch_records):
                yield pid, bucket[start:start + batch_records]
            buckets[pid] = bucket[full:]


def _emit_all(buckets: List[List[Pair]], batch_records: int) -> Batches:
    yield from _emit_full(buckets, batch_records)
    for pid, bucket in enumerate(buckets):
        if bucket:
            buckets[pid] = []
            yield pid, bucket


def partition_pairs(pairs: Iterable[Pair], num_partitions: int,
                    partition_func: Callable[[Any], int] = portable_hash,
                    batch_records: int = DEFAULT_BATCH_RECORDS,
                    memory_limit_mb: Optional[float] = None,
                    measure: Callable[[], int] = used_memory,
                    what: Optional[str] = None) -> Batches:
    """Yields (partition id, list of at most ``batch_records`` pairs); a partition's pairs
    are yielded once it holds a full batch, and everything is flushed when memory passes the
    limit. With ``what`` (the operation's name), a record that is not a pair raises a
    TypeError naming it."""
    if num_partitions < 1:
        raise ValueError("num_partitions must be positive")
    n = num_partitions
    meter = MemoryMeter(limit_bytes(memory_limit_mb), measure)
    buckets: List[List[Pair]] = [[] for _ in range(n)]
    by_type = _HASH_BY_TYPE if partition_func is portable_hash else None
    for chunk in meter.chunks(pairs):
        appends = [b.append for b in buckets]
        try:
            if by_type is not None:
                for pair in chunk:
                    k, _ = pair
                    fn = by_type.get(k.__class__)
                    appends[(fn(k) if fn is not None else portable_hash(k)) % n](pair)
            else:
                for pair in chunk:
                    k, _ = pair
                    appends[partition_func(k) % n](pair)
        except (TypeError, ValueError):
            _raise_if_not_pairs(chunk, what)
            raise
        chunk = appends = None
        if meter.over():
            yield from _emit_all(buckets, batch_records)
            meter.freed()
        else:
            yield from _emit_full(buckets, batch_records)
    yield from _emit_all(buckets, batch_records)


def combine_and_partition(pairs: Iterable[Pair], aggregator: Aggregator, num_partitions: int,
                          partition_func: Callable[[Any], int] = portable_hash,
                          batch_records: int = DEFAULT_BATCH_RECORDS,
                          memory_limit_mb: Optional[float] = None,
                          measure: Callable[[], int] = used_memory,
                          what: Optional[str] = None) -> Batches:
    """Map-side combine: yields (partition id, list of (key, combiner)). Past the memory
    limit the combiners held so far are emitted and combining starts afresh. ``what`` as in
    ``partition_pairs``."""
    meter = MemoryMeter(limit_bytes(memory_limit_mb), measure)
    data: Dict[Hashable, Any] = {}
    hits = False
    for chunk in meter.chunks(pairs):
        try:
            hits = combine_values(data, chunk, aggregator, hits)
        except (TypeError, ValueError):
            _raise_if_not_pairs(chunk, what)
            raise
        chunk = None
        if meter.over():
            items, data = data.items(), {}
            yield from partition_pairs(items, num_partitions, partition_func, batch_records,
                                       memory_limit_mb=0)
            items = None
            meter.freed()
    yield from partition_pairs(data.items(), num_partitions, partition_func, batch_records,
                               memory_limit_mb=0)


# -- reduce side ---------------------------------------------------------------------------

class ExternalMerger:
    """Merges (key, value) or (key, combiner) pairs in memory, spilling to disk past a limit.

    Feed it with ``merge_values`` / ``merge_combiners`` (any number of calls), then iterate
    ``items()`` once. Spill files go to a private directory under ``spill_dir`` (default: the
    task's spill dir, else the system temp dir), removed when ``items()`` is exhausted or
    closed, or by ``cleanup()``.
    """

    def __init__(self, aggregator: Aggregator, memory_limit_mb: Optional[float] = None,
                 spill_dir: Optional[str] = None, measure: Callable[[], int] = used_memory,
                 depth: int = 0):
        self.aggregator = aggregator
        self.meter = MemoryMeter(limit_bytes(memory_limit_mb), measure)
        self.limit = self.meter.limit
        self.spill_dir = spill_dir
        self.measure = measure
        self.depth = depth
        self.data: Dict[Hashable, Any] = {}
        self.spills = 0
        self.memory_bytes_spilled = 0
        self.disk_bytes_spilled = 0
        self._dir: Optional[str] = None
        self._salt = 0x5EED0000 + depth

    def merge_values(self, pairs: Iterable[Pair]) -> None:
        hits = False
        for chunk in self.meter.chunks(pairs):
            hits = combine_values(self.data, chunk, self.aggregator, hits)
            chunk = None
            if self.meter.over():
                self._spill()

    def merge_combiners(self, pairs: Iterable[Pair]) -> None:
        merge = self.aggregator.merge_combiners
        for chunk in self.meter.chunks(pairs):
            merge_combiners_into(self.data, chunk, merge)
            chunk = None
            if self.meter.over():
                self._spill()

    def _bucket_path(self, i: int) -> str:
        if self._dir is None:
            self._dir = _private_dir(self.spill_dir, "ember-spill-%d-" % self.depth)
        return os.path.join(self._dir, "bucket-%02d" % i)

    def _spill(self) -> None:
        """Appends every in-memory pair to its bucket file and empties the dict."""
        before = self.measure()
        buckets: List[List[Pair]] = [[] for _ in range(SPILL_BUCKETS)]
        salt = self._salt
        for pair in self.data.items():
            buckets[hash((salt, pair[0])) % SPILL_BUCKETS].append(pair)
        self.data = {}
        written = 0
        for i in range(SPILL_BUCKETS):
            items, buckets[i] = buckets[i], []
            if items:
                with open(self._bucket_path(i), "ab") as f:
                    written += _write_spill(f, items)
            items = None
        del buckets
        self.spills += 1
        self.disk_bytes_spilled += written
        metrics.disk_bytes_spilled += written
        freed = max(before - self.meter.freed(), 0)
        self.memory_bytes_spilled += freed
        metrics.memory_bytes_spilled += freed

    def items(self) -> Iterator[Pair]:
        """Yields each key once with its merged combiner."""
        if not self.spills:
            data, self.data = self.data, {}
            yield from data.items()
            return
        try:
            if self.data:
                self._spill()
            for i in range(SPILL_BUCKETS):
                path = self._bucket_path(i)
                if os.path.exists(path):
                    yield from self._merge_bucket(path)
                    os.unlink(path)
        finally:
            self.cleanup()

    def _merge_bucket(self, path: str) -> Iterator[Pair]:
        merge = self.aggregator.merge_combiners
        merged: Dict[Hashable, Any] = {}
        pairs = _read_spill(path)
        for chunk in self.meter.chunks(pairs):
            merge_combiners_into(merged, chunk, merge)
            chunk = None
            if self.meter.over() and self.depth < MAX_DEPTH:
                # Too big for memory: split this bucket again with another salt.
                sub = ExternalMerger(self.aggregator, self.limit / MB, self._dir,
                                     self.measure, self.depth + 1)
                sub.data, merged = merged, {}
                sub._spill()
                sub.merge_combiners(pairs)
                yield from sub.items()
                return
        yield from merged.items()

    def cleanup(self) -> None:
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None


class ExternalSorter:
    """Sorts records by a key, within a memory limit (``ember.python.worker.memory`` unless
    given). Past the limit it sorts the records it holds and writes them to a run file; at the
    end it merges the runs and what is left in memory (heapq.merge). Like ``sorted``, the order
    is stable. Runs go to a private directory under ``spill_dir`` (default: the task's spill
    dir), removed when the sorted records are exhausted or their iterator is closed.
    """

    def __init__(self, memory_limit_mb: Optional[float] = None, spill_dir: Optional[str] = None,
                 measure: Callable[[], int] = used_memory):
        self.meter = MemoryMeter(limit_bytes(memory_limit_mb), measure)
        self.spill_dir = spill_dir
        self.runs: List[str] = []

    def sorted(self, records: Iterable[Any], key: Callable[[Any], Any],
               reverse: bool = False) -> Iterator[Any]:
        held: List[Any] = []
        run_dir = None
        try:
            for chunk in self.meter.chunks(records):
                held.extend(chunk)
                chunk = None
                if self.meter.over():
                    held.sort(key=key, reverse=reverse)
                    run_dir = run_dir or _private_dir(self.spill_dir, "ember-sort-")
                    path = os.path.join(run_dir, "run-%04d" % len(self.runs))
                    with open(path, "wb") as f:
                        written = _write_spill(f, held)
                    self.runs.append(path)
                    metrics.disk_bytes_spilled += written
                    held = []
                    self.meter.freed()
            held.sort(key=key, reverse=reverse)
            if not self.runs:
                yield from held
                return
            streams = [_read_spill(path) for path in self.runs] + [iter(held)]
            held = []
            yield from heapq.merge(*streams, key=key, reverse=reverse)
        finally:
            if run_dir is not None:
                shutil.rmtree(run_dir, ignore_errors=True)


def sort_pairs(pairs: Iterable[Pair], keyfunc: Callable[[Any], Any], ascending: bool = True,
               memory_limit_mb: Optional[float] = None) -> Iterator[Pair]:
    """A partition's (key, value) pairs sorted by ``keyfunc(key)``, spilling past the limit."""
    return ExternalSorter(memory_limit_mb).sorted(pairs, key=lambda kv: keyfunc(kv[0]),
                                                  reverse=not ascending)


def _private_dir(base: Optional[str], prefix: str) -> str:
    """A new directory under ``base``, else the task's spill dir, else the system temp dir."""
    if not base:
        ctx = TaskContext.get()
        base = (ctx.spill_dir if ctx is not None else "") or None
    return tempfile.mkdtemp(prefix=prefix, dir=base)


def _write_spill(f: BinaryIO, items: List[Pair], max_bytes: int = 1 << 20) -> int:
    """Writes ``items`` as frames of pickled lists of at most about ``max_bytes`` each (the
    records per frame are learned as frames are written, as in PartitionedBatchSerializer);
    returns the bytes written."""
    written = 0
    step = 1
    start = 0
    while start < len(items):
        part = items[start:start + step]
        data = dumps_records(part, wire.PICKLE_PROTOCOL)
        f.write(wire.INT32.pack(len(data)))
        f.write(data)
        written += 4 + len(data)
        start += len(part)
        step = max(1, min(max_bytes * len(part) // len(data), 4 * step))
    return written


def _read_spill(path: str) -> Iterator[Pair]:
    with open(path, "rb", buffering=1 << 16) as f:
        while True:
            head = f.read(4)
            if not head:
                return
            yield from pickle.loads(wire.read_exact(f, wire.INT32.unpack(head)[0]))


def merge_values(pairs: Iterable[Pair], aggregator: Aggregator,
                 memory_limit_mb: Optional[float] = None,
                 spill_dir: Optional[str] = None) -> Iterator[Pair]:
    """Reduce side without map-side combine: (key, value) pairs in, (key, combiner) out."""
    merger = ExternalMerger(aggregator, memory_limit_mb, spill_dir)
    merger.merge_values(pairs)
    return merger.items()


def merge_combiners(pairs: Iterable[Pair], aggregator: Aggregator,
                    memory_limit_mb: Optional[float] = None,
                    spill_dir: Optional[str] = None) -> Iterator[Pair]:
    """Reduce side after map-side combine: (key, combiner) in, (key, merged combiner) out."""
    merger = ExternalMerger(aggregator, memory_limit_mb, spill_dir)
    merger.merge_combiners(pairs)
    return merger.items()


def group_by_key(pairs: Iterable[Pair], memory_limit_mb: Optional[float] = None,
                 spill_dir: Optional[str] = None) -> Iterator[Tuple[Hashable, List[Any]]]:
    """Reduce side of groupByKey from (key, value) pairs: yields (key, list of values)."""
    return merge_values(pairs, GROUP_AGGREGATOR, memory_limit_mb, spill_dir)
