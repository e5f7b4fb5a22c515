"""StatCounter: count, mean, variance, min and max of numbers in one pass (mergeable)."""

import math
from typing import Iterable, Optional


class StatCounter:
    """Running statistics, merged across partitions (Welford / Chan et al.).

    >>> s = StatCounter([1.0, 2.0, 3.0, 4.0])
    >>> (s.count(), s.mean(), s.variance(), s.max())
    (4, 2.5, 1.25, 4.0)
    """

    def __init__(self, values: Optional[Iterable[float]] = None):
        self.n = 0
        self.mu = 0.0
        self.m2 = 0.0
        self.maxValue = float("-inf")
        self.minValue = float("inf")
        for v in values or ():
            self.merge(v)

    def merge(self, value: float) -> "StatCounter":
        delta = value - self.mu
        self.n += 1
        self.mu += delta / self.n
        self.m2 += delta * (value - self.mu)
        self.maxValue = max(self.maxValue, value)
        self.minValue = min(self.minValue, value)
        return self

    def mergeStats(self, other: "StatCounter") -> "StatCounter":
        if other is self:
            return self.mergeStats(other.copy())
        if other.n == 0:
            return self
        if self.n == 0:
            self.n, self.mu, self.m2 = other.n, other.mu, other.m2
            self.maxValue, self.minValue = other.maxValue, other.minValue
            return self
        delta = other.mu - self.mu
        n = self.n + other.n
        self.mu = (self.mu * self.n + other.mu * other.n) / n
        self.m2 += other.m2 + delta * delta * self.n * other.n / n
        self.n = n
        self.maxValue = max(self.maxValue, other.maxValue)
        self.minValue = min(self.minValue, other.minValue)
        return self

    def copy(self) -> "StatCounter":
        c = StatCounter()
        c.n, c.mu, c.m2, c.maxValue, c.minValue = self.n, self.mu, self.m2, self.maxValue, \
            self.minValue
        return c

    def count(self) -> int:
        return self.n

    def mean(self) -> float:
        """The mean; 0.0 when empty (as PySpark)."""
        return self.mu

    def sum(self) -> float:
        return self.n * self.mu

    def min(self) -> float:
        return self.minValue

    def max(self) -> float:
        return self.maxValue

    def variance(self) -> float:
        return self.m2 / self.n if self.n else float("nan")

    def sampleVariance(self) -> float:
        return self.m2 / (self.n - 1) if self.n > 1 else float("nan")

    def stdev(self) -> float:
        return math.sqrt(self.variance())

    def sampleStdev(self) -> float:
        return math.sqrt(self.sampleVariance())

    def asDict(self, sample: bool = False) -> dict:
        """The statistics as a dict. As in PySpark, stdev and variance are the sample ones
        by default and the population ones with ``sample=True``.

        >>> d = StatCounter([1.0, 3.0]).asDict()
        >>> d["variance"], StatCounter([1.0, 3.0]).asDict(sample=True)["variance"]
        (2.0, 1.0)
        """
        return {"count": self.count(), "mean": self.mean(), "sum": self.sum(),
                "min": self.min(), "max": self.max(),
                "stdev": self.stdev() if sample else self.sampleStdev(),
                "variance": self.variance() if sample else self.sampleVariance()}

    def __repr__(self) -> str:
        return "(count: %s, mean: %s, stdev: %s, max: %s, min: %s)" % (
            self.count(), self.mean(), self.stdev(), self.max(), self.min())
