"""RDD and PipelinedRDD: the Python face of the engine's resilient distributed datasets.

An ``RDD`` wraps a JVM RDD whose elements are pickled batches (or, straight from textFile,
UTF-8 strings). Narrow transformations build a ``PipelinedRDD`` that composes the user's
functions into one ``f(partition_index, iterator)`` per stage, pickled once with cloudpickle
when the stage is first needed. Shuffles: the map side's Python function partitions (and
combines) records with Ember's portable hash and emits (partition id, batch) pairs; the JVM
moves the bytes; the reduce side merges with spilling (``ember.shuffle``).

The methods are grouped by role: this module holds the core (lineage, persistence,
transformations); actions are in ``ember.rdd_actions``, key-value operations in
``ember.rdd_pairs`` and numeric ones in ``ember.rdd_numeric``, all mixed into ``RDD``.

This module imports no py4j (workers unpickle functions defined here by reference).

>>> sc.parallelize([1, 2, 3, 4]).map(lambda x: x * 2).collect()
[2, 4, 6, 8]
"""

import itertools
import pickle
import random
import sys
import warnings
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, List, Optional

from ember import shuffle, wire, zipping
from ember.closures import check_shippable as _check_shippable
from ember.closures import (filter_checked, flat_map_checked, map_checked, partition_rng,
                            sample_partition, serialize_command)
from ember.errors import RDD_ONLY_ON_DRIVER
from ember.hadoop import HadoopOutputs
from ember.hashing import portable_hash
from ember.rdd_actions import ActionFunctions, _count
from ember.rdd_numeric import NumericFunctions
from ember.rdd_pairs import Partitioner, PairFunctions, ResultIterable
from ember.storagelevel import StorageLevel, jvm_name

if TYPE_CHECKING:
    from ember.context import SparkContext
    from ember.resource import ResourceProfile

__all__ = ["RDD", "PipelinedRDD", "ResultIterable", "Partitioner", "RDDBarrier"]

PICKLED = wire.MODE_PICKLED_BATCHES
UTF8 = wire.MODE_UTF8_STRINGS
PARTITIONED = wire.MODE_PARTITIONED_BATCHES


class RDD(ActionFunctions, PairFunctions, NumericFunctions, HadoopOutputs):
    """A distributed collection (PySpark's RDD API).

    Transformations (map, filter, reduceByKey, ...) only record lineage; actions (collect,
    count, saveAsTextFile, ...) run jobs.

    >>> words = sc.parallelize(["a", "b", "a"])
    >>> sorted(words.map(lambda w: (w, 1)).reduceByKey(lambda a, b: a + b).collect())
    [('a', 2), ('b', 1)]
    """

    def __init__(self, jrdd, ctx, jrdd_mode: int = PICKLED):
        self._jrdd_val = jrdd
        self.ctx = ctx
        self._jrdd_mode = jrdd_mode
        self.is_cached = False
        self.is_checkpointed = False
        self._locally_checkpointed = False
        self.has_resource_profile = False
        self._resource_profile = None
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

    def _ends_pipeline(self) -> bool:
        """Whether later narrow transformations must read this RDD's JVM output (it is
        cached or checkpointed) instead of composing with its function."""
        return self.is_cached or self.is_checkpointed or self._locally_checkpointed

    @property
    def context(self) -> "SparkContext":
        """The SparkContext this RDD belongs to."""
        return self.ctx

    def _default_partitions(self) -> int:
        conf = self.ctx.engine.setting("ember.default.parallelism")
        return int(conf) if conf else self.getNumPartitions()

    def _shuffle(self, num_partitions: int, partition_gen: Callable[[Iterator], Iterator],
                 what: str) -> "RDD":
        """Runs ``partition_gen`` (records -> (partition id, batch)) as the map side and
        returns the reduce side's records."""
        mapped = PipelinedRDD(self, lambda _, it: partition_gen(it), False, what)
        jpart = mapped._make_jrdd(PARTITIONED)
        return RDD(self.ctx.engine.shuffle(jpart, num_partitions), self.ctx)

    # -- metadata --------------------------------------------------------------------------

    def getNumPartitions(self) -> int:
        """
        >>> sc.parallelize(range(10), 3).getNumPartitions()
        3
        """
        return self.ctx.engine.num_partitions(self._jrdd)

    def id(self) -> int:
        """A unique id of this RDD within its context."""
        return self.ctx.engine.rdd_id(self._jrdd)

    def name(self) -> Optional[str]:
        return self._name

    def setName(self, name: str) -> "RDD":
        """
        >>> sc.parallelize([1]).setName("ones").name()
        'ones'
        """
        self._name = name
        self.ctx.engine.set_name(self._jrdd, name)
        return self

    def toDebugString(self) -> bytes:
        """The lineage, one RDD per line."""
        return self.ctx.engine.debug_string(self._jrdd).encode("utf-8")

    def __repr__(self) -> str:
        return "%s[%s]" % (self._name or type(self).__name__, self.id())

    def __reduce__(self):
        # An RDD captured by a task's function or broadcast: fail while pickling, as PySpark
        raise RuntimeError(RDD_ONLY_ON_DRIVER)

    # -- persistence -----------------------------------------------------------------------

    def cache(self) -> "RDD":
        """Keeps computed partitions in memory (MEMORY_ONLY)."""
        return self.persist(StorageLevel.MEMORY_ONLY)

    def persist(self, storageLevel: StorageLevel = StorageLevel.MEMORY_ONLY) -> "RDD":
        """Keeps computed partitions at ``storageLevel`` for later jobs.

        >>> rdd = sc.parallelize(range(3)).persist(StorageLevel.MEMORY_AND_DISK)
        >>> rdd.is_cached, rdd.getStorageLevel() == StorageLevel.MEMORY_AND_DISK
        (True, True)
        >>> _ = rdd.unpersist()
        """
        self.is_cached = True
        self._storage_level = storageLevel
        self.ctx.engine.persist(self._jrdd, jvm_name(storageLevel))
        return self

    def unpersist(self, blocking: bool = False) -> "RDD":
        """Drops the cached partitions."""
        self.is_cached = False
        self._storage_level = StorageLevel.NONE
        self.ctx.engine.unpersist(self._jrdd)
        return self

    def getStorageLevel(self) -> StorageLevel:
        return self._storage_level

    def checkpoint(self) -> None:
        """Saves this RDD to the checkpoint directory at its next job and cuts its lineage
        there (``sc.setCheckpointDir`` first)."""
        self.is_checkpointed = True
        self.ctx.engine.checkpoint(self._jrdd)

    def localCheckpoint(self) -> None:
        """Cuts the lineage at the next job, keeping the partitions in executor storage
        (fast, but lost with the executor)."""
        self._locally_checkpointed = True
        self.ctx.engine.local_checkpoint(self._jrdd)

    def isCheckpointed(self) -> bool:
        """Whether a checkpoint (reliable or local) was written."""
        return self.ctx.engine.is_checkpointed(self._jrdd)

    def isLocallyCheckpointed(self) -> bool:
        """Whether localCheckpoint() was called."""
        return self._locally_checkpointed

    def getCheckpointFile(self) -> Optional[str]:
        """The directory of this RDD's reliable checkpoint, or None."""
        return self.ctx.engine.checkpoint_file(self._jrdd)

    def cleanShuffleDependencies(self, blocking: bool = False) -> None:
        """Deletes the shuffle outputs this RDD's lineage holds, back to persisted or
        checkpointed RDDs. Later jobs recompute them; checkpoint first to avoid that."""
        self.ctx.engine.clean_shuffle_dependencies(self._jrdd)

    # -- stage-level scheduling ------------------------------------------------------------

    def withResources(self, profile) -> "RDD":
        """Records a ``ember.resource.ResourceProfile`` for this RDD's stage.

        Ember keeps it (``getResourceProfile``) but its local scheduler runs every task on
        one core and has no other resources to assign."""
        self.has_resource_profile = True
        self._resource_profile = profile
        return self

    def getResourceProfile(self) -> Optional["ResourceProfile"]:
        """The profile given to ``withResources``, or None."""
        return self._resource_profile

    def barrier(self) -> "RDDBarrier":
        """Marks the next stage as a barrier stage: all its tasks start together, and
        ``BarrierTaskContext.get().barrier()`` waits for every task to reach it.

        >>> sc.parallelize(range(4), 2).barrier().mapPartitions(lambda it: [sum(it)]).collect()
        [1, 5]
        """
        return RDDBarrier(self)

    # -- narrow transformations ------------------------------------------------------------

    def mapPartitionsWithIndex(self, f: Callable[[int, Iterator], Iterable],
                               preservesPartitioning: bool = False) -> "RDD":
        """``f(partition index, iterator)`` per partition.

        >>> rdd = sc.parallelize(range(4), 2)
        >>> rdd.mapPartitionsWithIndex(lambda i, it: [(i, sum(it))]).collect()
        [(0, 1), (1, 5)]
        """
        _check_shippable(f, "mapPartitionsWithIndex")
        return PipelinedRDD(self, f, preservesPartitioning, "mapPartitionsWithIndex")

    def mapPartitionsWithSplit(self, f, preservesPartitioning: bool = False) -> "RDD":
        """Deprecated name of mapPartitionsWithIndex."""
        warnings.warn("mapPartitionsWithSplit is deprecated; use mapPartitionsWithIndex",
                      FutureWarning, stacklevel=2)
        return self.mapPartitionsWithIndex(f, preservesPartitioning)

    def mapPartitions(self, f: Callable[[Iterator], Iterable],
                      preservesPartitioning: bool = False) -> "RDD":
        """``f(iterator)`` per partition.

        >>> sc.parallelize([1, 2, 3, 4], 2).mapPartitions(lambda it: [sum(it)]).collect()
        [3, 7]
        """
        _check_shippable(f, "mapPartitions")
        return PipelinedRDD(self, lambda _, it: f(it), preservesPartitioning, "mapPartitions")

    def map(self, f: Callable[[Any], Any], preservesPartitioning: bool = False) -> "RDD":
        """
        >>> sc.parallelize([1, 2, 3]).map(lambda x: x * 10).collect()
        [10, 20, 30]
        """
        _check_shippable(f, "map")
        return PipelinedRDD(self, lambda _, it: map_checked(f, it), preservesPartitioning, "map")

    def flatMap(self, f: Callable[[Any], Iterable], preservesPartitioning: bool = False) -> "RDD":
        """
        >>> sc.parallelize(["a b", "c"]).flatMap(str.split).collect()
        ['a', 'b', 'c']
        """
        _check_shippable(f, "flatMap")
        return PipelinedRDD(self, lambda _, it: flat_map_checked(f, it),
                            preservesPartitioning, "flatMap")

    def filter(self, f: Callable[[Any], bool]) -> "RDD":
        """
        >>> sc.parallelize(range(6)).filter(lambda x: x % 2 == 0).collect()
        [0, 2, 4]
        """
        _check_shippable(f, "filter")
        return PipelinedRDD(self, lambda _, it: filter_checked(f, it), True, "filter")

    def glom(self) -> "RDD":
        """Each partition as one list.

        >>> sc.parallelize(range(5), 2).glom().collect()
        [[0, 1], [2, 3, 4]]
        """
        return PipelinedRDD(self, lambda _, it: [list(it)], False, "glom")

    def keyBy(self, f: Callable[[Any], Any]) -> "RDD":
        """``(f(x), x)`` pairs.

        >>> sc.parallelize(["apple", "fig"]).keyBy(len).collect()
        [(5, 'apple'), (3, 'fig')]
        """
        _check_shippable(f, "keyBy")
        return self.map(lambda x: (f(x), x))

    def union(self, other: "RDD") -> "RDD":
        """The elements of both. When both have the same partitioner, partition i of the
        result is partition i of each, and the partitioner is kept (as in PySpark).

        >>> sc.parallelize([1, 2]).union(sc.parallelize([2])).collect()
        [1, 2, 2]
        """
        if self.partitioner is None or self.partitioner != other.partitioner or \
                self.getNumPartitions() != other.getNumPartitions():
            return self.ctx.union([self, other])
        jrdd = self.ctx.engine.partitioner_aware_union([self._pickled_jrdd(),
                                                   other._pickled_jrdd()])
        out = RDD(jrdd, self.ctx)
        out.partitioner = self.partitioner
        return out

    def __add__(self, other: "RDD") -> "RDD":
        if not isinstance(other, RDD):
            return NotImplemented
        return self.union(other)

    def sample(self, withReplacement: bool, fraction: float, seed: Optional[int] = None) -> "RDD":
        """A random subset: each element kept with probability ``fraction`` (or, with
        replacement, a Poisson(fraction) number of times). Same seed, same sample.

        >>> rdd = sc.parallelize(range(100), 2)
        >>> rdd.sample(False, 0.1, 7).collect() == rdd.sample(False, 0.1, 7).collect()
        True
        """
        if fraction < 0:
            raise ValueError("fraction must be non-negative")
        seed = random.randrange(1 << 31) if seed is None else seed
        return self.mapPartitionsWithIndex(
            lambda i, it: sample_partition(partition_rng(seed, i), it, withReplacement,
                                           lambda _: fraction), True)

    def randomSplit(self, weights: List[float], seed: Optional[int] = None) -> List["RDD"]:
        """Splits into RDDs holding about the given (normalized) shares of the elements.

        >>> a, b = sc.parallelize(range(10)).randomSplit([1, 1], seed=1)
        >>> sorted(a.collect() + b.collect())
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
        """
        total = float(sum(weights))
        bounds = [0.0]
        for w in weights:
            bounds.append(bounds[-1] + w / total)
        seed = random.randrange(1 << 31) if seed is None else seed

        def split(lb, ub):
            def f(index, it):
                rng = partition_rng(seed, index)
                for x in it:
                    if lb <= rng.random() < ub:
                        yield x
            return f
        return [self.mapPartitionsWithIndex(split(lb, ub), True)
                for lb, ub in zip(bounds, bounds[1:])]

    def coalesce(self, numPartitions: int, shuffle: bool = False) -> "RDD":
        """Fewer partitions by merging neighbours (or any number with shuffle=True).

        >>> sc.parallelize(range(6), 3).coalesce(1).glom().collect()
        [[0, 1, 2, 3, 4, 5]]
        """
        if not numPartitions > 0:
            raise ValueError("Number of partitions must be positive.")
        if shuffle:
            return self.repartition(numPartitions)
        jrdd = self.ctx.engine.coalesce(self._jrdd, numPartitions)
        return RDD(jrdd, self.ctx, self._jrdd_mode)

    def repartition(self, numPartitions: int) -> "RDD":
        """Exactly ``numPartitions`` partitions, by a full shuffle.

        >>> sc.parallelize(range(10), 2).repartition(4).getNumPartitions()
        4
        """
        if not numPartitions > 0:
            raise ValueError("Number of partitions must be positive.")
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
        """``(element, index)`` pairs, indexes counting across partitions (runs a job to
        count the partitions when there are several).

        >>> sc.parallelize(["a", "b", "c"], 2).zipWithIndex().collect()
        [('a', 0), ('b', 1), ('c', 2)]
        """
        starts = [0]
        if self.getNumPartitions() > 1:
            counts = self.mapPartitions(_count).collect()
            for c in counts[:-1]:
                starts.append(starts[-1] + c)

        def f(index, it):
            return ((x, i) for i, x in enumerate(it, starts[index]))
        return self.mapPartitionsWithIndex(f, True)

    def zipWithUniqueId(self) -> "RDD":
        """``(element, id)`` pairs with unique but gappy ids (no job).

        >>> sc.parallelize(["a", "b", "c"], 2).zipWithUniqueId().collect()
        [('a', 0), ('b', 1), ('c', 3)]
        """
        n = self.getNumPartitions()

        def f(index, it):
            return ((x, i * n + index) for i, x in enumerate(it))
        return self.mapPartitionsWithIndex(f, True)

    def zip(self, other: "RDD") -> "RDD":
        """Pairs elements by position; both RDDs need the same number of partitions and the
        same number of elements in each partition (PySpark's rules and errors).

        >>> sc.parallelize([1, 2, 3]).zip(sc.parallelize("abc")).collect()
        [(1, 'a'), (2, 'b'), (3, 'c')]
        """
        if self.getNumPartitions() != other.getNumPartitions():
            raise ValueError("Can only zip with RDD which has the same number of partitions")
        jrdd = self.ctx.engine.zip(zipping.pickled_chunks(self), zipping.pickled_chunks(other))
        return RDD(jrdd, self.ctx).flatMap(zipping.zip_chunks)

    def cartesian(self, other: "RDD") -> "RDD":
        """All ``(a, b)`` pairs.

        >>> sorted(sc.parallelize([1, 2]).cartesian(sc.parallelize("xy")).collect())
        [(1, 'x'), (1, 'y'), (2, 'x'), (2, 'y')]
        """
        jrdd = self.ctx.engine.cartesian(self._pickled_jrdd(), other._pickled_jrdd())
        return RDD(jrdd, self.ctx).flatMap(
            lambda ab: itertools.product(pickle.loads(bytes(ab[0])), pickle.loads(bytes(ab[1]))))

    def pipe(self, command: str, env: Optional[dict] = None, checkCode: bool = False) -> "RDD":
        """Streams each partition, one element per line, through an external command.

        >>> sc.parallelize(["b", "a"], 1).pipe("sort").collect()
        ['a', 'b']
        """
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

    # -- wide transformations on elements --------------------------------------------------

    def distinct(self, numPartitions: Optional[int] = None) -> "RDD":
        """
        >>> sorted(sc.parallelize([1, 1, 2, 3, 3]).distinct().collect())
        [1, 2, 3]
        """
        return self.map(lambda x: (x, None)) \
            .reduceByKey(lambda a, _: a, numPartitions).map(lambda kv: kv[0])

    def groupBy(self, f, numPartitions: Optional[int] = None,
                partitionFunc=portable_hash) -> "RDD":
        """``(f(x), elements with that key)`` pairs.

        >>> groups = sc.parallelize(range(5)).groupBy(lambda x: x % 2).collect()
        >>> sorted((k, sorted(v)) for k, v in groups)
        [(0, [0, 2, 4]), (1, [1, 3])]
        """
        _check_shippable(f, "groupBy")
        return self.map(lambda x: (f(x), x)).groupByKey(numPartitions, partitionFunc)

    def subtract(self, other: "RDD", numPartitions: Optional[int] = None) -> "RDD":
        """
        >>> sorted(sc.parallelize([1, 2, 3, 4]).subtract(sc.parallelize([2, 4])).collect())
        [1, 3]
        """
        return self.map(lambda x: (x, True)) \
            .subtractByKey(other.map(lambda x: (x, True)), numPartitions).keys()

    def intersection(self, other: "RDD") -> "RDD":
        """Distinct elements present in both.

        >>> sorted(sc.parallelize([1, 2, 2, 3]).intersection(sc.parallelize([2, 3, 4])).collect())
        [2, 3]
        """
        return self.map(lambda x: (x, None)).cogroup(other.map(lambda x: (x, None))) \
            .filter(lambda kv: kv[1][0] and kv[1][1]).keys()

    def sortBy(self, keyfunc, ascending: bool = True, numPartitions: Optional[int] = None) -> "RDD":
        """
        >>> sc.parallelize(["bb", "a", "ccc"]).sortBy(len, ascending=False).collect()
        ['ccc', 'bb', 'a']
        """
        _check_shippable(keyfunc, "sortBy")
        return self.keyBy(keyfunc).sortByKey(ascending, numPartitions).values()


class StagePipeline:
    """The narrow functions of one stage, ``f(partition index, iterator)`` each, applied in
    order. A flat tuple rather than closures nested one per step: neither pickling nor calling
    a pipeline thousands of transformations long recurses once per step.

    >>> list(StagePipeline((lambda i, it: (x + i for x in it), lambda i, it: (x * 2 for x in it)))(1, [1, 2]))
    [4, 6]
    """

    __slots__ = ("funcs",)

    def __init__(self, funcs: tuple):
        self.funcs = funcs

    def __call__(self, index: int, iterator: Iterable) -> Iterable:
        # Each step wraps the previous step's iterator, often in a generator: pulling one
        # element through n steps nests n Python frames, past the default limit of 1,000.
        needed = 2 * len(self.funcs) + 1000
        if sys.getrecursionlimit() < needed:
            sys.setrecursionlimit(needed)
        for f in self.funcs:
            iterator = f(index, iterator)
        return iterator

    def __getstate__(self):
        return self.funcs

    def __setstate__(self, funcs):
        self.funcs = funcs

    def __repr__(self) -> str:
        return "StagePipeline(%d functions)" % len(self.funcs)


class PipelinedRDD(RDD):
    """A narrow transformation of a parent; consecutive ones compose into one function
    (a ``StagePipeline``) per stage."""

    def __init__(self, prev: RDD, func: Callable[[int, Iterator], Iterable],
                 preservesPartitioning: bool = False, what: str = "map"):
        if isinstance(prev, PipelinedRDD) and not prev._ends_pipeline():
            self._stage_funcs = prev._stage_funcs + (func,)
            self._prev_jrdd = prev._prev_jrdd
            self._prev_mode = prev._prev_mode
            self.preservesPartitioning = prev.preservesPartitioning and preservesPartitioning
        else:
            self._stage_funcs = (func,)
            self._prev_jrdd = prev._jrdd
            self._prev_mode = prev._jrdd_mode
            self.preservesPartitioning = preservesPartitioning
        self.func = func if len(self._stage_funcs) == 1 else StagePipeline(self._stage_funcs)
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
        return self.ctx.engine.python_rdd(self._prev_jrdd, command, self._prev_mode,
                                          output_mode, ids, self.preservesPartitioning)

    def getNumPartitions(self) -> int:
        return self.ctx.engine.num_partitions(self._prev_jrdd)


class RDDBarrier:
    """An RDD whose next stage runs as a barrier stage (see ``RDD.barrier``)."""

    def __init__(self, rdd: RDD):
        self.rdd = rdd

    def mapPartitions(self, f: Callable[[Iterator], Iterable],
                      preservesPartitioning: bool = False) -> RDD:
        return self.mapPartitionsWithIndex(lambda _, it: f(it), preservesPartitioning)

    def mapPartitionsWithIndex(self, f: Callable[[int, Iterator], Iterable],
                               preservesPartitioning: bool = False) -> RDD:
        from ember import barrier
        _check_shippable(f, "barrier().mapPartitions")
        return barrier.barrier_stage(self.rdd, f, preservesPartitioning)
