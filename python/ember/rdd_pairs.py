"""Key-value operations of RDDs whose elements are ``(key, value)`` pairs (mixed into RDD).

Shuffles place keys with ``partitionFunc(key) % numPartitions`` (default: Ember's portable
hash) and remember that as the result's ``partitioner``, so ``partitionBy`` with the same
partitioner is free and ``lookup`` reads one partition. Operations given anything but pairs
fail with a TypeError naming the operation and the offending element.

Workers unpickle functions defined here by reference, so this module imports no py4j.

>>> pairs = sc.parallelize([("a", 1), ("b", 2), ("a", 3)], 2)
>>> sorted(pairs.reduceByKey(lambda x, y: x + y).collect())
[('a', 4), ('b', 2)]
"""

import bisect
import copy
import random
from functools import reduce as _reduce
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, Optional

from ember import shuffle
from ember.closures import check_shippable, partition_rng, sample_partition
from ember.hashing import portable_hash

if TYPE_CHECKING:
    from ember.rdd import RDD

__all__ = ["PairFunctions", "Partitioner", "ResultIterable", "check_pairs"]


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


def check_pairs(iterator: Iterable[Any], what: str) -> Iterator[Any]:
    """Passes (key, value) pairs through; anything else raises a TypeError naming ``what``."""
    for item in iterator:
        if not (isinstance(item, (tuple, list)) and len(item) == 2):
            raise TypeError("%s needs an RDD of (key, value) pairs; got element %r of type %s"
                            % (what, item, type(item).__name__))
        yield item


class PairFunctions:
    """The pair-RDD methods of ``RDD`` (they build on its core methods)."""

    def keys(self) -> "RDD":
        """
        >>> sc.parallelize([(1, "a"), (2, "b")]).keys().collect()
        [1, 2]
        """
        return self.map(lambda kv: kv[0])

    def values(self) -> "RDD":
        """
        >>> sc.parallelize([(1, "a"), (2, "b")]).values().collect()
        ['a', 'b']
        """
        return self.map(lambda kv: kv[1])

    def mapValues(self, f: Callable[[Any], Any]) -> "RDD":
        """Transforms values, keeping keys and the partitioner.

        >>> sc.parallelize([("a", 1)]).mapValues(lambda v: v + 1).collect()
        [('a', 2)]
        """
        check_shippable(f, "mapValues")
        return self.mapPartitions(
            lambda it: ((k, f(v)) for k, v in check_pairs(it, "mapValues")), True)

    def flatMapValues(self, f: Callable[[Any], Iterable]) -> "RDD":
        """
        >>> sc.parallelize([("a", "xy")]).flatMapValues(list).collect()
        [('a', 'x'), ('a', 'y')]
        """
        check_shippable(f, "flatMapValues")
        return self.mapPartitions(
            lambda it: ((k, x) for k, v in check_pairs(it, "flatMapValues") for x in f(v)), True)

    # -- shuffles --------------------------------------------------------------------------

    def partitionBy(self, numPartitions: Optional[int], partitionFunc=portable_hash) -> "RDD":
        """Places each pair in partition ``partitionFunc(key) % numPartitions``.

        >>> pairs = sc.parallelize([(0, "a"), (1, "b"), (2, "c")])
        >>> pairs.partitionBy(2, lambda k: k).glom().collect()
        [[(0, 'a'), (2, 'c')], [(1, 'b')]]
        """
        n = numPartitions or self._default_partitions()
        if self.partitioner == Partitioner(n, partitionFunc):
            return self
        out = self._shuffle(n, lambda it: shuffle.partition_pairs(
            it, n, partitionFunc, what="partitionBy"), "partitionBy")
        out.partitioner = Partitioner(n, partitionFunc)
        return out

    def combineByKey(self, createCombiner, mergeValue, mergeCombiners,
                     numPartitions: Optional[int] = None, partitionFunc=portable_hash,
                     _what: str = "combineByKey") -> "RDD":
        """The general per-key aggregation (map-side combining, then merging combiners).

        >>> sorted(sc.parallelize([("a", 1), ("a", 2), ("b", 3)]).combineByKey(
        ...     lambda v: [v], lambda c, v: c + [v], lambda c1, c2: c1 + c2).collect())
        [('a', [1, 2]), ('b', [3])]
        """
        for f in (createCombiner, mergeValue, mergeCombiners):
            check_shippable(f, _what)
        n = numPartitions or self._default_partitions()
        agg = shuffle.Aggregator(createCombiner, mergeValue, mergeCombiners)
        shuffled = self._shuffle(n, lambda it: shuffle.combine_and_partition(
            it, agg, n, partitionFunc, what=_what), _what)
        out = shuffled.mapPartitions(lambda it: shuffle.merge_combiners(it, agg), True)
        out.partitioner = Partitioner(n, partitionFunc)
        return out

    def reduceByKey(self, func, numPartitions: Optional[int] = None,
                    partitionFunc=portable_hash) -> "RDD":
        """Merges the values of each key with ``func``.

        >>> pairs = sc.parallelize([("a", 1), ("b", 1), ("a", 1)])
        >>> sorted(pairs.reduceByKey(lambda x, y: x + y).collect())
        [('a', 2), ('b', 1)]
        """
        return self.combineByKey(lambda v: v, func, func, numPartitions, partitionFunc,
                                 "reduceByKey")

    def reduceByKeyLocally(self, func) -> dict:
        """reduceByKey's result as a dict on the driver (no shuffle).

        >>> sc.parallelize([("a", 1), ("b", 1), ("a", 1)]).reduceByKeyLocally(lambda x, y: x + y)
        {'a': 2, 'b': 1}
        """
        def merge(it):
            d: Dict[Any, Any] = {}
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
        """
        >>> sorted(sc.parallelize([("a", 2), ("a", 3)]).foldByKey(1, lambda x, y: x * y).collect())
        [('a', 6)]
        """
        return self.combineByKey(lambda v: func(copy.deepcopy(zeroValue), v), func, func,
                                 numPartitions, partitionFunc, "foldByKey")

    def aggregateByKey(self, zeroValue, seqFunc, combFunc, numPartitions: Optional[int] = None,
                       partitionFunc=portable_hash) -> "RDD":
        """
        >>> sorted(sc.parallelize([("a", 2), ("a", 3), ("b", 1)]).aggregateByKey(
        ...     0, lambda n, _: n + 1, lambda x, y: x + y).collect())
        [('a', 2), ('b', 1)]
        """
        return self.combineByKey(lambda v: seqFunc(copy.deepcopy(zeroValue), v), seqFunc,
                                 combFunc, numPartitions, partitionFunc, "aggregateByKey")

    def groupByKey(self, numPartitions: Optional[int] = None, partitionFunc=portable_hash) -> "RDD":
        """``(key, values)`` pairs; groups larger than memory spill to disk.

        >>> groups = sc.parallelize([("a", 1), ("a", 2)]).groupByKey().collect()
        >>> sorted((k, list(v)) for k, v in groups)
        [('a', [1, 2])]
        """
        g = shuffle.GROUP_AGGREGATOR
        return self.combineByKey(g.create_combiner, g.merge_value, g.merge_combiners,
                                 numPartitions, partitionFunc, "groupByKey") \
            .mapValues(ResultIterable)

    def cogroup(self, other, numPartitions: Optional[int] = None) -> "RDD":
        """``(key, (values in self, values in other))`` for every key of either.

        >>> x = sc.parallelize([("a", 1), ("b", 4)])
        >>> y = sc.parallelize([("a", 2)])
        >>> sorted((k, (list(a), list(b))) for k, (a, b) in x.cogroup(y).collect())
        [('a', ([1], [2])), ('b', ([4], []))]
        """
        return self.groupWith(other, numPartitions=numPartitions)

    def groupWith(self, other, *others, numPartitions: Optional[int] = None) -> "RDD":
        """cogroup over two or more RDDs: ``(key, (values in self, in other, ...))``.

        >>> w, x, y = (sc.parallelize([("a", 5)]), sc.parallelize([("a", 1)]),
        ...            sc.parallelize([("b", 2)]))
        >>> sorted((k, tuple(map(list, v))) for k, v in w.groupWith(x, y).collect())
        [('a', ([5], [1], [])), ('b', ([], [], [2]))]
        """
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

    def join(self, other, numPartitions: Optional[int] = None) -> "RDD":
        """Inner join: ``(key, (v, w))`` for each match.

        >>> sorted(sc.parallelize([("a", 1), ("b", 2)]).join(sc.parallelize([("a", 3)])).collect())
        [('a', (1, 3))]
        """
        return self.cogroup(other, numPartitions).flatMapValues(
            lambda g: [(a, b) for a in g[0] for b in g[1]])

    def leftOuterJoin(self, other, numPartitions: Optional[int] = None) -> "RDD":
        """
        >>> left, right = sc.parallelize([("a", 1), ("b", 2)]), sc.parallelize([("a", 3)])
        >>> sorted(left.leftOuterJoin(right).collect())
        [('a', (1, 3)), ('b', (2, None))]
        """
        return self.cogroup(other, numPartitions).flatMapValues(
            lambda g: [(a, b) for a in g[0] for b in (g[1] or [None])])

    def rightOuterJoin(self, other, numPartitions: Optional[int] = None) -> "RDD":
        """
        >>> left, right = sc.parallelize([("a", 1)]), sc.parallelize([("a", 3), ("c", 4)])
        >>> sorted(left.rightOuterJoin(right).collect())
        [('a', (1, 3)), ('c', (None, 4))]
        """
        return self.cogroup(other, numPartitions).flatMapValues(
            lambda g: [(a, b) for a in (g[0] or [None]) for b in g[1]])

    def fullOuterJoin(self, other, numPartitions: Optional[int] = None) -> "RDD":
        """
        >>> sorted(sc.parallelize([("a", 1)]).fullOuterJoin(sc.parallelize([("c", 4)])).collect())
        [('a', (1, None)), ('c', (None, 4))]
        """
        return self.cogroup(other, numPartitions).flatMapValues(
            lambda g: [(a, b) for a in (g[0] or [None]) for b in (g[1] or [None])])

    def subtractByKey(self, other, numPartitions: Optional[int] = None) -> "RDD":
        """Pairs whose key does not occur in ``other``.

        >>> sc.parallelize([("a", 1), ("b", 2)]).subtractByKey(sc.parallelize([("a", 0)])).collect()
        [('b', 2)]
        """
        return self.cogroup(other, numPartitions) \
            .filter(lambda kv: not kv[1][1]) \
            .flatMapValues(lambda g: g[0])

    def sortByKey(self, ascending: bool = True, numPartitions: Optional[int] = None,
                  keyfunc: Callable[[Any], Any] = lambda x: x) -> "RDD":
        """A total order by key: range-partitioned by sampled bounds, then each partition
        sorted (within ``ember.python.worker.memory``, spilling sorted runs to disk past it).

        >>> sc.parallelize([(3, "c"), (1, "a"), (2, "b")], 2).sortByKey().collect()
        [(1, 'a'), (2, 'b'), (3, 'c')]
        """
        n = numPartitions or self._default_partitions()

        def sort_partition(it):
            return shuffle.sort_pairs(check_pairs(it, "sortByKey"), keyfunc, ascending)
        if n == 1:
            return self.coalesce(1).mapPartitions(sort_partition, True)
        size = self.count()
        if not size:
            return self
        fraction = min(n * 20.0 / size, 1.0)
        samples = sorted(self.sample(False, fraction, 1).mapPartitions(
            lambda it: [keyfunc(kv[0]) for kv in check_pairs(it, "sortByKey")]).collect())
        bounds = [samples[int(len(samples) * (i + 1) / n)] for i in range(n - 1)] if samples \
            else []

        def range_partition(k):
            p = bisect.bisect_left(bounds, keyfunc(k))
            return p if ascending else n - 1 - p
        return self.partitionBy(n, range_partition).mapPartitions(sort_partition, True)

    def repartitionAndSortWithinPartitions(self, numPartitions: Optional[int] = None,
                                           partitionFunc=portable_hash, ascending: bool = True,
                                           keyfunc=lambda x: x) -> "RDD":
        """
        >>> sc.parallelize([(2, "b"), (1, "a"), (3, "c")]).repartitionAndSortWithinPartitions(
        ...     2, lambda k: k % 2).glom().collect()
        [[(2, 'b')], [(1, 'a'), (3, 'c')]]
        """
        return self.partitionBy(numPartitions, partitionFunc).mapPartitions(
            lambda it: shuffle.sort_pairs(it, keyfunc, ascending), True)

    def sampleByKey(self, withReplacement: bool, fractions: Dict[Any, float],
                    seed: Optional[int] = None) -> "RDD":
        """A sample taking each key's pairs with that key's fraction (stratified sampling).

        >>> pairs = sc.parallelize([(k, i) for k in "ab" for i in range(100)], 2)
        >>> sample = pairs.sampleByKey(False, {"a": 1.0, "b": 0.0}, seed=3).collect()
        >>> len(sample), {k for k, _ in sample}
        (100, {'a'})
        """
        for key, fraction in fractions.items():
            if fraction < 0:
                raise ValueError("Negative fraction %r for key %r" % (fraction, key))
        seed = random.randrange(1 << 31) if seed is None else seed

        def fraction_of(kv):
            try:
                return fractions[kv[0]]
            except KeyError:
                raise KeyError("sampleByKey: no fraction given for key %r" % (kv[0],)) from None
        return self.mapPartitionsWithIndex(
            lambda i, it: sample_partition(partition_rng(seed, i),
                                           check_pairs(it, "sampleByKey"), withReplacement,
                                           fraction_of), True)

    # -- actions ---------------------------------------------------------------------------

    def countByKey(self) -> dict:
        """
        >>> sorted(sc.parallelize([("a", 1), ("b", 1), ("a", 1)]).countByKey().items())
        [('a', 2), ('b', 1)]
        """
        return self.map(lambda kv: kv[0]).countByValue()

    def collectAsMap(self) -> dict:
        """The pairs as a dict (the last value of a repeated key wins).

        >>> sc.parallelize([(1, 2), (3, 4)]).collectAsMap()
        {1: 2, 3: 4}
        """
        return dict(self.collect())

    def lookup(self, key: Any) -> list:
        """The values of ``key``; reads only its partition when the partitioner is known.

        >>> sums = sc.parallelize([("a", 1), ("b", 2), ("a", 3)]).reduceByKey(lambda x, y: x + y)
        >>> sums.lookup("a")
        [4]
        """
        values = self.filter(lambda kv: kv[0] == key).values()
        if self.partitioner is not None:
            p = self.partitioner(key)
            return list(self.ctx.engine.collect(values._pickled_jrdd(), [p]))
        return values.collect()
