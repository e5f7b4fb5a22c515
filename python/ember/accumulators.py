"""Accumulators: add-only shared variables with PySpark's semantics.

The driver creates an ``Accumulator`` holding the merged value. Pickling one (inside a task's
command) ships only its id, its param and the param's zero; unpickled in a task it becomes a
task-side copy that starts at zero, can only be added to, and refuses to be read. After each
task the worker sends every copy's value as an update; the driver merges updates with
``AccumulatorParam.addInPlace``. Updates of failed tasks are dropped.

>>> acc = Accumulator(7, 0, INT_ACCUMULATOR_PARAM)
>>> acc += 5
>>> acc.value
5
"""

import threading
from typing import Any, Dict, Generic, Iterable, List, Tuple, TypeVar

T = TypeVar("T")


class AccumulatorParam(Generic[T]):
    """How to add values of one type: subclass and implement ``zero`` and ``addInPlace``."""

    def zero(self, value: T) -> T:
        """The identity for this type, shaped like ``value`` (e.g. a zero vector)."""
        raise NotImplementedError

    def addInPlace(self, value1: T, value2: T) -> T:
        """Adds ``value2`` to ``value1`` and returns the result (may mutate ``value1``)."""
        raise NotImplementedError


class AddingAccumulatorParam(AccumulatorParam[T]):
    """Uses ``+=``, with a fixed zero."""

    def __init__(self, zero_value: T):
        self.zero_value = zero_value

    def zero(self, value: T) -> T:
        return self.zero_value

    def addInPlace(self, value1: T, value2: T) -> T:
        value1 += value2  # type: ignore[operator]
        return value1


INT_ACCUMULATOR_PARAM = AddingAccumulatorParam(0)
FLOAT_ACCUMULATOR_PARAM = AddingAccumulatorParam(0.0)
COMPLEX_ACCUMULATOR_PARAM = AddingAccumulatorParam(0.0j)


def default_param(value: Any) -> AccumulatorParam:
    """The built-in param for int, float and complex values; others need an explicit one."""
    if isinstance(value, bool) or not isinstance(value, (int, float, complex)):
        raise TypeError("no default AccumulatorParam for %s; pass accum_param"
                        % type(value).__name__)
    if isinstance(value, int):
        return INT_ACCUMULATOR_PARAM
    if isinstance(value, float):
        return FLOAT_ACCUMULATOR_PARAM
    return COMPLEX_ACCUMULATOR_PARAM


_lock = threading.Lock()
_driver_registry: Dict[int, "Accumulator"] = {}   # created by this process's driver
_task_registry: Dict[int, "Accumulator"] = {}     # unpickled by the current task


class Accumulator(Generic[T]):
    """A shared variable that tasks can only add to; only the driver reads ``value``."""

    def __init__(self, aid: int, value: T, accum_param: AccumulatorParam[T]):
        self.aid = aid
        self.accum_param = accum_param
        self._value = value
        self._deserialized = False
        with _lock:
            _driver_registry[aid] = self

    def __reduce__(self):
        return _task_copy, (self.aid, self.accum_param.zero(self._value), self.accum_param)

    @property
    def value(self) -> T:
        """The merged value; readable on the driver only."""
        if self._deserialized:
            raise RuntimeError("Accumulator.value cannot be accessed inside tasks")
        return self._value

    @value.setter
    def value(self, value: T) -> None:
        if self._deserialized:
            raise RuntimeError("Accumulator.value cannot be accessed inside tasks")
        self._value = value

    def add(self, term: T) -> None:
        """Adds ``term`` to this accumulator's value."""
        self._value = self.accum_param.addInPlace(self._value, term)

    def __iadd__(self, term: T) -> "Accumulator[T]":
        self.add(term)
        return self

    def __str__(self) -> str:
        return str(self._value)

    def __repr__(self) -> str:
        return "Accumulator<id=%d, value=%r>" % (self.aid, self._value)


def _task_copy(aid: int, zero_value: Any, accum_param: AccumulatorParam) -> Accumulator:
    """Unpickling hook: the task-side copy, registered so its update is sent after the task."""
    acc = _task_registry.get(aid)
    if acc is None:
        acc = Accumulator.__new__(Accumulator)
        acc.aid = aid
        acc.accum_param = accum_param
        acc._value = zero_value
        acc._deserialized = True
        _task_registry[aid] = acc
    return acc


# -- worker side ---------------------------------------------------------------------------

def begin_task() -> None:
    """Forgets the copies of the previous task (called before a command is unpickled)."""
    _task_registry.clear()


def task_updates() -> List[Tuple[int, Any]]:
    """The (id, value) of every copy the current task unpickled; clears them."""
    updates = [(aid, acc._value) for aid, acc in _task_registry.items()]
    _task_registry.clear()
    return updates


# -- driver side ---------------------------------------------------------------------------

def merge_updates(updates: Iterable[Tuple[int, Any]]) -> None:
    """Adds task updates into this driver's accumulators (unknown ids are an error)."""
    with _lock:
        for aid, update in updates:
            acc = _driver_registry.get(aid)
            if acc is None:
                raise KeyError("update for unknown accumulator %d" % aid)
            acc._value = acc.accum_param.addInPlace(acc._value, update)


def forget(aid: int) -> None:
    """Removes a driver accumulator from the registry (e.g. when its context stops)."""
    with _lock:
        _driver_registry.pop(aid, None)
