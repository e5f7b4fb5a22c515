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


# -- DataFrame errors (mirroring pyspark.errors) -------------------------------------------

_TEMPLATES: Dict[str, str] = {
    "ONLY_SUPPORTED_WITH_SPARK_CONNECT": "<feature> is only supported with Spark Connect; however, "
                                         "the current Spark session does not use Spark Connect.",
    "INVALID_MULTIPLE_ARGUMENT_CONDITIONS": "[<arg_names>] cannot be <condition>.",
    "DUPLICATED_ARTIFACT": "Duplicate Artifact: <normalized_path>. Artifacts cannot be overwritten.",
    "NOT_EXPECTED_TYPE": "Argument `<arg_name>` should be <expected_type>, got <arg_type>.",
    "CLASSIC_OPERATION_NOT_SUPPORTED_ON_DF": "Calling property or member '<member>' is not "
                                             "supported in PySpark Classic, please use Spark "
                                             "Connect instead.",
    "CANNOT_CONVERT_COLUMN_INTO_BOOL": (
        "Cannot convert column into bool: please use '&' for 'and', '|' for 'or', '~' for "
        "'not' when building DataFrame boolean expressions."),
    "NOT_ITERABLE": "<objectName> is not iterable.",
    "INVALID_WHEN_USAGE": (
        "when() can only be applied on a Column previously generated by when() function, "
        "and cannot be applied once otherwise() is applied."),
    "UNSUPPORTED_JOIN_TYPE": ("Unsupported join type: '<typ>'. Supported join types include: "
                              "<supported>."),
    "UNSUPPORTED_LITERAL": "Unsupported Literal '<literal>'.",
    "CANNOT_INFER_SCHEMA_FOR_TYPE": "Can not infer schema for type: `<data_type>`.",
    "CANNOT_INFER_EMPTY_SCHEMA": "Can not infer schema from an empty dataset.",
    "CANNOT_BE_EMPTY": "At least one <item> must be specified.",
    "CANNOT_ACCESS_TO_DUNDER": "Dunder(double underscore) attribute is for internal use only.",
    "VALUE_NOT_POSITIVE": "Value for `<arg_name>` must be positive, got '<arg_value>'.",
    "NEGATIVE_VALUE": ("Value for `<arg_name>` must be greater than or equal to 0, "
                       "got '<arg_value>'."),
    "LENGTH_SHOULD_BE_THE_SAME": ("<arg1> and <arg2> should be of the same length, got "
                                  "<arg1_length> and <arg2_length>."),
    "INDEX_NOT_POSITIVE": "Index must be positive, got '<index>'.",
    "PACKAGE_NOT_INSTALLED": "<package_name> >= <minimum_version> must be installed; however, it was not found.",
    "ATTRIBUTE_NOT_SUPPORTED": "Attribute `<attr_name>` is not supported.",
    "UNSUPPORTED_OPERATION": "The <operation> is not supported.",
    "INVALID_TYPE": "Argument `<arg_name>` should not be a <arg_type>.",
    "WRONG_NUM_COLUMNS": "Function `<func_name>` should take at least <num_cols> columns.",
    "UNSUPPORTED_DATA_TYPE": "Unsupported DataType `<data_type>`.",
    "NOT_CALLABLE": "Argument `<arg_name>` should be a callable, got <arg_type>.",
    "INVALID_ITEM_FOR_CONTAINER": ("All items in `<arg_name>` should be in <allowed_types>, "
                                   "got <item_type>."),
}
"""Message templates of the error classes the Python client raises itself (PySpark's text)."""


class PySparkException(Exception):
    """An error with Spark's error class and message parameters (pyspark.errors'
    ``PySparkException``): ``str(e)`` is ``[CLASS] message``."""

    def __init__(self, message: Optional[str] = None, errorClass: Optional[str] = None,
                 messageParameters: Optional[Dict[str, str]] = None):
        params = dict(messageParameters or {})
        if message is None and errorClass is not None:
            message = _TEMPLATES.get(errorClass, "")
            for key, value in params.items():
                message = message.replace("<%s>" % key, str(value))
        self._message = message or ""
        self._errorClass = errorClass
        self._messageParameters = params
        Exception.__init__(self, str(self))

    def getCondition(self) -> Optional[str]:
        return self._errorClass

    def getErrorClass(self) -> Optional[str]:
        """The error class, such as ``UNRESOLVED_COLUMN.WITH_SUGGESTION``."""
        return self._errorClass

    def getMessageParameters(self) -> Dict[str, str]:
        return dict(self._messageParameters)

    def getMessage(self) -> str:
        if self._errorClass is None or self._message.startswith("[%s]" % self._errorClass):
            return self._message
        return "[%s] %s" % (self._errorClass, self._message)

    def getSqlState(self) -> Optional[str]:
        return None

    def __str__(self) -> str:
        return self.getMessage()


class AnalysisException(PySparkException):
    """A query that cannot be analyzed (the JVM's ``io.ember.sql.AnalysisException``)."""


class ParseException(AnalysisException):
    """A schema, type or expression string that does not parse."""


class TempTableAlreadyExistsException(AnalysisException):
    """A temporary view of that name exists already."""


class IllegalArgumentException(PySparkException, EmberError):
    """The JVM rejected an argument (``java.lang.IllegalArgumentException``); also an
    :class:`EmberError`, as every engine-side failure outside a task is."""


class PySparkValueError(PySparkException, ValueError):
    """A wrong value given to the Python API."""


class PySparkTypeError(PySparkException, TypeError):
    """An argument of the wrong type given to the Python API."""


class PySparkIndexError(PySparkException, IndexError):
    pass


class PySparkKeyError(PySparkException, KeyError):
    pass


class PySparkAttributeError(PySparkException, AttributeError):
    pass


class PySparkRuntimeError(PySparkException, RuntimeError):
    pass


class PySparkNotImplementedError(PySparkException, NotImplementedError):
    pass


class PySparkAssertionError(PySparkException, AssertionError):
    """A usage-order mistake PySpark reports as an assertion (e.g. ``REUSE_OBSERVATION``)."""


class PySparkImportError(PySparkException, ImportError):
    pass


def not_expected_type(arg_name: str, expected: str, value: Any) -> PySparkTypeError:
    """PySpark's ``[NOT_EXPECTED_TYPE]`` error for ``value`` given as ``arg_name``."""
    return PySparkTypeError(errorClass="NOT_EXPECTED_TYPE", messageParameters={
        "arg_name": arg_name, "expected_type": expected, "arg_type": type(value).__name__})


_SQL_TWINS: Dict[str, type] = {
    "io.ember.sql.AnalysisException": AnalysisException,
    "io.ember.sql.ParseException": ParseException,
    "io.ember.sql.types.ParseException": ParseException,
    "java.lang.IllegalArgumentException": IllegalArgumentException,
    "java.lang.NumberFormatException": IllegalArgumentException,
}


def sql_error(java_class: str, message: str, error_class: Optional[str] = None,
              parameters: Optional[Dict[str, str]] = None) -> Optional[PySparkException]:
    """The Python twin of a JVM error raised while building or running a DataFrame, or None
    when ``java_class`` has none (the caller then uses ``engine_error``). The error class is
    the JVM's, else the ``[CLASS]`` prefix of the message."""
    cls = _SQL_TWINS.get(java_class)
    if cls is None and java_class.rsplit(".", 1)[-1] in ("AnalysisException", "ParseException"):
        cls = ParseException if java_class.endswith("ParseException") else AnalysisException
    if cls is None:
        return None
    if error_class is None and message.startswith("["):
        end = message.find("]")
        error_class = message[1:end] if end > 0 else None
    if cls is AnalysisException and error_class == "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS":
        cls = TempTableAlreadyExistsException
    return cls(message, error_class, parameters or {})
