"""Actions of RDDs: the methods that run jobs and bring results to the driver or write
them out (mixed into RDD; the numeric and key-value ones are in ``ember.rdd_numeric`` and
``ember.rdd_pairs``).

Most actions run a function over each partition in the workers and combine the per-partition
results on the driver; ``treeAggregate`` / ``treeReduce`` first merge them in tasks.

Workers unpickle functions defined here by reference, so this module imports no py4j.

>>> rdd = sc.parallelize(range(10), 3)
>>> rdd.count(), rdd.first(), rdd.take(3), rdd.reduce(lambda a, b: a + b)
(10, 0, [0, 1, 2], 45)
"""

import copy
import heapq
import math
import random
from collections import defaultdict
from functools import reduce as _reduce
from itertools import chain, islice
from typing import Any, Callable, Iterable, Iterator, List, Optional

from ember import wire
from ember.closures import check_shippable

__all__ = ["ActionFunctions"]


def _count(iterator: Iterable[Any]) -> List[int]:
    n = 0
    for _ in iterator:
        n += 1
    return [n]


class ActionFunctions:
    """The actions of ``RDD`` (they build on its core methods)."""

    def collect(self) -> list:
        """All elements, in order, as a list on the driver.

        >>> sc.parallelize(range(3)).collect()
        [0, 1, 2]
        """
        return list(self.ctx.engine.collect(self._pickled_jrdd()))

    def collectWithJobGroup(self, groupId: str, description: str,
                            interruptOnCancel: bool = False) -> list:
        """collect() in the given job group (this job only)."""
        ctx = self.ctx
        keys = ("ember.jobGroup.id", "ember.job.description", "ember.job.interruptOnCancel")
        saved = {k: ctx.getLocalProperty(k) for k in keys}
        ctx.setJobGroup(groupId, description, interruptOnCancel)
        try:
            return self.collect()
        finally:
            for k, v in saved.items():
                ctx.setLocalProperty(k, v)

    def toLocalIterator(self, prefetchPartitions: bool = False) -> Iterator[Any]:
        """Iterates the elements, fetching one partition at a time (one job each). With
        ``prefetchPartitions`` the next partition's job starts while the caller still
        iterates the current one, trading driver memory for less waiting.

        >>> list(sc.parallelize(range(4), 2).toLocalIterator())
        [0, 1, 2, 3]
        >>> list(sc.parallelize(range(4), 2).toLocalIterator(prefetchPartitions=True))
        [0, 1, 2, 3]
        """
        jrdd = self._pickled_jrdd()
        n = self.getNumPartitions()
        if not prefetchPartitions:
            for p in range(n):
                yield from self.ctx.engine.collect(jrdd, [p])
            return
        engine = self.ctx.engine
        group = engine.job_group()
        upcoming = engine.result_stream(jrdd, [0], group) if n else None
        try:
            for p in range(n):
                current = upcoming
                upcoming = None   # a failure to start the next job must not close current twice
                try:
                    upcoming = engine.result_stream(jrdd, [p + 1], group) if p + 1 < n else None
                    for batch in current:
                        yield from batch
                finally:
                    current.close()
                    engine.merge_accumulator_updates()
        finally:
            if upcoming is not None:
                upcoming.close()

    def count(self) -> int:
        """
        >>> sc.parallelize(range(7), 3).count()
        7
        """
        return sum(self.mapPartitions(_count).collect())

    def take(self, num: int) -> list:
        """The first ``num`` elements, scanning 1 partition, then more as needed.

        >>> sc.parallelize(range(100), 10).take(3)
        [0, 1, 2]
        """
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
            items.extend(self.ctx.engine.collect(limited._pickled_jrdd(), parts))
            scanned += len(parts)
        return items[:num]

    def first(self) -> Any:
        """
        >>> sc.parallelize([5, 6]).first()
        5
        """
        rs = self.take(1)
        if rs:
            return rs[0]
        raise ValueError("RDD is empty")

    def isEmpty(self) -> bool:
        """
        >>> sc.parallelize([]).isEmpty(), sc.parallelize([1]).isEmpty()
        (True, False)
        """
        return self.getNumPartitions() == 0 or len(self.take(1)) == 0

    def reduce(self, f: Callable[[Any, Any], Any]) -> Any:
        """Combines the elements with an associative, commutative ``f``.

        >>> sc.parallelize(range(1, 5)).reduce(lambda a, b: a * b)
        24
        """
        check_shippable(f, "reduce")

        def part(it):
            it = iter(it)
            for first in it:
                return [_reduce(f, it, first)]
            return []
        vals = self.mapPartitions(part).collect()
        if not vals:
            raise ValueError("Can not reduce() empty RDD")
        return _reduce(f, vals)

    def treeReduce(self, f: Callable[[Any, Any], Any], depth: int = 2) -> Any:
        """reduce() combining partition results in a tree of ``depth`` levels, in tasks.

        >>> sc.parallelize(range(100), 16).treeReduce(lambda a, b: a + b, depth=3)
        4950
        """
        if depth < 1:
            raise ValueError("Depth cannot be smaller than 1 but got %d." % depth)
        check_shippable(f, "treeReduce")

        def op(x, y):   # (value, is_empty) pairs: empty partitions contribute nothing
            if x[1]:
                return y
            if y[1]:
                return x
            return f(x[0], y[0]), False
        value, empty = self.map(lambda x: (x, False)).treeAggregate((None, True), op, op, depth)
        if empty:
            raise ValueError("Can not reduce() empty RDD")
        return value

    def fold(self, zeroValue: Any, op: Callable[[Any, Any], Any]) -> Any:
        """Like reduce, starting each partition and the final merge from ``zeroValue``.

        >>> sc.parallelize([1, 2, 3], 2).fold(0, lambda a, b: a + b)
        6
        """
        check_shippable(op, "fold")

        def part(it):
            acc = copy.deepcopy(zeroValue)
            for x in it:
                acc = op(acc, x)
            return [acc]
        return _reduce(op, self.mapPartitions(part).collect(), zeroValue)

    def aggregate(self, zeroValue, seqOp, combOp) -> Any:
        """Folds each partition with ``seqOp`` and merges the results with ``combOp``.

        >>> sc.parallelize([1, 2, 3, 4]).aggregate((0, 0), lambda a, x: (a[0] + x, a[1] + 1),
        ...                                        lambda a, b: (a[0] + b[0], a[1] + b[1]))
        (10, 4)
        """
        check_shippable(seqOp, "aggregate")
        check_shippable(combOp, "aggregate")

        def part(it):
            acc = copy.deepcopy(zeroValue)
            for x in it:
                acc = seqOp(acc, x)
            return [acc]
        return _reduce(combOp, self.mapPartitions(part).collect(), zeroValue)

    def treeAggregate(self, zeroValue, seqOp, combOp, depth: int = 2) -> Any:
        """aggregate() whose partial results are merged in a tree: while there are more
        than about ``scale`` of them (scale = partitions ** (1/depth)), a shuffle merges
        them into fewer in tasks; the driver merges the last few.

        >>> sc.parallelize(range(10), 8).treeAggregate(0, lambda a, x: a + x, lambda a, b: a + b)
        45
        """
        if depth < 1:
            raise ValueError("Depth cannot be smaller than 1 but got %d." % depth)
        check_shippable(seqOp, "treeAggregate")
        check_shippable(combOp, "treeAggregate")
        if self.getNumPartitions() == 0:
            return zeroValue

        def part(it):
            acc = copy.deepcopy(zeroValue)
            for x in it:
                acc = seqOp(acc, x)
            return [acc]
        partial = self.mapPartitions(part)
        num = partial.getNumPartitions()
        scale = max(int(math.ceil(pow(num, 1.0 / depth))), 2)
        while num > scale + math.ceil(num / scale):
            num = int(math.ceil(num / scale))
            partial = partial.mapPartitionsWithIndex(
                lambda i, it, n=num: ((i % n, x) for x in it)) \
                .reduceByKey(combOp, num).values()
        return _reduce(combOp, partial.collect())

    def foreach(self, f: Callable[[Any], None]) -> None:
        """Runs ``f`` on every element, in the workers."""
        check_shippable(f, "foreach")

        def part(it):
            for x in it:
                f(x)
            return []
        self.mapPartitions(part).collect()

    def foreachPartition(self, f: Callable[[Iterator], None]) -> None:
        """Runs ``f`` on each partition's iterator, in the workers."""
        check_shippable(f, "foreachPartition")

        def part(it):
            r = f(it)
            if r is not None:
                for _ in r:
                    pass
            return []
        self.mapPartitions(part).collect()

    def countByValue(self) -> dict:
        """
        >>> sorted(sc.parallelize(["a", "b", "a"]).countByValue().items())
        [('a', 2), ('b', 1)]
        """
        def part(it):
            d: dict = {}
            for x in it:
                d[x] = d.get(x, 0) + 1
            return [d]

        def merge(a, b):
            for k, v in b.items():
                a[k] = a.get(k, 0) + v
            return a
        return _reduce(merge, self.mapPartitions(part).collect(), defaultdict(int))

    def max(self, key: Optional[Callable] = None) -> Any:
        """
        >>> sc.parallelize([3, 9, 4]).max(), sc.parallelize(["bb", "a"]).max(key=len)
        (9, 'bb')
        """
        return self.reduce(max if key is None else lambda a, b: max(a, b, key=key))

    def min(self, key: Optional[Callable] = None) -> Any:
        """
        >>> sc.parallelize([3, 9, 4]).min()
        3
        """
        return self.reduce(min if key is None else lambda a, b: min(a, b, key=key))

    def top(self, num: int, key: Optional[Callable] = None) -> list:
        """The ``num`` largest elements, largest first.

        >>> sc.parallelize([4, 1, 9, 7]).top(2)
        [9, 7]
        """
        parts = self.mapPartitions(lambda it: [heapq.nlargest(num, it, key=key)]).collect()
        return heapq.nlargest(num, chain.from_iterable(parts), key=key)

    def takeOrdered(self, num: int, key: Optional[Callable] = None) -> list:
        """The ``num`` smallest elements (by ``key``), smallest first.

        >>> sc.parallelize([4, 1, 9, 7]).takeOrdered(2, key=lambda x: -x)
        [9, 7]
        """
        parts = self.mapPartitions(lambda it: [heapq.nsmallest(num, it, key=key)]).collect()
        return heapq.nsmallest(num, chain.from_iterable(parts), key=key)

    def takeSample(self, withReplacement: bool, num: int, seed: Optional[int] = None) -> list:
        """``num`` random elements on the driver.

        >>> len(sc.parallelize(range(100)).takeSample(False, 5, seed=1))
        5
        """
        if num < 0:
            raise ValueError("Sample size cannot be negative")
        rng = random.Random(seed)
        items = self.collect()
        if withReplacement:
            return [rng.choice(items) for _ in range(num)] if items else []
        rng.shuffle(items)
        return items[:num]

    # -- output ----------------------------------------------------------------------------

    def saveAsTextFile(self, path: str, compressionCodecClass: Optional[str] = None) -> None:
        """One ``part-NNNNN`` file per partition, one ``str(element)`` per line."""
        def to_text(it):
            for x in it:
                yield x.decode("utf-8") if isinstance(x, bytes) else str(x)
        strings = self.mapPartitions(to_text, True)._make_jrdd(wire.MODE_UTF8_STRINGS)
        self.ctx.engine.save_as_text_file(strings, path)

    def saveAsPickleFile(self, path: str, batchSize: int = 10) -> None:
        """Saves pickled elements; ``sc.pickleFile(path)`` reads them back."""
        self.ctx.engine.save_as_pickle_file(self._pickled_jrdd(), path)
