"""RDD and PipelinedRDD: the Python face of the engine's resilient distributed datasets.

An ``RDD`` wraps a JVM RDD whose elements are pickled batches (or, straight from textFile,
UTF-8 strings). Narrow transformations build a ``PipelinedRDD`` that composes the user's
functions into one ``f(partition_index, iterator)`` per stage, pickled once with cloudpickle
when the stage is first needed. Shuffles: the map side's Python function partitions (and
combines) records with Ember's portable hash and emits (partition id, batch) pairs; the JVM
moves the bytes; the reduce side merges with spilling (``ember.shuffle``).

This module imports no py4j (workers unpickle functions defined here by reference).

>>> sc.parallelize([1, 2, 3, 4]).map(lambda x: x * 2).collect()   # doctest: +SKIP
[2, 4, 6, 8]
"""

import bisect
import copy
import heapq
import itertools
import operator
import pickle
import random
from collections import defaultdict
from functools import reduce as _reduce
from itertools import chain, islice
from typing import Any, Callable, Iterable, Iterator, List, Optional

import cloudpickle

from ember import broadcast as _broadcast
from ember import shuffle, wire
from ember.hashing import portable_hash
from ember.statcounter import StatCounter
from ember.storagelevel import StorageLevel, jvm_name

__all__ = ["RDD", "PipelinedRDD", "ResultIterable", "Partitioner"]

PICKLED = wire.MODE_PICKLED_BATCHES
UTF8 = wire.MODE_UTF8_STRINGS
PARTITIONED = wire.MODE_PARTITIONED_BATCHES


class ResultIterable(list):
    """The values of one key after groupByKey / cogroup (a list)."""


class Partitioner:
    """A Python partitioner: number of partitions and the function placing a key."""

    def __init__(self, numPartitions: int, partitionFunc: Callable[[Any], int]):
        self.numPartitions = numPartitions
        self.partitionFunc = partitionFunc

    def __eq__(self, other) -> bool:
        return isinstance(other, Partitioner) and other.numPartitions == self.numPartitions \
            and other.partitionFunc == self.partitionFunc

    def __call__(self, k: Any) -> int:
        return self.partitionFunc(k) % self.numPartitions


def serialize_command(func: Callable, what: str):
    """(cloudpickled func, ids of the broadcasts it uses); a clear error if it can't pickle."""
    with _broadcast.track_pickled() as ids:
        try:
            data = cloudpickle.dumps(func, wire.PICKLE_PROTOCOL)
        except Exception as e:
            raise pickle.PicklingError("Could not serialize the function passed to %s(): %r: %s"
                                       % (what, func, e)) from e
    return data, sorted(ids)


def _check_shippable(f: Any, what: str) -> None:
    serialize_command(f, what)


def check_pairs(iterator: Iterable[Any], what: str) -> Iterator[Any]:
    """Passes (key, value) pairs through; anything else raises a TypeError naming ``what``."""
    for item in iterator:
        if not (isinstance(item, (tuple, list)) and len(item) == 2):
            raise TypeError("%s needs an RDD of (key, value) pairs; got element %r of type %s"
                            % (what, item, type(item).__name__))
        yield item


def _count(iterator: Iterable[Any]) -> List[int]:
    n = 0
    for _ in iterator:
        n += 1
    return [n]


class RDD:
    """A distributed collection (PySpark's RDD API)."""

    def __init__(self, jrdd, ctx, jrdd_mode: int = PICKLED):
        self._jrdd_val = jrdd
        self.ctx = ctx
        self._jrdd_mode = jrdd_mode
        self.is_cached = False
        self.is_checkpointed = False
        self.partitioner: Optional[Partitioner] = None
        self._storage_level = StorageLevel.NONE
        self._name: Optional[str] = None

    # -- plumbing --------------------------------------------------------------------------

    @property
    def _jrdd(self):
        return self._jrdd_val

    def _pickled_jrdd(self):
        """A JVM RDD of pickled batches with this RDD's records."""
        if self._jrdd_mode == PICKLED:
            return self._jrdd
        return PipelinedRDD(self, lambda _, it: it, True)._jrdd

    @property
    def context(self):
        return self.ctx

    def _default_partitions(self) -> int:
        conf = self.ctx._conf.get("ember.default.parallelism")
        return int(conf) if conf else self.getNumPartitions()

    def _shuffle(self, num_partitions: int, partition_gen: Callable[[Iterator], Iterator],
                 what: str) -> "RDD":
        """Runs ``partition_gen`` (records -> (partition id, batch)) as the map side and
        returns the reduce side's records."""
        mapped = PipelinedRDD(self, lambda _, it: partition_gen(it), False, what)
        jpart = mapped._make_jrdd(PARTITIONED)
        return RDD(self.ctx._call(self.ctx._bridge.shuffle, jpart, num_partitions), self.ctx)

    # -- metadata --------------------------------------------------------------------------

    def getNumPartitions(self) -> int:
        return self._jrdd.getNumPartitions()

    def id(self) -> int:
        return self._jrdd.id()

    def name(self) -> Optional[str]:
        return self._name

    def setName(self, name: str) -> "RDD":
        self._name = name
        self._jrdd.setName(name)
        return self

    def toDebugString(self) -> bytes:
        return self._jrdd.toDebugString().encode("utf-8")

    def __repr__(self) -> str:
        return "%s[%s]" % (self._name or type(self).__name__, self.id())

    # -- persistence -----------------------------------------------------------------------

    def cache(self) -> "RDD":
        return self.persist(StorageLevel.MEMORY_ONLY)

    def persist(self, storageLevel: StorageLevel = StorageLevel.MEMORY_ONLY) -> "RDD":
        self.is_cached = True
        self._storage_level = storageLevel
        self.ctx._call(self.ctx._bridge.persist, self._jrdd, jvm_name(storageLevel))
        return self

    def unpersist(self, blocking: bool = False) -> "RDD":
        self.is_cached = False
        self._storage_level = StorageLevel.NONE
        self._jrdd.unpersist()
        return self

    def getStorageLevel(self) -> StorageLevel:
        return self._storage_level

    def checkpoint(self) -> None:
        self.is_checkpointed = True
        self.ctx._call(self._jrdd.checkpoint)

    def localCheckpoint(self) -> None:
        self.is_checkpointed = True
        self.ctx._call(self._jrdd.localCheckpoint)

    def isCheckpointed(self) -> bool:
        return self._jrdd.isCheckpointed()

    def isLocallyCheckpointed(self) -> bool:
        return self._jrdd.isLocallyCheckpointed()

    def getCheckpointFile(self) -> Optional[str]:
        f = self._jrdd.getCheckpointFile()
        return f.get() if f.isPresent() else None

    # -- narrow transformations ------------------------------------------------------------

    def mapPartitionsWithIndex(self, f: Callable[[int, Iterator], Iterable],
                               preservesPartitioning: bool = False) -> "RDD":
        _check_shippable(f, "mapPartitionsWithIndex")
        return PipelinedRDD(self, f, preservesPartitioning, "mapPartitionsWithIndex")

    def mapPartitionsWithSplit(self, f, preservesPartitioning: bool = False) -> "RDD":
        return self.mapPartitionsWithIndex(f, preservesPartitioning)

    def mapPartitions(self, f: Callable[[Iterator], Iterable],
                      preservesPartitioning: bool = False) -> "RDD":
        _check_shippable(f, "mapPartitions")
        return PipelinedRDD(self, lambda _, it: f(it), preservesPartitioning, "mapPartitions")

    def map(self, f: Callable[[Any], Any], preservesPartitioning: bool = False) -> "RDD":
        _check_shippable(f, "map")
        return PipelinedRDD(self, lambda _, it: map(f, it), preservesPartitioning, "map")

    def flatMap(self, f: Callable[[Any], Iterable], preservesPartitioning: bool = False) -> "RDD":
        _check_shippable(f, "flatMap")
        return PipelinedRDD(self, lambda _, it: chain.from_iterable(map(f, it)),
                            preservesPartitioning, "flatMap")

    def filter(self, f: Callable[[Any], bool]) -> "RDD":
        _check_shippable(f, "filter")
        return PipelinedRDD(self, lambda _, it: filter(f, it), True, "filter")

    def glom(self) -> "RDD":
        return PipelinedRDD(self, lambda _, it: [list(it)], False, "glom")

    def keyBy(self, f: Callable[[Any], Any]) -> "RDD":
        _check_shippable(f, "keyBy")
        return self.map(lambda x: (f(x), x))

    def mapValues(self, f: Callable[[Any], Any]) -> "RDD":
        _check_shippable(f, "mapValues")
        return PipelinedRDD(self, lambda _, it: ((k, f(v)) for k, v in check_pairs(it, "mapValues")),
                            True, "mapValues")

    def flatMapValues(self, f: Callable[[Any], Iterable]) -> "RDD":
        _check_shippable(f, "flatMapValues")
        return PipelinedRDD(self, lambda _, it: ((k, x) for k, v in check_pairs(it, "flatMapValues")
                                                 for x in f(v)), True, "flatMapValues")

    def keys(self) -> "RDD":
        return self.map(lambda kv: kv[0])

    def values(self) -> "RDD":
        return self.map(lambda kv: kv[1])

    def union(self, other: "RDD") -> "RDD":
        return self.ctx.union([self, other])

    def __add__(self, other: "RDD") -> "RDD":
        if not isinstance(other, RDD):
            return NotImplemented
        return self.union(other)

    def sample(self, withReplacement: bool, fraction: float, seed: Optional[int] = None) -> "RDD":
        if fraction < 0:
            raise ValueError("fraction must be non-negative")
        seed = random.randrange(1 << 31) if seed is None else seed

        def sampler(index, it):
            rng = random.Random(seed ^ (index * 0x9E3779B1))
            if withReplacement:
                import math
                for x in it:
                    # Poisson(fraction) copies, by inversion
                    k, p, limit = 0, 1.0, math.exp(-fraction)
                    while True:
                        p *= rng.random()
                        if p <= limit:
                            break
                        k += 1
                    for _ in range(k):
                        yield x
            else:
                for x in it:
                    if rng.random() < fraction:
                        yield x
        return self.mapPartitionsWithIndex(sampler, True)

    def randomSplit(self, weights: List[float], seed: Optional[int] = None) -> List["RDD"]:
        total = float(sum(weights))
        bounds = [0.0]
        for w in weights:
            bounds.append(bounds[-1] + w / total)
        seed = random.randrange(1 << 31) if seed is None else seed

        def split(lb, ub):
            def f(index, it):
                rng = random.Random(seed ^ (index * 0x9E3779B1))
                for x in it:
                    r = rng.random()
                    if lb <= r < ub:
                        yield x
            return f
        return [self.mapPartitionsWithIndex(split(lb, ub), True)
                for lb, ub in zip(bounds, bounds[1:])]

    def coalesce(self, numPartitions: int, shuffle: bool = False) -> "RDD":
        if shuffle:
            return self.repartition(numPartitions)
        jrdd = self.ctx._call(self.ctx._bridge.coalesce, self._jrdd, numPartitions, False)
        return RDD(jrdd, self.ctx, self._jrdd_mode)

    def repartition(self, numPartitions: int) -> "RDD":
        n = numPartitions

        def spread(it):
            batches = [[] for _ in range(n)]
            for i, x in enumerate(it):
                b = batches[i % n]
                b.append(x)
                if len(b) >= shuffle.DEFAULT_BATCH_RECORDS:
                    yield i % n, b
                    batches[i % n] = []
            for i, b in enumerate(batches):
                if b:
                    yield i, b
        return self._shuffle(n, spread, "repartition")

    def zipWithIndex(self) -> "RDD":
        starts = [0]
        if self.getNumPartitions() > 1:
            counts = self.mapPartitions(_count).collect()
            for c in counts[:-1]:
                starts.append(starts[-1] + c)

        def f(index, it):
            return ((x, i) for i, x in enumerate(it, starts[index]))
        return self.mapPartitionsWithIndex(f, True)

    def zipWithUniqueId(self) -> "RDD":
        n = self.getNumPartitions()

        def f(index, it):
            return ((x, i * n + index) for i, x in enumerate(it))
        return self.mapPartitionsWithIndex(f, True)

    def zip(self, other: "RDD") -> "RDD":
        """Pairs elements by position (both sides need the same number of elements)."""
        left = self.zipWithIndex().map(lambda xi: (xi[1], xi[0]))
        right = other.zipWithIndex().map(lambda xi: (xi[1], xi[0]))
        n = max(self.getNumPartitions(), 1)
        return left.join(right, n).sortByKey(numPartitions=n).values()

    def cartesian(self, other: "RDD") -> "RDD":
        jrdd = self.ctx._call(self.ctx._bridge.cartesian, self._pickled_jrdd(),
                              other._pickled_jrdd())
        return RDD(jrdd, self.ctx).flatMap(
            lambda ab: itertools.product(pickle.loads(bytes(ab[0])), pickle.loads(bytes(ab[1]))))

    def pipe(self, command: str, env: Optional[dict] = None, checkCode: bool = False) -> "RDD":
        import shlex
        import subprocess

        def f(it):
            proc = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, env=env)
            out, _ = proc.communicate("".join(str(x) + "\n" for x in it).encode("utf-8"))
            if checkCode and proc.returncode:
                raise RuntimeError("pipe(%r) exited with status %d" % (command, proc.returncode))
            return (line.rstrip("\n") for line in out.decode("utf-8").splitlines())
        return self.mapPartitions(f)

    # -- wide transformations --------------------------------------------------------------

    def partitionBy(self, numPartitions: Optional[int], partitionFunc=portable_hash) -> "RDD":
        n = numPartitions or self._default_partitions()
        if self.partitioner == Partitioner(n, partitionFunc):
            return self
        out = self._shuffle(n, lambda it: shuffle.partition_pairs(
            check_pairs(it, "partitionBy"), n, partitionFunc), "partitionBy")
        out.partitioner = Partitioner(n, partitionFunc)
        return out

    def combineByKey(self, createCombiner, mergeValue, mergeCombiners,
                     numPartitions: Optional[int] = None, partitionFunc=portable_hash,
                     _what: str = "combineByKey") -> "RDD":
        for f in (createCombiner, mergeValue, mergeCombiners):
            _check_shippable(f, _what)
        n = numPartitions or self._default_partitions()
        agg = shuffle.Aggregator(createCombiner, mergeValue, mergeCombiners)
        shuffled = self._shuffle(n, lambda it: shuffle.combine_and_partition(
            check_pairs(it, _what), agg, n, partitionFunc), _what)
        out = shuffled.mapPartitions(lambda it: shuffle.merge_combiners(it, agg), True)
        out.partitioner = Partitioner(n, partitionFunc)
        return out

    def reduceByKey(self, func, numPartitions: Optional[int] = None,
                    partitionFunc=portable_hash) -> "RDD":
        return self.combineByKey(lambda v: v, func, func, numPartitions, partitionFunc,
                                 "reduceByKey")

    def reduceByKeyLocally(self, func) -> dict:
        def merge(it):
            d = {}
            for k, v in check_pairs(it, "reduceByKeyLocally"):
                d[k] = func(d[k], v) if k in d else v
            return [d]

        def combine(a, b):
            for k, v in b.items():
                a[k] = func(a[k], v) if k in a else v
            return a
        return _reduce(combine, self.mapPartitions(merge).collect(), {})

    def foldByKey(self, zeroValue, func, numPartitions: Optional[int] = None,
                  partitionFunc=portable_hash) -> "RDD":
        return self.combineByKey(lambda v: func(copy.deepcopy(zeroValue), v), func, func,
                                 numPartitions, partitionFunc, "foldByKey")

    def aggregateByKey(self, zeroValue, seqFunc, combFunc, numPartitions: Optional[int] = None,
                       partitionFunc=portable_hash) -> "RDD":
        return self.combineByKey(lambda v: seqFunc(copy.deepcopy(zeroValue), v), seqFunc,
                                 combFunc, numPartitions, partitionFunc, "aggregateByKey")

    def groupByKey(self, numPartitions: Optional[int] = None,
                   partitionFunc=portable_hash) -> "RDD":
        g = shuffle.GROUP_AGGREGATOR
        return self.combineByKey(g.create_combiner, g.merge_value, g.merge_combiners,
                                 numPartitions, partitionFunc, "groupByKey") \
            .mapValues(ResultIterable)

    def groupBy(self, f, numPartitions: Optional[int] = None,
                partitionFunc=portable_hash) -> "RDD":
        _check_shippable(f, "groupBy")
        return self.map(lambda x: (f(x), x)).groupByKey(numPartitions, partitionFunc)

    def distinct(self, numPartitions: Optional[int] = None) -> "RDD":
        return self.map(lambda x: (x, None)) \
            .reduceByKey(lambda a, _: a, numPartitions).map(lambda kv: kv[0])

    def cogroup(self, other: "RDD", numPartitions: Optional[int] = None) -> "RDD":
        return self.groupWith(other, numPartitions=numPartitions)

    def groupWith(self, other: "RDD", *others: "RDD", numPartitions: Optional[int] = None):
        rdds = (self, other) + others
        n = numPartitions or max(r._default_partitions() for r in rdds)
        count = len(rdds)

        def tag(i):
            return lambda it: ((k, (i, v)) for k, v in check_pairs(it, "cogroup"))
        tagged = self.ctx.union([r.mapPartitions(tag(i), True) for i, r in enumerate(rdds)])

        def split(vs):
            groups = tuple(ResultIterable() for _ in range(count))
            for i, v in vs:
                groups[i].append(v)
            return groups
        return tagged.groupByKey(n).mapValues(split)

    def join(self, other: "RDD", numPartitions: Optional[int] = None) -> "RDD":
        return self.cogroup(other, numPartitions).flatMapValues(
            lambda g: [(a, b) for a in g[0] for b in g[1]])

    def leftOuterJoin(self, other: "RDD", numPartitions: Optional[int] = None) -> "RDD":
        return self.cogroup(other, numPartitions).flatMapValues(
            lambda g: [(a, b) for a in g[0] for b in (g[1] or [None])])

    def rightOuterJoin(self, other: "RDD", numPartitions: Optional[int] = None) -> "RDD":
        return self.cogroup(other, numPartitions).flatMapValues(
            lambda g: [(a, b) for a in (g[0] or [None]) for b in g[1]])

    def fullOuterJoin(self, other: "RDD", numPartitions: Optional[int] = None) -> "RDD":
        return self.cogroup(other, numPartitions).flatMapValues(
            lambda g: [(a, b) for a in (g[0] or [None]) for b in (g[1] or [None])])

    def subtractByKey(self, other: "RDD", numPartitions: Optional[int] = None) -> "RDD":
        return self.cogroup(other, numPartitions) \
            .filter(lambda kv: not kv[1][1]) \
            .flatMapValues(lambda g: g[0])

    def subtract(self, other: "RDD", numPartitions: Optional[int] = None) -> "RDD":
        return self.map(lambda x: (x, True)) \
            .subtractByKey(other.map(lambda x: (x, True)), numPartitions).keys()

    def intersection(self, other: "RDD") -> "RDD":
        return self.map(lambda x: (x, None)).cogroup(other.map(lambda x: (x, None))) \
            .filter(lambda kv: kv[1][0] and kv[1][1]).keys()

    def sortByKey(self, ascending: bool = True, numPartitions: Optional[int] = None,
                  keyfunc: Callable[[Any], Any] = lambda x: x) -> "RDD":
        n = numPartitions or self._default_partitions()

        def sort_partition(it):
            return iter(sorted(check_pairs(it, "sortByKey"), key=lambda kv: keyfunc(kv[0]),
                               reverse=not ascending))
        if n == 1:
            return self.coalesce(1).mapPartitions(sort_partition, True)
        size = self.count()
        if not size:
            return self
        fraction = min(n * 20.0 / size, 1.0)
        samples = sorted(self.sample(False, fraction, 1).map(lambda kv: keyfunc(kv[0])).collect())
        bounds = [samples[int(len(samples) * (i + 1) / n)] for i in range(n - 1)] if samples \
            else []

        def range_partition(k):
            p = bisect.bisect_left(bounds, keyfunc(k))
            return p if ascending else n - 1 - p
        return self.partitionBy(n, range_partition).mapPartitions(sort_partition, True)

    def sortBy(self, keyfunc, ascending: bool = True, numPartitions: Optional[int] = None):
        _check_shippable(keyfunc, "sortBy")
        return self.keyBy(keyfunc).sortByKey(ascending, numPartitions).values()

    def repartitionAndSortWithinPartitions(self, numPartitions: Optional[int] = None,
                                           partitionFunc=portable_hash, ascending: bool = True,
                                           keyfunc=lambda x: x) -> "RDD":
        return self.partitionBy(numPartitions, partitionFunc).mapPartitions(
            lambda it: iter(sorted(it, key=lambda kv: keyfunc(kv[0]), reverse=not ascending)),
            True)

    # -- actions ---------------------------------------------------------------------------

    def collect(self) -> list:
        return list(self.ctx._collect(self._pickled_jrdd()))

    def collectWithJobGroup(self, groupId: str, description: str,
                            interruptOnCancel: bool = False) -> list:
        self.ctx.setJobGroup(groupId, description, interruptOnCancel)
        return self.collect()

    def toLocalIterator(self, prefetchPartitions: bool = False) -> Iterator[Any]:
        jrdd = self._pickled_jrdd()
        for p in range(self.getNumPartitions()):
            yield from self.ctx._collect(jrdd, [p])

    def count(self) -> int:
        return sum(self.mapPartitions(_count).collect())

    def take(self, num: int) -> list:
        items: list = []
        total = self.getNumPartitions()
        scanned = 0
        while len(items) < num and scanned < total:
            if scanned == 0:
                tries = 1
            elif not items:
                tries = scanned * 4
            else:
                tries = min(max(int(1.5 * num * scanned / len(items)) - scanned, 1), scanned * 4)
            left = num - len(items)
            parts = list(range(scanned, min(scanned + tries, total)))
            limited = self.mapPartitions(lambda it: islice(it, left))
            items.extend(self.ctx._collect(limited._pickled_jrdd(), parts))
            scanned += len(parts)
        return items[:num]

    def first(self) -> Any:
        rs = self.take(1)
        if rs:
            return rs[0]
        raise ValueError("RDD is empty")

    def isEmpty(self) -> bool:
        return self.getNumPartitions() == 0 or len(self.take(1)) == 0

    def reduce(self, f: Callable[[Any, Any], Any]) -> Any:
        _check_shippable(f, "reduce")

        def part(it):
            it = iter(it)
            for first in it:
                return [_reduce(f, it, first)]
            return []
        vals = self.mapPartitions(part).collect()
        if not vals:
            raise ValueError("Can not reduce() empty RDD")
        return _reduce(f, vals)

    def treeReduce(self, f, depth: int = 2) -> Any:
        if depth < 1:
            raise ValueError("Depth cannot be smaller than 1 but got %d." % depth)
        return self.reduce(f)

    def fold(self, zeroValue: Any, op: Callable[[Any, Any], Any]) -> Any:
        _check_shippable(op, "fold")

        def part(it):
            acc = copy.deepcopy(zeroValue)
            for x in it:
                acc = op(acc, x)
            return [acc]
        return _reduce(op, self.mapPartitions(part).collect(), zeroValue)

    def aggregate(self, zeroValue, seqOp, combOp) -> Any:
        _check_shippable(seqOp, "aggregate")
        _check_shippable(combOp, "aggregate")

        def part(it):
            acc = copy.deepcopy(zeroValue)
            for x in it:
                acc = seqOp(acc, x)
            return [acc]
        return _reduce(combOp, self.mapPartitions(part).collect(), zeroValue)

    def treeAggregate(self, zeroValue, seqOp, combOp, depth: int = 2) -> Any:
        if depth < 1:
            raise ValueError("Depth cannot be smaller than 1 but got %d." % depth)
        return self.aggregate(zeroValue, seqOp, combOp)

    def foreach(self, f: Callable[[Any], None]) -> None:
        _check_shippable(f, "foreach")

        def part(it):
            for x in it:
                f(x)
            return []
        self.mapPartitions(part).collect()

    def foreachPartition(self, f: Callable[[Iterator], None]) -> None:
        _check_shippable(f, "foreachPartition")

        def part(it):
            r = f(it)
            if r is not None:
                for _ in r:
                    pass
            return []
        self.mapPartitions(part).collect()

    def countByValue(self) -> dict:
        def part(it):
            d = defaultdict(int)
            for x in it:
                d[x] += 1
            return [d]

        def merge(a, b):
            for k, v in b.items():
                a[k] += v
            return a
        return _reduce(merge, self.mapPartitions(part).collect(), defaultdict(int))

    def countByKey(self) -> dict:
        return self.map(lambda kv: kv[0]).countByValue()

    def collectAsMap(self) -> dict:
        return dict(self.collect())

    def lookup(self, key: Any) -> list:
        values = self.filter(lambda kv: kv[0] == key).values()
        if self.partitioner is not None:
            p = self.partitioner(key)
            return list(self.ctx._collect(values._pickled_jrdd(), [p]))
        return values.collect()

    def max(self, key: Optional[Callable] = None) -> Any:
        return self.reduce(max if key is None else lambda a, b: max(a, b, key=key))

    def min(self, key: Optional[Callable] = None) -> Any:
        return self.reduce(min if key is None else lambda a, b: min(a, b, key=key))

    def sum(self) -> Any:
        return self.mapPartitions(lambda it: [sum(it)]).fold(0, operator.add)

    def stats(self) -> StatCounter:
        return self.mapPartitions(lambda it: [StatCounter(it)]) \
            .reduce(lambda a, b: a.mergeStats(b))

    def mean(self) -> float:
        return self.stats().mean()

    def variance(self) -> float:
        return self.stats().variance()

    def stdev(self) -> float:
        return self.stats().stdev()

    def sampleStdev(self) -> float:
        return self.stats().sampleStdev()

    def sampleVariance(self) -> float:
        return self.stats().sampleVariance()

    def histogram(self, buckets):
        """(bucket boundaries, counts); ``buckets`` is a count of even buckets or the sorted
        boundaries. The last bucket includes its upper boundary."""
        if isinstance(buckets, int):
            if buckets < 1:
                raise ValueError("number of buckets must be >= 1")
            lo, hi = self.aggregate((float("inf"), float("-inf")),
                                    lambda a, x: (min(a[0], x), max(a[1], x)),
                                    lambda a, b: (min(a[0], b[0]), max(a[1], b[1])))
            if lo > hi:
                raise ValueError("can not generate buckets from an empty RDD")
            if lo == hi:
                hi = lo + 1 if buckets == 1 else hi
                bounds = [lo, hi] if buckets == 1 else [lo] * (buckets + 1)
                if buckets > 1:
                    return [lo, lo], [self.count()]
            else:
                step = (hi - lo) / buckets
                bounds = [lo + i * step for i in range(buckets)] + [hi]
        else:
            bounds = sorted(buckets)
            if len(bounds) < 2:
                raise ValueError("buckets should have at least two boundaries")
        b = list(bounds)

        def part(it):
            counts = [0] * (len(b) - 1)
            for x in it:
                if x is None or x != x or x < b[0] or x > b[-1]:
                    continue
                i = bisect.bisect_right(b, x) - 1
                counts[min(i, len(counts) - 1)] += 1
            return [counts]
        total = self.mapPartitions(part).reduce(lambda x, y: [i + j for i, j in zip(x, y)])
        return b, total

    def top(self, num: int, key: Optional[Callable] = None) -> list:
        parts = self.mapPartitions(lambda it: [heapq.nlargest(num, it, key=key)]).collect()
        return heapq.nlargest(num, chain.from_iterable(parts), key=key)

    def takeOrdered(self, num: int, key: Optional[Callable] = None) -> list:
        parts = self.mapPartitions(lambda it: [heapq.nsmallest(num, it, key=key)]).collect()
        return heapq.nsmallest(num, chain.from_iterable(parts), key=key)

    def takeSample(self, withReplacement: bool, num: int, seed: Optional[int] = None) -> list:
        if num < 0:
            raise ValueError("Sample size cannot be negative")
        rng = random.Random(seed)
        items = self.collect()
        if withReplacement:
            return [rng.choice(items) for _ in range(num)] if items else []
        rng.shuffle(items)
        return items[:num]

    def countApprox(self, timeout: int, confidence: float = 0.95) -> int:
        return self.count()

    def countApproxDistinct(self, relativeSD: float = 0.05) -> int:
        return self.distinct().count()

    # -- output ----------------------------------------------------------------------------

    def saveAsTextFile(self, path: str, compressionCodecClass: Optional[str] = None) -> None:
        def to_text(it):
            for x in it:
                yield x.decode("utf-8") if isinstance(x, bytes) else str(x)
        strings = PipelinedRDD(self, lambda _, it: to_text(it), True, "saveAsTextFile")
        self.ctx._call(self.ctx._bridge.saveAsTextFile, strings._make_jrdd(UTF8), path,
                       self.ctx._job_group())

    def saveAsPickleFile(self, path: str, batchSize: int = 10) -> None:
        self.ctx._call(self.ctx._bridge.saveAsPickleFile, self._pickled_jrdd(), path,
                       self.ctx._job_group())


class PipelinedRDD(RDD):
    """A narrow transformation of a parent; consecutive ones compose into one function."""

    def __init__(self, prev: RDD, func: Callable[[int, Iterator], Iterable],
                 preservesPartitioning: bool = False, what: str = "map"):
        if isinstance(prev, PipelinedRDD) and not (prev.is_cached or prev.is_checkpointed):
            prev_func = prev.func

            def composed(index, it):
                return func(index, prev_func(index, it))
            self.func = composed
            self._prev_jrdd = prev._prev_jrdd
            self._prev_mode = prev._prev_mode
            self.preservesPartitioning = prev.preservesPartitioning and preservesPartitioning
        else:
            self.func = func
            self._prev_jrdd = prev._jrdd
            self._prev_mode = prev._jrdd_mode
            self.preservesPartitioning = preservesPartitioning
        super().__init__(None, prev.ctx, PICKLED)
        self._what = what
        self.partitioner = prev.partitioner if preservesPartitioning else None

    @property
    def _jrdd(self):
        if self._jrdd_val is None:
            self._jrdd_val = self._make_jrdd(PICKLED)
        return self._jrdd_val

    def _make_jrdd(self, output_mode: int):
        command, ids = serialize_command(self.func, self._what)
        ctx = self.ctx
        return ctx._call(ctx._bridge.pythonRDD, self._prev_jrdd, command, self._prev_mode,
                         output_mode, ids, list(ctx._includes), self.preservesPartitioning)

    def getNumPartitions(self) -> int:
        return self._prev_jrdd.getNumPartitions()
