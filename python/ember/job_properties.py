"""The driver's job properties: what ``SparkContext.setLocalProperty`` sets, per thread.

The engine reads them when a job starts (``ember.engine.Engine`` copies the starting
thread's values to the JVM), so jobs of different threads carry their own job group,
description and scheduler pool.

>>> props = JobProperties()
>>> props.set("ember.jobGroup.id", "nightly")
>>> props.get("ember.jobGroup.id"), props.snapshot()
('nightly', [('ember.jobGroup.id', 'nightly')])
>>> props.set("ember.jobGroup.id", None)
>>> props.snapshot()   # a key once set stays listed, so the engine learns it was removed
[('ember.jobGroup.id', None)]
"""

import threading
from typing import Dict, List, Optional, Tuple

__all__ = ["JobProperties"]


class JobProperties:
    """Each thread's job properties (key -> value).

    Threading: values live in a ``threading.local``, so a thread sees and changes only its
    own; the set of keys ever set is shared by all threads and only grows (a key removed in
    one thread must still be cleared on the engine side, and keys are few and fixed by code).
    """

    def __init__(self):
        self._local = threading.local()
        self._keys: set = set()

    def _mine(self) -> Dict[str, str]:
        props = getattr(self._local, "props", None)
        if props is None:
            props = self._local.props = {}
        return props

    def set(self, key: str, value: Optional[str]) -> None:
        """Sets this thread's ``key`` (None removes it)."""
        if value is None:
            self._mine().pop(key, None)
        else:
            self._mine()[key] = value
            self._keys.add(key)

    def get(self, key: str) -> Optional[str]:
        """This thread's value of ``key``, or None."""
        return self._mine().get(key)

    def snapshot(self) -> List[Tuple[str, Optional[str]]]:
        """Every key ever set (sorted), with this thread's value or None."""
        mine = self._mine()
        return [(k, mine.get(k)) for k in sorted(self._keys.copy())]
