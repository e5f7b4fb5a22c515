"""Errors the Python driver raises for failed jobs.

A task that raised in a worker fails its job with :class:`PythonTaskError`, which keeps the
original exception's type name, message and the worker's traceback. When the original type is
a builtin exception (ValueError, KeyError, ...) the raised exception is also an instance of that
builtin, so ``except ValueError`` works as it would locally.
"""

import builtins
from typing import Dict, Optional, Tuple, Type


RDD_ONLY_ON_DRIVER = (
    "[RDD_TRANSFORM_ONLY_VALID_ON_DRIVER] It appears that you are attempting to broadcast an "
    "RDD or reference an RDD from an action or transformation. RDD transformations and actions "
    "can only be invoked by the driver, not inside of other transformations; for example, "
    "rdd1.map(lambda x: rdd2.values.count() * x) is invalid because the values transformation "
    "and count action cannot be performed inside of the rdd1.map transformation. For more "
    "information, see SPARK-5063.")
"""PySpark's message for an RDD pickled into a task or broadcast."""

CONTEXT_ONLY_ON_DRIVER = (
    "[CONTEXT_ONLY_VALID_ON_DRIVER] It appears that you are attempting to reference "
    "SparkContext from a broadcast variable, action, or transformation. SparkContext can only "
    "be used on the driver, not in code that runs on workers. For more information, see "
    "SPARK-5063.")
"""PySpark's message for a SparkContext pickled into a task, or created inside one."""


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
