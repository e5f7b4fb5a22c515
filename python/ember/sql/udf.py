"""Python UDFs: ``F.udf(f, returnType)``, ``@udf(returnType)``, ``spark.udf.register``.

A UDF call is one expression of the plan protocol::

    {"kind": "udf", "name": "f", "args": [E...], "returnType": "int",
     "func": "<base64>", "deterministic": true}

``func`` is a command in the form Python RDD tasks already run (``serialize_command``): a
function ``(partition index, iterator of argument tuples) -> iterator of results``. The JVM's
operator feeds it batches of argument rows in the pickled-batches mode of the worker protocol
(values in their internal form, as in docs/sql.md "Rows to Python") and reads back one result
per row, already in the internal form of ``returnType``. The first record of each task's
input is the tuple of the argument types as JSON strings (Spark's format; the JVM knows them
once the plan is analyzed); the rows of arguments follow. A result of the wrong type fails the
task with a TypeError naming the UDF. A UDF's exception keeps its type and traceback through
the usual worker error path. Rows never cross Py4J.

This module is imported by workers (which unpickle ``_evaluate`` by reference): no py4j here.
"""

import base64
import functools
import inspect
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional

from ember.errors import PySparkTypeError, not_expected_type

__all__ = ["UserDefinedFunction", "UDFRegistration", "udf", "call_udf", "call_function"]

def _type_string(t: Any) -> str:
    if isinstance(t, str):
        return t
    if hasattr(t, "simpleString"):
        return t.simpleString()
    raise not_expected_type("returnType", "DataType or str", t)


def _parse_type(t: Any) -> Any:
    if isinstance(t, str):
        from ember.sql.types import _parse_datatype_string
        return _parse_datatype_string(t)
    return t


def _evaluate(name: str, func: Callable, return_type: Any, _index: int,
              records: Iterable[tuple]) -> Iterator[Any]:
    """The worker's loop. The first record is the tuple of the arguments' types as JSON
    strings (Spark's format); every later one is a row of arguments in internal form. Yields
    one result per row, in the return type's internal form."""
    import json
    from ember.sql.types import _parse_datatype_json_value
    result = _result_converter(_parse_type(return_type), "UDF %s returned" % name)
    it = iter(records)
    header = next(it, None)
    if header is None:
        return
    args = [_arg_converter(_parse_datatype_json_value(json.loads(t))) for t in header]
    if not any(args):   # numbers, strings, booleans: the internal value is the Python value
        if len(args) == 1:
            for (value,) in it:
                yield result(func(value))
        else:
            for row in it:
                yield result(func(*row))
        return
    for row in it:
        yield result(func(*[v if c is None else c(v) for c, v in zip(args, row)]))


def _arg_converter(t: Any) -> Optional[Callable[[Any], Any]]:
    """How an argument's internal value becomes the value the UDF sees; None when it is the
    same (numbers but decimals, strings, booleans)."""
    from ember.sql import types as T
    from ember.sql.rows import from_internal
    if isinstance(t, (T.IntegralType, T.FloatType, T.DoubleType, T.StringType, T.BooleanType,
                      T.NullType)):
        return None
    return lambda v: from_internal(v, t)


_INTEGER_BITS = {"tinyint": 8, "smallint": 16, "int": 32, "bigint": 64}


def _result_converter(t: Any, what: str) -> Callable[[Any], Any]:
    """Checks a result and brings it to the internal form of ``t``; a TypeError naming
    ``what`` (the UDF) when it does not fit. Results of the exact expected Python class pass
    through without ``to_internal``'s general checks."""
    from ember.sql import types as T
    from ember.sql.rows import to_internal
    if isinstance(t, T.IntegralType):
        bits = _INTEGER_BITS[t.simpleString()]
        lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1

        def integral(v: Any) -> Any:
            if v is None or (type(v) is int and lo <= v <= hi):
                return v
            v = to_internal(v, t, what)
            if v is not None and not lo <= v <= hi:
                raise TypeError("%s: %r is out of the range of %s" % (what, v, t.simpleString()))
            return v
        return integral
    exact = float if isinstance(t, (T.FloatType, T.DoubleType)) else \
        str if isinstance(t, T.StringType) else bool if isinstance(t, T.BooleanType) else None
    if exact is None:
        return lambda v: to_internal(v, t, what)

    def atomic(v: Any) -> Any:
        return v if v is None or type(v) is exact else to_internal(v, t, what)
    return atomic


class UserDefinedFunction:
    """A Python function callable on Columns; calling it builds the ``udf`` expression."""

    def __init__(self, func: Callable, returnType: Any = "string", name: Optional[str] = None,
                 deterministic: bool = True):
        if not callable(func):
            raise PySparkTypeError(errorClass="NOT_CALLABLE", messageParameters={
                "arg_name": "func", "arg_type": type(func).__name__})
        self.func = func
        self._return_type_text = _type_string(returnType)
        self._returnType = returnType
        self._name = name or getattr(func, "__name__", type(func).__name__)
        self.deterministic = deterministic
        self._command: Optional[str] = None
        functools.update_wrapper(self, func, updated=())

    @property
    def returnType(self) -> Any:
        if isinstance(self._returnType, str):
            self._returnType = _parse_type(self._returnType)
        return self._returnType

    def asNondeterministic(self) -> "UserDefinedFunction":
        self.deterministic = False
        self._command = None
        return self

    def _encoded_command(self) -> str:
        if self._command is None:
            from ember.closures import serialize_command
            command = functools.partial(_evaluate, self._name, self.func,
                                        self._return_type_text)
            data, _ = serialize_command(command, "udf")
            self._command = base64.b64encode(data).decode("ascii")
        return self._command

    def _check_arity(self, count: int) -> None:
        """A call with a number of arguments the function cannot take fails now, when the
        DataFrame is built (``[WRONG_NUM_ARGS]``), not in a Python worker."""
        try:
            signature = inspect.signature(self.func)
        except (TypeError, ValueError):   # builtins without a signature: the worker will tell
            return
        try:
            signature.bind(*range(count))
        except TypeError:
            params = [p for p in signature.parameters.values()
                      if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
            required = [p for p in params if p.default is p.empty]
            expected = str(len(required)) if len(required) == len(params) else \
                "[%d, %d]" % (len(required), len(params))
            from ember.errors import AnalysisException
            raise AnalysisException(
                "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `%s` requires %s parameters but the "
                "actual number is %d." % (self._name, expected, count),
                "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
                {"functionName": "`%s`" % self._name, "expectedNum": expected,
                 "actualNum": str(count)}) from None

    def __call__(self, *cols: Any) -> Any:
        from ember.sql.column import Column, to_expr
        self._check_arity(len(cols))
        return Column({"kind": "udf", "name": self._name, "args": [to_expr(c) for c in cols],
                       "returnType": self._return_type_text, "func": self._encoded_command(),
                       "deterministic": self.deterministic})


def udf(f: Any = None, returnType: Any = "string", *, useArrow: Optional[bool] = None) -> Any:
    """A UDF from ``f``; also a decorator: ``@udf``, ``@udf("int")``, ``@udf(returnType=...)``.

    >>> plus_one = udf(lambda x: x + 1, "int")
    """
    if f is None or isinstance(f, str) or hasattr(f, "simpleString"):
        return_type = returnType if f is None else f
        return lambda func: UserDefinedFunction(func, return_type)
    return UserDefinedFunction(f, returnType)


class UDFRegistration:
    """``spark.udf``: registers Python functions by name for use in expressions."""

    def __init__(self, session: Any):
        self._session = session
        self._functions: Dict[str, UserDefinedFunction] = {}

    def register(self, name: str, f: Any, returnType: Any = None) -> UserDefinedFunction:
        """Registers ``f`` (a function or UDF) as ``name``; returns the UDF."""
        if isinstance(f, UserDefinedFunction):
            if returnType is not None:
                raise PySparkTypeError(
                    "Invalid return type: data type can not be specified when f is a user-"
                    "defined function, but got %s." % returnType,
                    "CANNOT_SPECIFY_RETURN_TYPE_FOR_UDF",
                    {"arg_name": "f", "return_type": str(returnType)})
            registered = f._with_name(name) if hasattr(f, "_with_name") else \
                UserDefinedFunction(f.func, f._returnType, name, f.deterministic)
        else:
            registered = UserDefinedFunction(f, returnType or "string", name)
        self._functions[name] = registered
        self._session._sql.register_function(name, registered._encoded_command(),
                                             registered._return_type_text,
                                             registered.deterministic)
        return registered

    def lookup(self, name: str) -> Optional[UserDefinedFunction]:
        """The UDF registered as ``name`` (case-insensitively), or None."""
        for key, value in self._functions.items():
            if key.lower() == name.lower():
                return value
        return None

    def names(self) -> List[str]:
        """The names of the registered UDFs, as registered."""
        return list(self._functions)

    def unregister(self, name: str) -> None:
        self._functions.pop(name, None)
        self._session._sql.drop_function(name)


def call_udf(udfName: str, *cols: Any) -> Any:
    """Calls the UDF registered as ``udfName`` (``spark.udf.register``) on ``cols``.

    >>> spark.udf.register("plus_one", lambda x: x + 1, "int")  # doctest: +SKIP
    >>> df.select(call_udf("plus_one", "a"))  # doctest: +SKIP
    """
    registered = _registered(udfName)
    if registered is None:
        from ember.errors import AnalysisException
        raise AnalysisException(
            "[UNRESOLVED_ROUTINE] Cannot resolve routine `%s` on search path "
            "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]." % udfName,
            "UNRESOLVED_ROUTINE", {"routineName": "`%s`" % udfName,
                                   "searchPath": "[`system`.`builtin`, `system`.`session`, "
                                                 "`spark_catalog`.`default`]"})
    return registered(*cols)


def call_function(funcName: str, *cols: Any) -> Any:
    """Calls a registered UDF, or else the built-in function, named ``funcName``."""
    registered = _registered(funcName)
    if registered is not None:
        return registered(*cols)
    from ember.sql.functions.base import call
    return call(funcName, *cols)


def _registered(name: str) -> Optional[UserDefinedFunction]:
    from ember.sql.session import SparkSession
    session = SparkSession.getActiveSession()
    return None if session is None else session.udf.lookup(name)
