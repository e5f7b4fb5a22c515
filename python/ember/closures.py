"""Pickling the user's functions for tasks, and the per-partition samplers RDDs use.

Both driver and workers import this module (tasks run the samplers), so it imports no py4j.
"""

import math
import pickle
import random
from typing import Any, Callable, Iterable, Iterator, List, Tuple

import cloudpickle

from ember import broadcast as _broadcast
from ember import wire

__all__ = ["serialize_command", "check_shippable", "sample_partition", "partition_rng",
           "fail_on_stopiteration"]

STOP_ITERATION_MESSAGE = ("[STOP_ITERATION_OCCURRED] Caught StopIteration thrown from user's code; "
                          "failing the task: %s")


def serialize_command(func: Callable, what: str) -> Tuple[bytes, List[int]]:
    """(cloudpickled func, ids of the broadcasts it uses); a clear error if it can't pickle."""
    with _broadcast.track_pickled() as ids:
        try:
            data = cloudpickle.dumps(func, wire.PICKLE_PROTOCOL)
        except Exception as e:
            raise pickle.PicklingError("Could not serialize the function passed to %s(): %r: %s"
                                       % (what, func, e)) from e
    return data, sorted(ids)


def check_shippable(f: Any, what: str) -> None:
    """Fails at the call that received ``f`` (not at the job) if ``f`` cannot be pickled."""
    serialize_command(f, what)


def fail_on_stopiteration(f: Callable) -> Callable:
    """``f``, but a StopIteration it raises becomes a RuntimeError (as in PySpark).

    Builtin ``map``/``filter`` would otherwise take the user's StopIteration as the end of
    the partition and silently drop the rest of it.

    >>> def first(x):
    ...     raise StopIteration("no more")
    >>> try:
    ...     list(map(fail_on_stopiteration(first), [1]))
    ... except RuntimeError as e:
    ...     print(e)  # doctest: +NORMALIZE_WHITESPACE
    [STOP_ITERATION_OCCURRED] Caught StopIteration thrown from user's code;
    failing the task: no more
    """
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except StopIteration as exc:
            raise RuntimeError(STOP_ITERATION_MESSAGE % exc) from exc
    return wrapper


def sample_partition(rng: random.Random, items: Iterable[Any], withReplacement: bool,
                     fraction_of: Callable[[Any], float]) -> Iterator[Any]:
    """Bernoulli (or, with replacement, Poisson) sampling with a per-item fraction.

    >>> list(sample_partition(random.Random(1), range(5), False, lambda x: x % 2))
    [1, 3]
    """
    for x in items:
        fraction = fraction_of(x)
        if withReplacement:
            k, p, limit = 0, 1.0, math.exp(-fraction)   # Poisson(fraction), by inversion
            while True:
                p *= rng.random()
                if p <= limit:
                    break
                k += 1
            for _ in range(k):
                yield x
        elif rng.random() < fraction:
            yield x


def partition_rng(seed: int, index: int) -> random.Random:
    """The random generator of one partition of a seeded sample."""
    return random.Random(seed ^ (index * 0x9E3779B1))
