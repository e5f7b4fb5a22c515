"""Runtime errors with Spark's error condition, as PySpark raises them (driver side).

A task that fails with Spark's error condition (ANSI division by zero, a malformed cast,
``raise_error``, ...) reaches the driver with the condition's error class, message parameters,
SQLSTATE and kind (``ErrorKind`` on the JVM: the name of PySpark's class for it). The driver
raises that class (``ArithmeticException``, ``NumberFormatException``, ``DateTimeException``,
``SparkRuntimeException``, ...), which is also the engine's own twin of the JVM failure
(``TaskFailedError`` for a failed task), so ``except TaskFailedError`` keeps working.

``str(e)`` is PySpark's message (``[DIVIDE_BY_ZERO] Division by zero. ... SQLSTATE: 22012``)
followed by Ember's context of the failure (``== Task ==`` and which task failed). The classes
live in ``ember.errors``, as PySpark's in ``pyspark.errors``.
"""

from typing import Dict, Optional, Tuple, Type

from ember.errors import (ArithmeticException, ArrayIndexOutOfBoundsException, DateTimeException,
                          EmberError, IllegalArgumentException, JavaException, NumberFormatException,
                          PySparkException, SparkNoSuchElementException, SparkRuntimeException,
                          UnknownException, UnsupportedOperationException, engine_error)

__all__ = ["condition_error"]


_KINDS: Dict[str, Type[PySparkException]] = {cls.__name__: cls for cls in (
    ArithmeticException, NumberFormatException, DateTimeException, ArrayIndexOutOfBoundsException,
    UnsupportedOperationException, SparkRuntimeException, SparkNoSuchElementException,
    UnknownException, IllegalArgumentException)}

_combined: Dict[Tuple[type, type], type] = {}

TASK_CONTEXT_END = "; last failure: "
"""Where the engine's task failure message stops describing the task."""


def _class_for(kind: type, twin: type) -> type:
    """A class that is both PySpark's ``kind`` and the engine twin ``twin``."""
    if issubclass(kind, twin):
        return kind
    cls = _combined.get((kind, twin))
    if cls is None:
        cls = type(kind.__name__, (kind, twin), {"__module__": "ember.errors",
                                                   "__qualname__": kind.__name__,
                                                   "__str__": _str})
        _combined[(kind, twin)] = cls
    return cls


def _str(self) -> str:
    context = getattr(self, "context", None)
    message = PySparkException.getMessage(self)
    return message if not context else "%s\n== Task ==\n%s" % (message, context)


def condition_error(java_class: str, message: str, error_class: str,
                    sql_state: Optional[str], kind: Optional[str],
                    parameters: Dict[str, str],
                    java_exception: Optional[JavaException] = None) -> PySparkException:
    """The exception to raise for a JVM failure ``java_class: message`` whose cause chain
    carries Spark's condition ``error_class``: PySpark's class named ``kind`` combined with the
    engine twin of ``java_class``, with PySpark's message and Ember's task context."""
    twin = type(engine_error(java_class, message))
    cls = _class_for(_KINDS.get(kind or "", SparkRuntimeException), twin)
    text = message
    start = text.find("[%s]" % error_class)
    if start >= 0:
        text = text[start + len(error_class) + 2:]
        # one space follows "[CLASS]"; a message may start with its own (NUMERIC_VALUE_OUT_OF_RANGE)
        text = text[1:] if text.startswith(" ") else text
    if sql_state:
        text = "%s SQLSTATE: %s" % (text, sql_state)
    err = cls.__new__(cls)
    PySparkException.__init__(err, text, error_class, parameters)
    err._sqlState = sql_state
    end = message.find(TASK_CONTEXT_END)
    err.context = message[:end] if end > 0 else None
    err.args = (str(err),)
    if isinstance(err, EmberError):
        err.java_exception = java_exception
    return err
