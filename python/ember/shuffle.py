"""The Python side of shuffles, run inside workers.

Map side: ``partition_pairs`` places (key, value) records in partitions by
``partition_func(key) % num_partitions`` (Ember's ``portable_hash`` by default) and yields
(partition id, batch) pairs, the worker's MODE_PARTITIONED_BATCHES output;
``combine_and_partition`` first combines values per key. When memory passes the limit the map
side just emits what it holds: partial combiners are correct, the reduce side merges them.

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

import os
import pickle
import shutil
import sys
import tempfile
from typing import (Any, BinaryIO, Callable, Dict, Hashable, Iterable, Iterator, List,
                    NamedTuple, Optional, Tuple)

from ember import wire
from ember.hashing import portable_hash
from ember.taskcontext import TaskContext

DEFAULT_MEMORY_LIMIT_MB = 512
DEFAULT_BATCH_RECORDS = 1024
"""Records per map-output batch (per partition)."""
CHECK_EVERY = 1000
"""Records between memory measurements."""
SPILL_BUCKETS = 32
MAX_DEPTH = 2
_MB = 1 << 20

Pair = Tuple[Hashable, Any]
Batches = Iterator[Tuple[int, List[Pair]]]


class Aggregator(NamedTuple):
    """combineByKey's three functions."""
    create_combiner: Callable[[Any], Any]
    merge_value: Callable[[Any, Any], Any]
    merge_combiners: Callable[[Any, Any], Any]


def _new_group(v: Any) -> List[Any]:
    return [v]


def _append(group: List[Any], v: Any) -> List[Any]:
    group.append(v)
    return group


def _extend(a: List[Any], b: List[Any]) -> List[Any]:
    a.extend(b)
    return a


GROUP_AGGREGATOR = Aggregator(_new_group, _append, _extend)
"""Collects the values of each key into a list (groupByKey)."""


class SpillMetrics:
    """Bytes spilled by the current task; the worker resets and reports them per task."""

    def __init__(self) -> None:
        self.memory_bytes_spilled = 0
        self.disk_bytes_spilled = 0

    def reset(self) -> None:
        self.memory_bytes_spilled = 0
        self.disk_bytes_spilled = 0


metrics = SpillMetrics()


def used_memory() -> int:
    """This process's resident set size in bytes (peak RSS where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


def _limit_bytes(memory_limit_mb: Optional[float]) -> int:
    if memory_limit_mb is None:
        ctx = TaskContext.get()
        memory_limit_mb = ctx.memory_limit_mb if ctx is not None else DEFAULT_MEMORY_LIMIT_MB
    return int(memory_limit_mb * _MB) if memory_limit_mb > 0 else 0


def _next_threshold(limit: int, measure: Callable[[], int]) -> int:
    # After freeing memory the RSS rarely drops to where it was (allocator arenas), so the
    # next spill waits for real growth instead of firing at every check.
    return max(limit, measure() + max(limit // 4, _MB))


# -- map side ------------------------------------------------------------------------------

def partition_pairs(pairs: Iterable[Pair], num_partitions: int,
                    partition_func: Callable[[Any], int] = portable_hash,
                    batch_records: int = DEFAULT_BATCH_RECORDS,
                    memory_limit_mb: Optional[float] = None,
                    measure: Callable[[], int] = used_memory) -> Batches:
    """Yields (partition id, list of pairs); a partition's list is yielded when it holds
    ``batch_records`` pairs, and all lists are flushed when memory passes the limit."""
    if num_partitions < 1:
        raise ValueError("num_partitions must be positive")
    limit = _limit_bytes(memory_limit_mb)
    threshold = limit
    buckets: List[List[Pair]] = [[] for _ in range(num_partitions)]
    countdown = CHECK_EVERY
    for pair in pairs:
        pid = partition_func(pair[0]) % num_partitions
        bucket = buckets[pid]
        bucket.append(pair)
        if len(bucket) >= batch_records:
            yield pid, bucket
            buckets[pid] = []
        countdown -= 1
        if not countdown:
            countdown = CHECK_EVERY
            if limit and measure() > threshold:
                for i, b in enumerate(buckets):
                    if b:
                        yield i, b
                        buckets[i] = []
                threshold = _next_threshold(limit, measure)
    for i, b in enumerate(buckets):
        if b:
            yield i, b


def combine_and_partition(pairs: Iterable[Pair], aggregator: Aggregator, num_partitions: int,
                          partition_func: Callable[[Any], int] = portable_hash,
                          batch_records: int = DEFAULT_BATCH_RECORDS,
                          memory_limit_mb: Optional[float] = None,
                          measure: Callable[[], int] = used_memory) -> Batches:
    """Map-side combine: yields (partition id, list of (key, combiner)). Past the memory
    limit the combiners held so far are emitted and combining starts afresh."""
    limit = _limit_bytes(memory_limit_mb)
    threshold = limit
    create, merge = aggregator.create_combiner, aggregator.merge_value
    data: Dict[Hashable, Any] = {}
    countdown = CHECK_EVERY
    for k, v in pairs:
        if k in data:
            data[k] = merge(data[k], v)
        else:
            data[k] = create(v)
        countdown -= 1
        if not countdown:
            countdown = CHECK_EVERY
            if limit and measure() > threshold:
                yield from partition_pairs(data.items(), num_partitions, partition_func,
                                           batch_records, memory_limit_mb=0)
                data = {}
                threshold = _next_threshold(limit, measure)
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
        self.limit = _limit_bytes(memory_limit_mb)
        self.spill_dir = spill_dir
        self.measure = measure
        self.depth = depth
        self.data: Dict[Hashable, Any] = {}
        self.spills = 0
        self.memory_bytes_spilled = 0
        self.disk_bytes_spilled = 0
        self._threshold = self.limit
        self._dir: Optional[str] = None
        self._salt = 0x5EED0000 + depth

    def merge_values(self, pairs: Iterable[Pair]) -> None:
        create, merge = self.aggregator.create_combiner, self.aggregator.merge_value
        self._merge(pairs, merge, create)

    def merge_combiners(self, pairs: Iterable[Pair]) -> None:
        self._merge(pairs, self.aggregator.merge_combiners, None)

    def _merge(self, pairs: Iterable[Pair], merge: Callable[[Any, Any], Any],
               create: Optional[Callable[[Any], Any]]) -> None:
        data = self.data
        limit = self.limit
        countdown = CHECK_EVERY
        for k, v in pairs:
            if k in data:
                data[k] = merge(data[k], v)
            else:
                data[k] = v if create is None else create(v)
            countdown -= 1
            if not countdown:
                countdown = CHECK_EVERY
                if limit and self.measure() > self._threshold:
                    self._spill()
                    data = self.data

    def _bucket_path(self, i: int) -> str:
        if self._dir is None:
            base = self.spill_dir
            if not base:
                ctx = TaskContext.get()
                base = (ctx.spill_dir if ctx is not None else "") or None
            self._dir = tempfile.mkdtemp(prefix="ember-spill-%d-" % self.depth, dir=base)
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
        for i, items in enumerate(buckets):
            if items:
                with open(self._bucket_path(i), "ab") as f:
                    written += _write_spill(f, items)
                buckets[i] = []
        del buckets
        self.spills += 1
        self.disk_bytes_spilled += written
        metrics.disk_bytes_spilled += written
        freed = max(before - self.measure(), 0)
        self.memory_bytes_spilled += freed
        metrics.memory_bytes_spilled += freed
        self._threshold = _next_threshold(self.limit, self.measure)

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
        countdown = CHECK_EVERY
        for k, c in pairs:
            if k in merged:
                merged[k] = merge(merged[k], c)
            else:
                merged[k] = c
            countdown -= 1
            if not countdown:
                countdown = CHECK_EVERY
                if (self.limit and self.depth < MAX_DEPTH
                        and self.measure() > self._threshold):
                    # Too big for memory: split this bucket again with another salt.
                    sub = ExternalMerger(self.aggregator, self.limit / _MB, self._dir,
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


def _write_spill(f: BinaryIO, items: List[Pair], chunk: int = 1000) -> int:
    written = 0
    for start in range(0, len(items), chunk):
        data = pickle.dumps(items[start:start + chunk], wire.PICKLE_PROTOCOL)
        f.write(wire.INT32.pack(len(data)))
        f.write(data)
        written += 4 + len(data)
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
