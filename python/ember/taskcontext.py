"""Information about the task a worker is running, for user code and Ember's shuffle code.

>>> TaskContext.get() is None     # outside a task
True
>>> ctx = TaskContext(1, 0, 0, 7)   # what the worker makes for a task
>>> TaskContext._set(ctx)
>>> TaskContext() is ctx, ctx.cpus(), ctx.resources()
(True, 1, {})
>>> TaskContext._set(None)
"""

from typing import Any, Dict, Optional


class TaskContext:
    """The running task (PySpark's TaskContext); ``TaskContext.get()`` returns it in a task,
    and so does ``TaskContext()`` (as in PySpark, constructing one gives the running task's).
    """

    _current: Optional["TaskContext"] = None

    def __new__(cls, *args, **kwargs):
        current = cls._current
        if not args and not kwargs and isinstance(current, cls):
            return current
        return super().__new__(cls)

    def __init__(self, stage_id: Optional[int] = None, partition_id: Optional[int] = None,
                 attempt_number: Optional[int] = None, task_attempt_id: Optional[int] = None,
                 memory_limit_mb: int = 512, spill_dir: str = "", files_dir: str = "",
                 properties: Optional[Dict[str, str]] = None):
        if stage_id is None and hasattr(self, "_stage_id"):
            return   # TaskContext() in a task: __new__ returned the running one
        self._stage_id = stage_id
        self._partition_id = partition_id
        self._attempt_number = attempt_number
        self._task_attempt_id = task_attempt_id
        self._properties = dict(properties or {})
        self.memory_limit_mb = memory_limit_mb
        """ember.python.worker.memory: MB this worker may use before shuffle code spills."""
        self.spill_dir = spill_dir
        """Directory for spill files ("" = the system temp dir)."""
        self.files_dir = files_dir
        """Where files added with addFile are ("" = none)."""

    @classmethod
    def get(cls) -> Optional["TaskContext"]:
        """The current task's context, or None outside a task."""
        return cls._current

    @classmethod
    def _set(cls, ctx: Optional["TaskContext"]) -> None:
        cls._current = ctx

    def stageId(self) -> int:
        return self._stage_id

    def partitionId(self) -> int:
        return self._partition_id

    def attemptNumber(self) -> int:
        """How many times this task was attempted before (0 for the first attempt)."""
        return self._attempt_number

    def taskAttemptId(self) -> int:
        return self._task_attempt_id

    def cpus(self) -> int:
        """CPUs given to this task: Ember's schedulers give every task one core."""
        return 1

    def resources(self) -> Dict[str, Any]:
        """Resources (GPUs, ...) given to this task by name: Ember assigns none."""
        return {}

    def getLocalProperty(self, key: str) -> Optional[str]:
        """A property the driver set with ``setLocalProperty`` before starting the job."""
        from ember.conf import normalize_key
        return self._properties.get(normalize_key(key))
