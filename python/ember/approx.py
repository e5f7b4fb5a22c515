"""Approximate results: ``BoundedFloat`` and the estimators behind ``RDD.sumApprox``,
``meanApprox``, ``countApprox`` and ``countApproxDistinct``.

Time-bounded actions merge the per-partition ``StatCounter`` s of the partitions that finished
before the timeout and extrapolate to the whole RDD (the formulas of Spark's SumEvaluator and
MeanEvaluator). ``HyperLogLog`` estimates distinct counts from Ember's portable hash.

Workers import this module (``HyperLogLog`` runs in tasks), so it imports no py4j.

>>> b = BoundedFloat(10.0, 0.95, 8.0, 12.0)
>>> b + 1, b.confidence, b.low, b.high
(11.0, 0.95, 8.0, 12.0)
>>> estimate_sum(StatCounter([1.0, 2.0, 3.0]), 3, 3)
BoundedFloat(6.0, confidence=1.0, low=6.0, high=6.0)
>>> h = HyperLogLog(0.05)
>>> for x in range(1000):
...     h.add(x % 300)
>>> abs(h.cardinality() - 300) < 30
True
"""

import math
from statistics import NormalDist
from typing import Any, Iterable, List

from ember.hashing import portable_hash
from ember.statcounter import StatCounter

__all__ = ["BoundedFloat", "estimate_sum", "estimate_mean", "HyperLogLog"]

_MASK64 = (1 << 64) - 1


class BoundedFloat(float):
    """A float estimate with the ``confidence`` that the true value lies in [low, high].

    It is a float, so it can be used wherever the exact result could.
    """

    def __new__(cls, mean: float, confidence: float, low: float, high: float) -> "BoundedFloat":
        obj = float.__new__(cls, mean)
        obj.confidence = confidence
        obj.low = low
        obj.high = high
        return obj

    def __repr__(self) -> str:
        return "BoundedFloat(%r, confidence=%r, low=%r, high=%r)" % (
            float(self), self.confidence, self.low, self.high)


def _quantile(confidence: float, samples: int) -> float:
    """The two-sided critical value for ``confidence``: Student's t for small samples (by the
    Cornish-Fisher expansion around the normal quantile), the normal quantile otherwise."""
    z = NormalDist().inv_cdf((1.0 + confidence) / 2.0)
    df = samples - 1
    if samples > 100 or df < 1:
        return z
    return (z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2)
            + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3))


def estimate_sum(stats: StatCounter, finished: int, total: int,
                 confidence: float = 0.95) -> BoundedFloat:
    """The sum of all ``total`` partitions' elements, from the stats of ``finished`` ones."""
    if finished >= total:
        return BoundedFloat(stats.sum(), 1.0, stats.sum(), stats.sum())
    if finished == 0 or stats.count() == 0:
        return BoundedFloat(0.0, 0.0, float("-inf"), float("inf"))
    p = finished / total
    mean = stats.mean()
    count = (stats.count() + 1 - p) / p
    total_estimate = mean * count
    mean_var = stats.sampleVariance() / stats.count() if stats.count() > 1 else 0.0
    count_var = (stats.count() + 1) * (1 - p) / (p * p)
    stdev = math.sqrt(mean * mean * count_var + count * count * mean_var + mean_var * count_var)
    factor = _quantile(confidence, stats.count())
    return BoundedFloat(total_estimate, confidence, total_estimate - factor * stdev,
                        total_estimate + factor * stdev)


def estimate_mean(stats: StatCounter, finished: int, total: int,
                  confidence: float = 0.95) -> BoundedFloat:
    """The mean of all elements, from the stats of the ``finished`` partitions."""
    if finished >= total:
        return BoundedFloat(stats.mean(), 1.0, stats.mean(), stats.mean())
    if finished == 0 or stats.count() == 0:
        return BoundedFloat(float("nan"), 0.0, float("-inf"), float("inf"))
    mean = stats.mean()
    stdev = math.sqrt(stats.sampleVariance() / stats.count()) if stats.count() > 1 else 0.0
    factor = _quantile(confidence, stats.count())
    return BoundedFloat(mean, confidence, mean - factor * stdev, mean + factor * stdev)


def _mix64(h: int) -> int:
    """SplitMix64's finalizer: spreads the portable hash's bits over all 64."""
    h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & _MASK64
    return h ^ (h >> 31)


class HyperLogLog:
    """A mergeable distinct-count sketch (Flajolet et al. with linear counting for small
    cardinalities). Precision follows Spark: ``p = ceil(2 log2(1.106 / relativeSD))``."""

    def __init__(self, relativeSD: float = 0.05):
        if relativeSD < 0.000017:
            raise ValueError("relativeSD should be greater than 0.000017")
        self.p = max(4, math.ceil(2.0 * math.log2(1.106 / relativeSD)))
        self.m = 1 << self.p
        self.registers: List[int] = [0] * self.m

    def add(self, value: Any) -> None:
        h = _mix64(portable_hash(value))
        index = h >> (64 - self.p)
        rest = (h << self.p) & _MASK64
        rank = 64 - self.p + 1 if rest == 0 else 65 - rest.bit_length()
        if rank > self.registers[index]:
            self.registers[index] = rank

    def add_all(self, values: Iterable[Any]) -> "HyperLogLog":
        for v in values:
            self.add(v)
        return self

    def merge(self, other: "HyperLogLog") -> "HyperLogLog":
        self.registers = [max(a, b) for a, b in zip(self.registers, other.registers)]
        return self

    def cardinality(self) -> int:
        m = self.m
        alpha = {16: 0.673, 32: 0.697, 64: 0.709}.get(m, 0.7213 / (1 + 1.079 / m))
        raw = alpha * m * m / sum(2.0 ** -r for r in self.registers)
        zeros = self.registers.count(0)
        if raw <= 2.5 * m and zeros:
            return int(round(m * math.log(m / zeros)))
        return int(round(raw))
