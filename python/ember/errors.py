"""Errors the Python driver raises for failed jobs.

A task that raised in a worker fails its job with :class:`PythonTaskError`, which keeps the
original exception's type name, message and the worker's traceback. The raised exception is
also an instance of the original type (a builtin such as ValueError, or the user's own class
when the driver can load it), so ``except ValueError`` works as it would locally; its
``java_exception`` attribute holds the JVM side of the failure.
"""

import builtins
from typing import Any, Dict, Optional, Tuple, Type


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


class JavaException:
    """The JVM side of a failed job (what PySpark's ``Py4JJavaError.java_exception`` holds):
    the Java exception's class name, message and printed stack trace."""

    def __init__(self, class_name: str, message: str, stack_trace: str):
        self.class_name = class_name
        self.message = message
        self.stack_trace = stack_trace

    def getMessage(self) -> str:
        return self.message

    def toString(self) -> str:
        return "%s: %s" % (self.class_name, self.message)

    def __str__(self) -> str:
        return self.stack_trace or self.toString()

    def __repr__(self) -> str:
        return "JavaException(%r, %r)" % (self.class_name, self.message)


class EmberError(Exception):
    """A failure reported by the engine (JVM side) that is not a Python task's exception.
    ``java_exception`` is the JVM side (a :class:`JavaException`) when the engine sent it."""

    java_exception: Optional[JavaException] = None


class InputPathError(EmberError, FileNotFoundError):
    """An input path (file, directory or glob) matched nothing; the message names it."""


class JobFailedError(EmberError):
    """A job could not complete (the JVM's ``io.ember.core.JobFailedException``)."""


class JobCancelledError(EmberError):
    """A job was cancelled: by id, by job group, by Ctrl-C, or because the context stopped
    (the JVM's ``io.ember.core.JobCancelledException``)."""


class TaskFailedError(EmberError):
    """A task failed its last allowed attempt (the JVM's ``io.ember.core.TaskFailedException``)."""


class UnserializableError(EmberError):
    """A remote failure whose exception could not be serialized; the message keeps its class
    name and text (the JVM's ``io.ember.core.UnserializableException``)."""


_JAVA_TWINS: Dict[str, Type[EmberError]] = {
    "EmberException": EmberError,
    "JobFailedException": JobFailedError,
    "JobCancelledException": JobCancelledError,
    "TaskFailedException": TaskFailedError,
    "UnserializableException": UnserializableError,
}


def engine_error(java_class: str, message: str,
                 java_exception: Optional[JavaException] = None) -> EmberError:
    """The Python twin of an engine exception (``java_class``: simple or qualified name):
    EmberError or the subclass named like the Java one, with ``java_exception`` attached.
    Other JVM exceptions become an EmberError whose message starts with their class name."""
    simple = java_class.rsplit(".", 1)[-1]
    cls = _JAVA_TWINS.get(simple)
    if message.startswith("Input path does not exist"):
        err: EmberError = InputPathError(message)
    elif cls is None:
        err = EmberError("%s: %s" % (simple, message))
    else:
        err = cls(message if cls is EmberError else "%s: %s" % (simple, message))
    err.java_exception = java_exception
    return err


class PythonTaskError(JobFailedError):
    """A Python task raised ``type_name``; ``traceback`` is the worker's formatted traceback."""

    def __init__(self, type_name: str, message: str, traceback: str,
                 partition: Optional[int] = None):
        self.type_name = type_name
        self.message = message
        self.traceback = traceback
        self.partition = partition
        # not super(): in a class combined with the task's own type, that type's __init__
        # may take other arguments
        BaseException.__init__(self, "%s\n\nPython worker traceback:\n%s"
                               % (message, traceback.rstrip()))

    def __str__(self) -> str:
        return self.args[0] if self.args else self.message


_combined: Dict[Tuple[type, type], Type[PythonTaskError]] = {}


def rebuild_exception(cls: type, args: tuple, state: dict) -> BaseException:
    """An instance of ``cls`` with these args and attributes, made without calling
    ``cls.__init__`` (whose signature may not match ``args``)."""
    e = cls.__new__(cls)
    e.args = args
    e.__dict__.update(state)
    return e


class PortableException:
    """Pickles as the exception it wraps, rebuilt by ``rebuild_exception``: for exceptions
    whose own pickling fails to load (an ``__init__`` taking other arguments than ``args``).
    Workers use it to send the task's exception to the driver."""

    def __init__(self, e: BaseException):
        self.e = e

    def __reduce__(self):
        e = self.e
        return rebuild_exception, (type(e), e.args, dict(getattr(e, "__dict__", {})))


def _combine(base: type) -> type:
    """A class that is both a PythonTaskError and a ``base``; PythonTaskError itself when no
    such class can be made or instantiated (incompatible layouts; MemoryError wants to come
    first in the bases)."""
    attrs = {"__module__": base.__module__, "__qualname__": base.__qualname__,
             "__str__": PythonTaskError.__str__}
    for bases in ((PythonTaskError, base), (base, PythonTaskError)):
        try:
            cls = type(base.__name__, bases, attrs)
            cls.__new__(cls)
        except TypeError:
            continue
        return cls
    return PythonTaskError


def task_error(type_name: str, message: str, traceback: str,
               partition: Optional[int] = None, original: Optional[BaseException] = None,
               java_exception: Optional[JavaException] = None) -> PythonTaskError:
    """The exception to raise in the driver for a task that raised ``type_name``.

    It is a PythonTaskError and, where the type allows, also an instance of the task's own
    exception type: a builtin one by name, or the class of ``original`` (the exception
    unpickled from the worker), whose attributes it then carries too. ``java_exception`` is
    the JVM side of the failure."""
    base: Any = getattr(builtins, type_name, None) if "." not in type_name else None
    if original is not None and type(original).__module__ != "builtins":
        base = type(original)
    cls: type = PythonTaskError
    if isinstance(base, type) and issubclass(base, Exception) and base is not Exception:
        cls = _combined.get((base, PythonTaskError))
        if cls is None:
            cls = _combine(base)
            _combined[(base, PythonTaskError)] = cls
    err = cls.__new__(cls)
    PythonTaskError.__init__(err, type_name, message, traceback, partition)
    if original is not None and isinstance(err, type(original)):
        for key, value in getattr(original, "__dict__", {}).items():
            err.__dict__.setdefault(key, value)
    err.java_exception = java_exception
    return err
