"""Errors the Python driver raises for failed jobs.

A task that raised in a worker fails its job with :class:`PythonTaskError`, which keeps the
original exception's type name, message and the worker's traceback. When the original type is
a builtin exception (ValueError, KeyError, ...) the raised exception is also an instance of that
builtin, so ``except ValueError`` works as it would locally.
"""

import builtins
from typing import Dict, Optional, Tuple, Type


class EmberError(Exception):
    """A failure reported by the engine (JVM side) that is not a Python task's exception."""


class InputPathError(EmberError, FileNotFoundError):
    """An input path (file, directory or glob) matched nothing; the message names it."""


class PythonTaskError(EmberError):
    """A Python task raised ``type_name``; ``traceback`` is the worker's formatted traceback."""

    def __init__(self, type_name: str, message: str, traceback: str,
                 partition: Optional[int] = None):
        self.type_name = type_name
        self.message = message
        self.traceback = traceback
        self.partition = partition
        super().__init__("%s\n\nPython worker traceback:\n%s" % (message, traceback.rstrip()))

    def __str__(self) -> str:
        return self.args[0] if self.args else self.message


_combined: Dict[Tuple[type, type], Type[PythonTaskError]] = {}


def task_error(type_name: str, message: str, traceback: str,
               partition: Optional[int] = None) -> PythonTaskError:
    """The exception to raise in the driver for a task that raised ``type_name``."""
    base = getattr(builtins, type_name, None) if "." not in type_name else None
    cls: type = PythonTaskError
    if isinstance(base, type) and issubclass(base, Exception) and base is not Exception:
        cls = _combined.get((base, PythonTaskError))
        if cls is None:
            try:
                cls = type(base.__name__, (PythonTaskError, base), {"__module__": "builtins"})
            except TypeError:   # incompatible layout: fall back to the plain error
                cls = PythonTaskError
            _combined[(base, PythonTaskError)] = cls
    err = cls.__new__(cls)
    PythonTaskError.__init__(err, type_name, message, traceback, partition)
    return err
