"""SparkSession's operation tags and interrupts, empty DataFrames and table-valued functions.

Tags map onto job groups, the context's unit of cancellation: while a thread of this session
holds tags, its jobs run in the group ``ember-session-<id>-tags:<sorted tags>``, and
``interruptTag(t)`` cancels every group of this session whose tag set holds ``t``. Operation
ids are job ids (as strings). A thread's own ``setJobGroup`` is replaced while it holds tags.

Threading: tags are per thread (as Spark's); the set of group names is shared and guarded by a
lock. Group names live as long as the session (one per distinct tag set used), and
``clearTags`` forgets the calling thread's.
"""

import threading
import uuid
from typing import Any, List, Set

from ember.errors import PySparkValueError, not_expected_type

__all__ = ["SessionOperations", "TableValuedFunction"]

_GROUP_PROPERTY = "ember.jobGroup.id"


def _check_tag(tag: Any) -> None:
    if not isinstance(tag, str):
        raise not_expected_type("tag", "str", tag)
    if not tag or "," in tag:
        raise PySparkValueError("Spark Connect tag cannot be an empty string or contain ','.",
                                "VALUE_NOT_ALLOWED", {"arg_name": "tag",
                                                      "disallowed_value": tag})


class _Tags:
    """The tags of each thread of one session, and the job groups they have used."""

    def __init__(self, context: Any):
        self._context = context
        self._prefix = "ember-session-%s-tags:" % uuid.uuid4().hex[:12]
        self._local = threading.local()
        self._lock = threading.Lock()
        self._groups: Set[str] = set()

    def current(self) -> Set[str]:
        if not hasattr(self._local, "tags"):
            self._local.tags = set()
        return self._local.tags

    def update(self) -> None:
        """Points the calling thread's job group at its tag set (or clears it)."""
        tags = self.current()
        if not tags:
            if (self._context.getLocalProperty(_GROUP_PROPERTY) or "").startswith(self._prefix):
                self._context.setLocalProperty(_GROUP_PROPERTY, None)
            return
        group = self._prefix + ",".join(sorted(tags))
        with self._lock:
            self._groups.add(group)
        self._context.setLocalProperty(_GROUP_PROPERTY, group)

    def groups_with(self, tag: str) -> List[str]:
        with self._lock:
            return [g for g in self._groups if tag in g[len(self._prefix):].split(",")]


class SessionOperations:
    """Mixin of :class:`ember.sql.SparkSession` (``self`` is a session)."""

    def _tags(self) -> _Tags:
        tags = self.__dict__.get("_tag_state")
        if tags is None:
            tags = self.__dict__.setdefault("_tag_state", _Tags(self.sparkContext))
        return tags

    def addTag(self, tag: str) -> None:
        """Tags the operations this thread starts in this session (see :meth:`interruptTag`)."""
        _check_tag(tag)
        self._tags().current().add(tag)
        self._tags().update()

    def removeTag(self, tag: str) -> None:
        _check_tag(tag)
        self._tags().current().discard(tag)
        self._tags().update()

    def getTags(self) -> Set[str]:
        """This thread's tags in this session."""
        return set(self._tags().current())

    def clearTags(self) -> None:
        self._tags().current().clear()
        self._tags().update()

    def _running(self) -> List[int]:
        return list(self.sparkContext.statusTracker().getActiveJobsIds())

    def interruptTag(self, tag: str) -> List[str]:
        """Cancels the running jobs started under ``tag``; returns their ids."""
        _check_tag(tag)
        tracker = self.sparkContext.statusTracker()
        running = set(self._running())
        interrupted: List[str] = []
        for group in self._tags().groups_with(tag):
            jobs = [j for j in tracker.getJobIdsForGroup(group) if j in running]
            if jobs:
                self.sparkContext.cancelJobGroup(group)
                interrupted += [str(j) for j in jobs]
        return sorted(interrupted, key=int)

    def interruptAll(self) -> List[str]:
        """Cancels every running job (sessions share their context's scheduler, so this
        includes other sessions' jobs); returns their ids."""
        running = self._running()
        if running:
            self.sparkContext.cancelAllJobs()
        return [str(j) for j in running]

    def interruptOperation(self, op_id: str) -> List[str]:
        """Cancels the running job with id ``op_id``; returns ``[op_id]``, or [] when no such
        job is running."""
        if not isinstance(op_id, str):
            raise not_expected_type("op_id", "str", op_id)
        if not op_id.isdigit() or int(op_id) not in self._running():
            return []
        sc = self.sparkContext
        sc.engine.call(sc._jsc.cancelJob, int(op_id))
        return [op_id]

    def emptyDataFrame(self, schema: Any) -> Any:
        """A DataFrame with no rows and ``schema`` (a StructType or a DDL string)."""
        from ember.sql.types import StructType
        if not isinstance(schema, (StructType, str)):
            raise not_expected_type("schema", "StructType or str", schema)
        return self.createDataFrame([], schema)

    @property
    def tvf(self) -> "TableValuedFunction":
        """Table-valued functions: ``spark.tvf.explode(array(...))``, ``range``, ..."""
        return TableValuedFunction(self)


class TableValuedFunction:
    """PySpark's ``spark.tvf``: each function's rows as a DataFrame (a generator over one
    row, as Spark's table-valued functions are)."""

    def __init__(self, session: Any):
        self._session = session

    def _generate(self, name: str, *cols: Any) -> Any:
        from ember.sql import functions as F
        return self._session.range(1).select(getattr(F, name)(*cols))

    def range(self, start: int, end: Any = None, step: int = 1, numPartitions: Any = None) -> Any:
        return self._session.range(start, end, step, numPartitions)

    def explode(self, collection: Any) -> Any:
        return self._generate("explode", collection)

    def explode_outer(self, collection: Any) -> Any:
        return self._generate("explode_outer", collection)

    def posexplode(self, collection: Any) -> Any:
        return self._generate("posexplode", collection)

    def posexplode_outer(self, collection: Any) -> Any:
        return self._generate("posexplode_outer", collection)

    def inline(self, input: Any) -> Any:
        return self._generate("inline", input)

    def inline_outer(self, input: Any) -> Any:
        return self._generate("inline_outer", input)

    def stack(self, n: Any, *fields: Any) -> Any:
        return self._generate("stack", n, *fields)
