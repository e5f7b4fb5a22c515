"""Pickling the user's functions for tasks, and the per-partition samplers RDDs use.

Both driver and workers import this module (tasks run the samplers), so it imports no py4j.
"""

import math
import pickle
import random
from itertools import chain
from typing import Any, Callable, Iterable, Iterator, List, Tuple

import cloudpickle

from ember import broadcast as _broadcast
from ember import wire

__all__ = ["serialize_command", "check_shippable", "sample_partition", "partition_rng",
           "map_checked", "filter_checked", "flat_map_checked"]

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


def _stop_iteration_error(e: StopIteration) -> RuntimeError:
    return RuntimeError(STOP_ITERATION_MESSAGE % e)


def map_checked(f: Callable[[Any], Any], it: Iterable[Any]) -> Iterator[Any]:
    """``map(f, it)``, except that a StopIteration raised by ``f`` fails the task with a
    RuntimeError (as in PySpark) instead of silently ending the partition, which builtin
    ``map`` would do. A generator costs less per element than wrapping ``f``.

    >>> def first(x):
    ...     raise StopIteration("no more")
    >>> try:
    ...     list(map_checked(first, [1]))
    ... except RuntimeError as e:
    ...     print(e)  # doctest: +NORMALIZE_WHITESPACE
    [STOP_ITERATION_OCCURRED] Caught StopIteration thrown from user's code;
    failing the task: no more
    """
    try:
        for x in it:
            yield f(x)
    except StopIteration as e:   # only f raises it here: the loop takes it's own
        raise _stop_iteration_error(e) from e


def filter_checked(f: Callable[[Any], Any], it: Iterable[Any]) -> Iterator[Any]:
    """``filter(f, it)`` with map_checked's treatment of StopIteration."""
    try:
        for x in it:
            if f(x):
                yield x
    except StopIteration as e:
        raise _stop_iteration_error(e) from e


def flat_map_checked(f: Callable[[Any], Iterable[Any]], it: Iterable[Any]) -> Iterator[Any]:
    """The items of ``f(x)`` for each x, with map_checked's treatment of StopIteration (the
    flattening itself runs in C)."""
    return chain.from_iterable(map_checked(f, it))


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
