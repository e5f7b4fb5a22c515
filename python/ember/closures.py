"""Pickling the user's functions for tasks, and the per-partition samplers RDDs use.

Both driver and workers import this module (tasks run the samplers), so it imports no py4j.
"""

import dis
import io
import linecache
import marshal
import math
import os
import pickle
import random
import types
from itertools import chain
from typing import Any, Callable, Dict, Iterable, Iterator, List, Tuple

import cloudpickle

from ember import broadcast as _broadcast
from ember import wire

__all__ = ["serialize_command", "check_shippable", "sample_partition", "partition_rng",
           "map_checked", "filter_checked", "flat_map_checked"]

STOP_ITERATION_MESSAGE = ("[STOP_ITERATION_OCCURRED] Caught StopIteration thrown from user's code; "
                          "failing the task: %s")


class _CommandPickler(cloudpickle.CloudPickler):
    """cloudpickle that keeps where each shipped function was written.

    cloudpickle 3.1 and later record every code object's file as ``"<dynamic-code>"``, so a
    failing task's traceback would lose the user's file, line and source text. Code objects
    travel instead as ``marshal`` bytes (which keep ``co_filename``; the worker handshake
    already guarantees the driver's Python major.minor) together with the source lines they
    span, which the worker hands to ``linecache`` when the file is not on its machine.
    """

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is types.CodeType:
            return _load_code, (marshal.dumps(obj), obj.co_filename, _source_lines(obj))
        return super().reducer_override(obj)


def _code_objects(code: types.CodeType) -> Iterator[types.CodeType]:
    yield code
    for const in code.co_consts:
        if type(const) is types.CodeType:
            yield from _code_objects(const)


def _source_lines(code: types.CodeType) -> Dict[int, str]:
    """{line number: text} of the lines ``code`` (with its nested functions) spans."""
    numbers = [code.co_firstlineno]
    for c in _code_objects(code):
        numbers.extend(line for _, line in dis.findlinestarts(c) if line is not None)
    lines = linecache.getlines(code.co_filename)
    first, last = min(numbers), min(max(numbers), len(lines))
    return {n: lines[n - 1] for n in range(first, last + 1)}


def _load_code(data: bytes, filename: str, source: Dict[int, str]) -> types.CodeType:
    """Unpickles a code object on a worker; tracebacks through it show the shipped source
    when ``filename`` is not readable here."""
    if source and not os.path.exists(filename):
        entry = linecache.cache.get(filename)
        lines = list(entry[2]) if entry and len(entry) == 4 else []
        last = max(source)
        lines.extend("\n" for _ in range(last - len(lines)))
        for n, text in source.items():
            lines[n - 1] = text
        # mtime None: linecache.checkcache keeps the entry although no such file exists
        linecache.cache[filename] = (sum(map(len, lines)), None, lines, filename)
    return marshal.loads(data)


def _dumps(obj: Any) -> bytes:
    buffer = io.BytesIO()
    _CommandPickler(buffer, protocol=wire.PICKLE_PROTOCOL).dump(obj)
    return buffer.getvalue()


def serialize_command(func: Callable, what: str) -> Tuple[bytes, List[int]]:
    """(cloudpickled func, ids of the broadcasts it uses); a clear error if it can't pickle."""
    with _broadcast.track_pickled() as ids:
        try:
            data = _dumps(func)
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
