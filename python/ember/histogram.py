"""RDD.histogram's bucket rules and per-partition counting (PySpark's semantics and errors).

Workers unpickle the counting function defined here by reference, so this module imports no
py4j.

>>> counts = count_partition([0, 10, 20], True, iter([1, 5, 10, 20, None, 25]))
>>> counts
[[2, 2]]
"""

import bisect
import math
from typing import Any, Iterable, List, Optional, Sequence, Tuple

__all__ = ["comparable", "even_buckets", "check_buckets", "count_partition"]


def comparable(x: Any) -> bool:
    """Whether ``x`` takes part in a histogram (None and float NaN do not)."""
    return x is not None and not (type(x) is float and math.isnan(x))


def even_buckets(lo: Any, hi: Any, n: int) -> List[Any]:
    """``n`` equal buckets from ``lo`` to ``hi`` (lo < hi), integer boundaries when exact."""
    try:
        inc = (hi - lo) / n
    except TypeError:
        raise TypeError("Can not generate buckets with non-number in RDD") from None
    if math.isinf(inc):
        raise ValueError("Can not generate buckets with infinite value")
    if int(inc) * n == hi - lo:
        inc = int(inc)
    return [lo + i * inc for i in range(n)] + [hi]


def check_buckets(buckets: Sequence[Any]) -> bool:
    """Validates given boundaries; True if they are evenly spaced (numbers only)."""
    if len(buckets) < 2:
        raise ValueError("buckets should have more than one value")
    if any(not comparable(b) for b in buckets):
        raise ValueError("can not have None or NaN in buckets")
    if sorted(buckets) != list(buckets):
        raise ValueError("buckets should be sorted")
    if len(set(buckets)) != len(buckets):
        raise ValueError("buckets should not contain duplicated values")
    try:
        steps = [b - a for a, b in zip(buckets, buckets[1:])]
    except TypeError:   # e.g. strings: no arithmetic, count by bisection
        return False
    return max(steps) - min(steps) < 1e-10


def count_partition(buckets: Sequence[Any], even: bool, it: Iterable[Any]) -> List[List[int]]:
    """One partition's counts per bucket; the last bucket includes its upper boundary."""
    lo, hi = buckets[0], buckets[-1]
    inc: Optional[Any] = (hi - lo) / (len(buckets) - 1) if even else None
    counts = [0] * len(buckets)
    for x in it:
        if not comparable(x) or x < lo or x > hi:
            continue
        i = int((x - lo) / inc) if even else bisect.bisect_right(buckets, x) - 1
        counts[i] += 1
    last = counts.pop()
    counts[-1] += last
    return [counts]


def min_max(a: Tuple[Any, Any], b: Tuple[Any, Any]) -> Tuple[Any, Any]:
    return min(a[0], b[0]), max(a[1], b[1])
