"""Barrier stages (``RDD.barrier()``): all tasks of the stage run at once and can wait for
each other with ``BarrierTaskContext.get().barrier()`` or exchange strings with
``allGather``.

Ember's executors all live on the driver's machine, so tasks meet through a private
rendezvous directory made by the driver: at each sync a task writes its message to
``<dir>/<stage>/<epoch>/<partition>`` (atomically) and waits until every partition's file is
there. A task that fails leaves a ``failed`` marker so its peers stop waiting and fail too.
A barrier stage needs a free slot for every partition; ``barrier_stage`` refuses more
partitions than the master has cores. A sync waits at most ``spark.barrier.sync.timeout``
(default 365d, as in Spark; e.g. "30s", "5m").

Tasks run this module, so it imports no py4j.

>>> def sync(it):
...     ctx = BarrierTaskContext.get()
...     return ctx.allGather(str(ctx.partitionId()))
>>> sc.parallelize(range(2), 2).barrier().mapPartitions(sync).collect()
['0', '1', '0', '1']
"""

import os
import re
import tempfile
import time
from typing import Any, Callable, Iterable, Iterator, List, Optional

from ember.taskcontext import TaskContext

__all__ = ["BarrierTaskContext", "BarrierTaskInfo", "barrier_stage"]

SYNC_TIMEOUT_S = 365 * 24 * 3600.0
_POLL_S = 0.002


class BarrierTaskInfo:
    """Where a barrier task runs (all of Ember's tasks run on this host)."""

    def __init__(self, address: str):
        self.address = address

    def __repr__(self) -> str:
        return "BarrierTaskInfo(%r)" % self.address


class BarrierTaskContext(TaskContext):
    """The TaskContext of a barrier task; ``get()`` returns it inside a barrier stage."""

    _current_barrier: Optional["BarrierTaskContext"] = None

    def __init__(self, base: TaskContext, rendezvous: str, num_tasks: int,
                 timeout: float = SYNC_TIMEOUT_S):
        super().__init__(base.stageId(), base.partitionId(), base.attemptNumber(),
                         base.taskAttemptId(), base.memory_limit_mb, base.spill_dir,
                         base.files_dir, base._properties)
        self._dir = os.path.join(rendezvous, "stage-%d" % base.stageId())
        self._num_tasks = num_tasks
        self._epoch = 0
        self._timeout = timeout

    @classmethod
    def get(cls) -> "BarrierTaskContext":
        """The running barrier task's context; RuntimeError outside a barrier stage (as
        PySpark)."""
        if cls._current_barrier is None:
            raise RuntimeError("[NOT_IN_BARRIER_STAGE] It is not in a barrier stage.")
        return cls._current_barrier

    def barrier(self) -> None:
        """Waits until every task of the stage has called barrier() as often as this one."""
        self.allGather("")

    def allGather(self, message: str = "") -> List[str]:
        """Waits for every task like barrier(); returns their messages by partition."""
        if not isinstance(message, str):
            raise TypeError("allGather takes a str message, got %s" % type(message).__name__)
        epoch_dir = os.path.join(self._dir, "epoch-%d" % self._epoch)
        self._epoch += 1
        os.makedirs(epoch_dir, exist_ok=True)
        mine = os.path.join(epoch_dir, str(self.partitionId()))
        with open(mine + ".tmp", "w", encoding="utf-8") as f:
            f.write(message)
        os.replace(mine + ".tmp", mine)
        deadline = time.monotonic() + self._timeout
        names = [str(p) for p in range(self._num_tasks)]
        while True:
            present = set(os.listdir(epoch_dir))
            if all(n in present for n in names):
                break
            if os.path.exists(os.path.join(self._dir, "failed")):
                raise RuntimeError("a barrier task of stage %d failed; stopping this one"
                                   % self.stageId())
            if time.monotonic() > deadline:
                raise RuntimeError("barrier() timed out after %.0f s waiting for %d of %d tasks"
                                   % (self._timeout, self._num_tasks - len(present & set(names)),
                                      self._num_tasks))
            time.sleep(_POLL_S)
        out = []
        for n in names:
            with open(os.path.join(epoch_dir, n), encoding="utf-8") as f:
                out.append(f.read())
        return out

    def getTaskInfos(self) -> List[BarrierTaskInfo]:
        return [BarrierTaskInfo("127.0.0.1") for _ in range(self._num_tasks)]

    def _mark_failed(self) -> None:
        os.makedirs(self._dir, exist_ok=True)
        open(os.path.join(self._dir, "failed"), "w").close()


def run_barrier_task(f: Callable[[int, Iterator], Iterable], index: int, it: Iterator,
                     rendezvous: str, num_tasks: int,
                     timeout: float = SYNC_TIMEOUT_S) -> Iterator[Any]:
    """Runs the user's function as one task of a barrier stage."""
    task = BarrierTaskContext(TaskContext.get() or TaskContext(0, index, 0, 0), rendezvous,
                              num_tasks, timeout)
    plain = TaskContext.get()
    BarrierTaskContext._current_barrier = task
    TaskContext._set(task)   # TaskContext.get() in a barrier stage gives the barrier context
    try:
        yield from f(index, it)
    except BaseException:
        task._mark_failed()
        raise
    finally:
        BarrierTaskContext._current_barrier = None
        TaskContext._set(plain)


def parse_seconds(value: str) -> float:
    """Seconds in a duration like "90", "30s", "5m", "2h" or "365d" (bare numbers: seconds).

    >>> parse_seconds("90"), parse_seconds("5m"), parse_seconds("1.5h"), parse_seconds("200ms")
    (90.0, 300.0, 5400.0, 0.2)
    """
    m = re.fullmatch(r"\s*([\d.]+)\s*(ms|s|m|min|h|d)?\s*", value.lower())
    if not m:
        raise ValueError("invalid duration %r (expected e.g. 30s, 5m, 365d)" % value)
    unit = {"ms": 0.001, "s": 1, None: 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
    return float(m.group(1)) * unit[m.group(2)]


def barrier_stage(rdd, f: Callable[[int, Iterator], Iterable], preservesPartitioning: bool):
    """The RDD of ``f`` run as a barrier stage over ``rdd`` (driver side)."""
    from ember.errors import EmberError
    from ember.rdd import PipelinedRDD
    ctx, engine = rdd.ctx, rdd.ctx.engine
    n = rdd.getNumPartitions()
    slots = engine.local_slots()  # the JVM parsed the master URL; tasks meet in a local dir
    if slots == 0:
        raise EmberError("Barrier stages run on local and local-cluster masters only (their tasks meet in "
                         "a directory on this machine), not on %s" % ctx.master)
    if n > slots:
        raise EmberError("A barrier stage needs all its %d tasks running at once, but master %s "
                         "has only %d slots; coalesce to at most %d partitions first"
                         % (n, ctx.master, slots, slots))
    timeout = parse_seconds(engine.setting("spark.barrier.sync.timeout", "365d"))
    rendezvous = tempfile.mkdtemp(prefix=".barrier-", dir=engine.files_dir)
    return PipelinedRDD(rdd, lambda i, it: run_barrier_task(f, i, it, rendezvous, n, timeout),
                        preservesPartitioning, "barrier")
