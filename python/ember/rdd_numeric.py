"""Numeric and approximate actions of RDDs (mixed into RDD).

Statistics come from one pass that merges per-partition ``StatCounter`` s. The approximate
actions take a ``timeout`` in milliseconds: results of the partitions that finished by then
are extrapolated (``ember.approx``) and the rest of the job is cancelled; if every partition
finishes in time the result is exact (confidence 1.0).

Workers unpickle functions defined here by reference, so this module imports no py4j.

>>> rdd = sc.parallelize([1.0, 2.0, 3.0, 4.0])
>>> rdd.mean(), rdd.variance(), rdd.sampleVariance()
(2.5, 1.25, 1.6666666666666667)
"""

import operator
from functools import reduce as _reduce
from typing import Any, List, Sequence, Tuple, Union

from ember import histogram
from ember.approx import BoundedFloat, HyperLogLog, estimate_mean, estimate_sum
from ember.errors import EmberError
from ember.statcounter import StatCounter

__all__ = ["NumericFunctions"]


def _stat_partition(it) -> List[StatCounter]:
    return [StatCounter(it)]


class NumericFunctions:
    """The numeric methods of ``RDD`` (they build on its core methods)."""

    def sum(self) -> Union[int, float]:
        """
        >>> sc.parallelize([1, 2, 3]).sum()
        6
        """
        return self.mapPartitions(lambda it: [sum(it)]).fold(0, operator.add)

    def stats(self) -> StatCounter:
        """Count, mean, variance, min and max in one pass.

        >>> sc.parallelize([1, 2, 3]).stats()
        (count: 3, mean: 2.0, stdev: 0.816496580927726, max: 3, min: 1)
        """
        return self.mapPartitions(_stat_partition).reduce(lambda a, b: a.mergeStats(b))

    def mean(self) -> float:
        return self.stats().mean()

    def variance(self) -> float:
        """Population variance (divides by N)."""
        return self.stats().variance()

    def stdev(self) -> float:
        """Population standard deviation."""
        return self.stats().stdev()

    def sampleStdev(self) -> float:
        """Sample standard deviation (divides by N - 1).

        >>> round(sc.parallelize([1, 2, 3, 4]).sampleStdev(), 4)
        1.291
        """
        return self.stats().sampleStdev()

    def sampleVariance(self) -> float:
        """Sample variance (divides by N - 1)."""
        return self.stats().sampleVariance()

    def histogram(self, buckets: Union[int, Sequence[Any]]) -> Tuple[Sequence[Any], List[int]]:
        """(bucket boundaries, counts); ``buckets`` is a count of even buckets between min
        and max, or sorted boundaries (numbers, or anything comparable such as strings). The
        last bucket includes its upper boundary; None and NaN are not counted.

        >>> sc.parallelize(range(51)).histogram(2)
        ([0, 25, 50], [25, 26])
        >>> sc.parallelize(range(10)).histogram(2)
        ([0.0, 4.5, 9], [5, 5])
        >>> sc.parallelize([1, 5, 10, 20]).histogram([0, 10, 20])
        ([0, 10, 20], [2, 2])
        >>> sc.parallelize(["ab", "ac", "b", "bd", "ef"]).histogram(("a", "b", "c"))
        (('a', 'b', 'c'), [2, 2])
        """
        if isinstance(buckets, int):
            if buckets < 1:
                raise ValueError("number of buckets must be >= 1")
            values = self.filter(histogram.comparable)
            try:
                lo, hi = values.map(lambda x: (x, x)).reduce(histogram.min_max)
            except ValueError as e:
                if isinstance(e, EmberError):   # a task's own ValueError
                    raise
                raise ValueError("can not generate buckets from empty RDD") from None
            if lo == hi or buckets == 1:
                return [lo, hi], [values.count()]
            bounds: Sequence[Any] = histogram.even_buckets(lo, hi, buckets)
            even = True
        elif isinstance(buckets, (list, tuple)):
            even = histogram.check_buckets(buckets)
            bounds = buckets
        else:
            raise TypeError("buckets should be a list or tuple or number(int or long)")
        counts = self.mapPartitions(lambda it: histogram.count_partition(bounds, even, it)) \
            .reduce(lambda x, y: [i + j for i, j in zip(x, y)])
        return bounds, counts

    # -- approximate actions ---------------------------------------------------------------

    def _partial_stats(self, timeout_ms: int) -> Tuple[StatCounter, int, int]:
        """(merged stats of the partitions done within the timeout, how many, of how many)."""
        stats_rdd = self.mapPartitions(_stat_partition)
        total = stats_rdd.getNumPartitions()
        batches = self.ctx.engine.collect_until(stats_rdd._pickled_jrdd(), timeout_ms / 1000.0)
        done = [s for batch in batches for s in batch]
        return _reduce(lambda a, b: a.mergeStats(b), done, StatCounter()), len(done), total

    def sumApprox(self, timeout: int, confidence: float = 0.95) -> BoundedFloat:
        """The sum within ``timeout`` ms, as a float with ``confidence``, ``low``, ``high``.

        >>> r = sc.parallelize(range(1000), 10).sumApprox(60000)
        >>> (float(r), r.confidence, r.low, r.high)
        (499500.0, 1.0, 499500.0, 499500.0)
        """
        stats, done, total = self._partial_stats(timeout)
        return estimate_sum(stats, done, total, confidence)

    def meanApprox(self, timeout: int, confidence: float = 0.95) -> BoundedFloat:
        """The mean within ``timeout`` ms, as a BoundedFloat.

        >>> sc.parallelize(range(1000), 10).meanApprox(60000)
        BoundedFloat(499.5, confidence=1.0, low=499.5, high=499.5)
        """
        stats, done, total = self._partial_stats(timeout)
        return estimate_mean(stats, done, total, confidence)

    def countApprox(self, timeout: int, confidence: float = 0.95) -> int:
        """The element count within ``timeout`` ms (extrapolated from finished partitions).

        >>> sc.parallelize(range(1000), 10).countApprox(60000)
        1000
        """
        counts = self.mapPartitions(lambda it: [float(sum(1 for _ in it))])
        return int(counts.sumApprox(timeout, confidence))

    def countApproxDistinct(self, relativeSD: float = 0.05) -> int:
        """Estimated number of distinct elements (HyperLogLog; ``relativeSD`` is the
        target relative accuracy, at least 0.000017).

        >>> n = sc.parallelize([i % 500 for i in range(5000)], 4).countApproxDistinct()
        >>> 450 < n < 550
        True
        """
        HyperLogLog(relativeSD)   # validates relativeSD on the driver
        sketches = self.mapPartitions(lambda it: [HyperLogLog(relativeSD).add_all(it)])
        return sketches.reduce(lambda a, b: a.merge(b)).cardinality()
