"""Broadcast variables: read-only values sent to each worker once.

On the driver a ``Broadcast`` holds its value; the driver writes the pickled value to a file
once (``Broadcast.dump``) and executors hand workers that file's path in the task header.
Pickling a ``Broadcast`` (inside a task's command) carries only its id. In a worker, ``value``
looks the id up in this module's registry, which the worker fills from task headers and keeps
across tasks until the header lists the id as removed.

>>> b = Broadcast(3, [1, 2, 3])
>>> import pickle
>>> pickle.loads(pickle.dumps(b)) is b    # in the driver process, the same object
True
"""

import contextlib
import pickle
import threading
import weakref
from typing import Any, BinaryIO, Dict, Generic, Iterator, Optional, Set, TypeVar

T = TypeVar("T")

PICKLE_PROTOCOL = 5
_UNSET = object()

_driver_registry: "weakref.WeakValueDictionary[int, Broadcast]" = weakref.WeakValueDictionary()
_worker_values: Dict[int, Any] = {}
_tracking = threading.local()


class Broadcast(Generic[T]):
    """A read-only variable cached on each worker."""

    def __init__(self, bid: int, value: Any = _UNSET, owner: Any = None, handle: Any = None):
        """Driver side: ``owner`` (the context's ``ember.engine.Engine``) implements
        ``unpersist_broadcast(handle, blocking)`` and ``destroy_broadcast(handle,
        blocking)``; ``handle`` is the engine's broadcast, which this object keeps alive:
        once both are garbage collected, the engine's cleaner removes the value's file and
        the executors' copies."""
        self.id = bid
        self._value = value
        self._owner = owner
        self._handle = handle
        self._destroyed = False
        if value is not _UNSET:
            _driver_registry[bid] = self

    @property
    def value(self) -> T:
        """The broadcast value (loaded once per worker)."""
        if self._value is not _UNSET:
            return self._value
        try:
            return _worker_values[self.id]
        except KeyError:
            raise RuntimeError("broadcast %d is not loaded in this worker (was it destroyed, "
                               "or created in another context?)" % self.id) from None

    def __reduce__(self):
        if self._destroyed:
            raise RuntimeError("broadcast %d was destroyed and cannot be used" % self.id)
        ids = getattr(_tracking, "ids", None)
        if ids is not None:
            ids.add(self.id)
        return _from_id, (self.id,)

    def unpersist(self, blocking: bool = False) -> None:
        """Drops executor copies; they are sent again if a later task uses this broadcast."""
        self._driver_owner("unpersist").unpersist_broadcast(self._handle, blocking)

    def destroy(self, blocking: bool = False) -> None:
        """Removes all copies and metadata; this broadcast cannot be used afterwards (a second
        destroy raises, as in PySpark)."""
        if self._destroyed:
            raise RuntimeError("Attempted to use broadcast %d after it was destroyed" % self.id)
        self._driver_owner("destroy").destroy_broadcast(self._handle, blocking)
        self._destroyed = True
        self._value = _UNSET
        _driver_registry.pop(self.id, None)

    def _driver_owner(self, what: str) -> Any:
        if self._owner is None:
            raise RuntimeError("Broadcast.%s() can only be called on the driver" % what)
        return self._owner

    @staticmethod
    def dump(value: Any, f: BinaryIO) -> None:
        """Writes ``value`` pickled, as workers expect to find it in a broadcast file; a value
        that cannot be pickled raises PicklingError (as PySpark)."""
        try:
            pickle.dump(value, f, PICKLE_PROTOCOL)
        except pickle.PickleError:
            raise
        except Exception as e:
            raise pickle.PicklingError("Could not serialize broadcast: %s: %s"
                                       % (type(e).__name__, e)) from e

    @staticmethod
    def load(f: BinaryIO) -> Any:
        return pickle.load(f)

    @staticmethod
    def load_from_path(path: str) -> Any:
        with open(path, "rb") as f:
            return pickle.load(f)

    def __repr__(self) -> str:
        return "Broadcast<id=%d>" % self.id


def _from_id(bid: int) -> Broadcast:
    """Unpickling hook: the driver's object if this process has it, else a worker handle."""
    b = _driver_registry.get(bid)
    return b if b is not None else Broadcast(bid)


@contextlib.contextmanager
def track_pickled() -> Iterator[Set[int]]:
    """Collects the ids of broadcasts pickled (on this thread) inside the ``with`` block, so
    the driver knows which broadcasts a command needs.

    >>> b = Broadcast(11, "v")
    >>> with track_pickled() as ids:
    ...     _ = pickle.dumps([b])
    >>> ids
    {11}
    """
    outer = getattr(_tracking, "ids", None)
    ids: Set[int] = set()
    _tracking.ids = ids
    try:
        yield ids
    finally:
        _tracking.ids = outer
        if outer is not None:
            outer.update(ids)


# -- worker side ---------------------------------------------------------------------------

def worker_add(bid: int, path: str) -> None:
    """Loads broadcast ``bid`` from ``path`` unless this worker already holds it."""
    if bid not in _worker_values:
        _worker_values[bid] = Broadcast.load_from_path(path)


def worker_remove(bid: int) -> None:
    _worker_values.pop(bid, None)


def worker_ids() -> Set[int]:
    return set(_worker_values)


def worker_lookup(bid: int) -> Optional[Any]:
    return _worker_values.get(bid)
