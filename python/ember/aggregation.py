"""In-memory combining for shuffles (used by ``ember.shuffle``, inside workers).

``Aggregator`` holds combineByKey's three functions; ``combine_values`` and
``merge_combiners_into`` are the per-record loops that fold pairs into a dict, with fast paths
for groupByKey; ``MemoryMeter`` paces those loops against ``ember.python.worker.memory``.

The loops are the per-record hot path of every shuffle, so they take records in chunks
(``list(islice(...))`` runs in C) and do nothing per record but the merge itself: memory is
read once per chunk, and records are not validated one by one (a record that is not a pair
fails its unpacking, and only then does the caller look for the culprit).

>>> data = {}
>>> _ = combine_values(data, [("a", 1), ("b", 2), ("a", 3)], GROUP_AGGREGATOR)
>>> data
{'a': [1, 3], 'b': [2]}
"""

import os
import sys
from itertools import islice
from typing import (Any, Callable, Dict, Hashable, Iterable, Iterator, List, NamedTuple, Optional,
                    Tuple)

from ember.taskcontext import TaskContext

DEFAULT_MEMORY_LIMIT_MB = 512
CHECK_EVERY = 1000
"""Most records between two memory readings."""
MIN_CHUNK = 64
"""Fewest records between two memory readings (reached when records are big)."""
MAX_SKIPPED = 16
"""Most chunks between two memory readings when memory is far below the threshold."""
MB = 1 << 20


class Aggregator(NamedTuple):
    """combineByKey's three functions."""
    create_combiner: Callable[[Any], Any]
    merge_value: Callable[[Any, Any], Any]
    merge_combiners: Callable[[Any, Any], Any]


def _new_group(v: Any) -> List[Any]:
    return [v]


def _append(group: List[Any], v: Any) -> List[Any]:
    group.append(v)
    return group


def _extend(a: List[Any], b: List[Any]) -> List[Any]:
    a.extend(b)
    return a


GROUP_AGGREGATOR = Aggregator(_new_group, _append, _extend)
"""Collects the values of each key into a list (groupByKey)."""

MISS_RATIO = 16
"""combine_values' try/except loop pays off when fewer than 1 in this many keys are new."""


def combine_values(data: Dict[Hashable, Any], chunk: List[Any], aggregator: Aggregator,
                   hits_likely: bool = False) -> bool:
    """Merges (key, value) pairs into ``data``. Returns whether most keys of this chunk were
    already there; the caller passes that back as ``hits_likely`` for the next chunk, which
    picks the loop: a miss costs an exception in the try/except loop, which in exchange makes
    two dict probes per hit where the ``in`` loop makes three."""
    create, merge = aggregator.create_combiner, aggregator.merge_value
    before = len(data)
    if merge is _append and create is _new_group:
        get = data.get
        for k, v in chunk:
            group = get(k)
            if group is None:
                data[k] = [v]
            else:
                group.append(v)
    elif hits_likely:
        for k, v in chunk:
            try:
                c = data[k]
            except KeyError:
                data[k] = create(v)
            else:
                data[k] = merge(c, v)
    else:
        for k, v in chunk:
            if k in data:
                data[k] = merge(data[k], v)
            else:
                data[k] = create(v)
    return (len(data) - before) * MISS_RATIO < len(chunk)


def merge_combiners_into(data: Dict[Hashable, Any], chunk: List[Any],
                         merge: Callable[[Any, Any], Any]) -> None:
    """Merges (key, combiner) pairs into ``data``."""
    if merge is _extend:
        get = data.get
        for k, c in chunk:
            group = get(k)
            if group is None:
                data[k] = c
            else:
                group.extend(c)
        return
    for k, c in chunk:
        if k in data:
            data[k] = merge(data[k], c)
        else:
            data[k] = c


# -- memory --------------------------------------------------------------------------------

_statm: Optional[Tuple[int, int]] = None   # (pid, fd of that process's /proc/self/statm)


def used_memory() -> int:
    """This process's resident set size in bytes (peak RSS where /proc is missing)."""
    global _statm
    try:
        pid = os.getpid()
        if _statm is None or _statm[0] != pid:   # opened again after a fork
            _statm = (pid, os.open("/proc/self/statm", os.O_RDONLY | os.O_CLOEXEC))
        return int(os.pread(_statm[1], 128, 0).split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


try:
    _PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
except (AttributeError, ValueError, OSError):
    _PAGE_SIZE = 4096


def limit_bytes(memory_limit_mb: Optional[float]) -> int:
    """The limit in bytes (0: none); None means the task's ember.python.worker.memory."""
    if memory_limit_mb is None:
        ctx = TaskContext.get()
        memory_limit_mb = ctx.memory_limit_mb if ctx is not None else DEFAULT_MEMORY_LIMIT_MB
    return int(memory_limit_mb * MB) if memory_limit_mb > 0 else 0


_malloc_trim: Optional[Callable[[int], int]] = None


def release_memory() -> None:
    """Hands freed heap pages back to the OS (glibc keeps them otherwise), so that the RSS the
    limit is checked against drops after a spill."""
    global _malloc_trim
    if _malloc_trim is None:
        try:
            import ctypes
            _malloc_trim = ctypes.CDLL(None).malloc_trim
        except (OSError, AttributeError):
            _malloc_trim = lambda pad: 0  # noqa: E731 - not glibc: nothing to do
    _malloc_trim(0)


class MemoryMeter:
    """Paces a loop over records against a memory limit.

    ``chunks(records)`` hands the records out in lists; between two lists the loop calls
    ``over()``, which reads the memory in use and says whether it passed the threshold (the
    limit at first). When memory grew by more than limit/32 since the last reading, the lists
    shrink in proportion (down to MIN_CHUNK), so big records (groups) cannot overshoot the
    limit by much; they grow back (up to CHECK_EVERY) while it grows slowly. Far below the
    threshold some readings are skipped (each is a system call). After the loop frees memory
    (a spill) it calls ``freed()``: memory is handed back to the OS and the next threshold set
    a little above what is still in use (never below the limit), so memory that cannot be
    freed does not make every check spill. With no limit, memory is never read.
    """

    def __init__(self, limit: int, measure: Callable[[], int] = used_memory):
        self.limit = limit
        self.measure = measure
        self.size = CHECK_EVERY
        self.threshold = limit
        self._last = 0
        self._skip = 0

    def chunks(self, records: Iterable[Any]) -> Iterator[List[Any]]:
        # iter(callable, sentinel) keeps no reference to the list it returned last, so a
        # loop that drops its chunk before spilling really frees it.
        it = iter(records)
        return iter(lambda: list(islice(it, self.size)), [])

    def over(self) -> bool:
        if not self.limit:
            return False
        if self._skip:
            self._skip -= 1
            return False
        used = self.measure()
        first = not self._last
        grew, self._last = used - (self._last or used), used
        step = self.limit >> 5
        if grew > step:
            self.size = max(MIN_CHUNK, self.size * step // grew)
        elif grew < step >> 2 and self.size < CHECK_EVERY:
            self.size = min(CHECK_EVERY, self.size << 1)
        # Far below the threshold, skip some readings (each costs a system call): as many as
        # leave half the headroom even if every skipped chunk grew by `step` or more.
        if not first:
            self._skip = min(MAX_SKIPPED,
                             max(0, self.threshold - used) // (2 * max(grew, step, 1)))
        return used > self.threshold

    def freed(self) -> int:
        """Call after freeing memory; returns the memory now in use."""
        release_memory()
        self._skip = 0
        used = self._last = self.measure()
        self.threshold = max(self.limit, used + max(self.limit >> 4, MB))
        return used
