"""Stage-level resource profiles (PySpark's ``pyspark.resource``), for ``RDD.withResources``.

Ember records the profile on the RDD and returns it from ``getResourceProfile``, so programs
written for stage-level scheduling run unchanged; the local scheduler still gives every task
one core and has no other resources (GPUs, ...) to hand out.

>>> tasks = TaskResourceRequests().cpus(2)
>>> execs = ExecutorResourceRequests().cores(4).memory("2g")
>>> profile = ResourceProfileBuilder().require(tasks).require(execs).build
>>> profile.taskResources["cpus"].amount, profile.executorResources["memory"].amount
(2.0, 2048)
"""

import itertools
import re
from typing import Dict, Optional, Union

__all__ = ["ResourceProfile", "ResourceProfileBuilder", "ExecutorResourceRequest",
           "ExecutorResourceRequests", "TaskResourceRequest", "TaskResourceRequests"]

_ids = itertools.count(1)
_UNITS = {"k": 1 / 1024, "m": 1, "g": 1024, "t": 1024 * 1024}


def _mebibytes(amount: Union[str, int]) -> int:
    """Megabytes in a size like "512m" or "2g" (a bare number means megabytes)."""
    if isinstance(amount, int):
        return amount
    m = re.fullmatch(r"\s*(\d+)\s*([kmgt])?b?\s*", str(amount).lower())
    if not m:
        raise ValueError("invalid memory size %r (expected e.g. 512m or 2g)" % (amount,))
    return int(int(m.group(1)) * _UNITS[m.group(2) or "m"])


class ExecutorResourceRequest:
    """An amount of one executor resource (cores, memory in MB, or a custom resource)."""

    def __init__(self, resourceName: str, amount: int, discoveryScript: str = "",
                 vendor: str = ""):
        self.resourceName = resourceName
        self.amount = amount
        self.discoveryScript = discoveryScript
        self.vendor = vendor

    def __repr__(self) -> str:
        return "ExecutorResourceRequest(%s=%s)" % (self.resourceName, self.amount)


class TaskResourceRequest:
    """An amount of one resource each task needs (``cpus`` or a custom resource)."""

    def __init__(self, resourceName: str, amount: float):
        self.resourceName = resourceName
        self.amount = float(amount)

    def __repr__(self) -> str:
        return "TaskResourceRequest(%s=%s)" % (self.resourceName, self.amount)


class ExecutorResourceRequests:
    """Builder of executor resource requests; each setter returns self."""

    def __init__(self) -> None:
        self._requests: Dict[str, ExecutorResourceRequest] = {}

    def _add(self, name: str, amount: int) -> "ExecutorResourceRequests":
        self._requests[name] = ExecutorResourceRequest(name, amount)
        return self

    def cores(self, amount: int) -> "ExecutorResourceRequests":
        return self._add("cores", int(amount))

    def memory(self, amount: Union[str, int]) -> "ExecutorResourceRequests":
        return self._add("memory", _mebibytes(amount))

    def memoryOverhead(self, amount: Union[str, int]) -> "ExecutorResourceRequests":
        return self._add("memoryOverhead", _mebibytes(amount))

    def pysparkMemory(self, amount: Union[str, int]) -> "ExecutorResourceRequests":
        return self._add("pyspark.memory", _mebibytes(amount))

    def offheapMemory(self, amount: Union[str, int]) -> "ExecutorResourceRequests":
        return self._add("offHeap", _mebibytes(amount))

    def resource(self, resourceName: str, amount: int, discoveryScript: str = "",
                 vendor: str = "") -> "ExecutorResourceRequests":
        self._requests[resourceName] = ExecutorResourceRequest(resourceName, amount,
                                                               discoveryScript, vendor)
        return self

    @property
    def requests(self) -> Dict[str, ExecutorResourceRequest]:
        return dict(self._requests)


class TaskResourceRequests:
    """Builder of per-task resource requests; each setter returns self."""

    def __init__(self) -> None:
        self._requests: Dict[str, TaskResourceRequest] = {}

    def cpus(self, amount: int) -> "TaskResourceRequests":
        self._requests["cpus"] = TaskResourceRequest("cpus", amount)
        return self

    def resource(self, resourceName: str, amount: float) -> "TaskResourceRequests":
        self._requests[resourceName] = TaskResourceRequest(resourceName, amount)
        return self

    @property
    def requests(self) -> Dict[str, TaskResourceRequest]:
        return dict(self._requests)


class ResourceProfile:
    """Executor and task resource requests, with a unique ``id``."""

    def __init__(self, _exec_req: Optional[Dict[str, ExecutorResourceRequest]] = None,
                 _task_req: Optional[Dict[str, TaskResourceRequest]] = None):
        self._id = next(_ids)
        self._executor_resources = dict(_exec_req or {})
        self._task_resources = dict(_task_req or {})

    @property
    def id(self) -> int:
        return self._id

    @property
    def taskResources(self) -> Dict[str, TaskResourceRequest]:
        return dict(self._task_resources)

    @property
    def executorResources(self) -> Dict[str, ExecutorResourceRequest]:
        return dict(self._executor_resources)

    def __repr__(self) -> str:
        return "ResourceProfile(id=%d, executor=%r, task=%r)" % (
            self._id, list(self._executor_resources.values()),
            list(self._task_resources.values()))


class ResourceProfileBuilder:
    """Collects requests; ``build`` (a property, as in PySpark) makes the profile."""

    def __init__(self) -> None:
        self._executor: Dict[str, ExecutorResourceRequest] = {}
        self._task: Dict[str, TaskResourceRequest] = {}

    def require(self, resourceRequest: Union[ExecutorResourceRequests, TaskResourceRequests]
                ) -> "ResourceProfileBuilder":
        if isinstance(resourceRequest, TaskResourceRequests):
            self._task.update(resourceRequest.requests)
        elif isinstance(resourceRequest, ExecutorResourceRequests):
            self._executor.update(resourceRequest.requests)
        else:
            raise TypeError("require() takes ExecutorResourceRequests or TaskResourceRequests, "
                            "got %s" % type(resourceRequest).__name__)
        return self

    def clearExecutorResourceRequests(self) -> None:
        self._executor.clear()

    def clearTaskResourceRequests(self) -> None:
        self._task.clear()

    @property
    def taskResources(self) -> Dict[str, TaskResourceRequest]:
        return dict(self._task)

    @property
    def executorResources(self) -> Dict[str, ExecutorResourceRequest]:
        return dict(self._executor)

    @property
    def build(self) -> ResourceProfile:
        return ResourceProfile(self._executor, self._task)
