"""Python user-defined table functions (``functions.udtf``), called from DataFrame code.

>>> @udtf(returnType="c1: int, c2: int")        # doctest: +SKIP
... class PlusOne:
...     def eval(self, x: int):
...         yield x, x + 1
>>> PlusOne(lit(1)).collect()                   # doctest: +SKIP
[Row(c1=1, c2=2)]

A call with Column arguments is a DataFrame: the arguments are evaluated by the JVM as one
row (``range(1).select(args)``), and a Python worker makes an instance of the class, calls
``eval`` with the argument values, then ``terminate`` and ``cleanup`` if defined, and converts
each yielded tuple to the declared schema (``_run_udtf``). ``spark.udtf.register(name, f)``
makes it a table function of SQL text: on the JVM a call is an ``inline`` generator over a row
UDF (``_evaluate_udtf``) that returns each argument row's output rows as an array of structs,
so ``FROM f(1)`` and ``FROM t, LATERAL f(t.x)`` plan as generators. Not yet: table arguments
(``df.asTable()``) and ``analyze`` (dynamic schemas).
This module is imported by workers: no py4j here.
"""

import functools
import json
from typing import Any, Iterable, Iterator, Optional

from ember.errors import PySparkAttributeError, PySparkRuntimeError, PySparkTypeError

__all__ = ["udtf", "UserDefinedTableFunction", "UDTFRegistration"]


def _output_rows(produced: Any, method: str, name: str, width: int,
                 to_internal: Any) -> Iterator[tuple]:
    """The rows ``eval`` or ``terminate`` produced, checked and in internal form."""
    if produced is None:
        return
    for row in produced:
        if not isinstance(row, (tuple, list)):
            if width != 1:
                raise PySparkRuntimeError(
                    "[UDTF_INVALID_OUTPUT_ROW_TYPE] The type of an individual output row "
                    "in the '%s' method of the UDTF '%s' is invalid. Each row should be a "
                    "tuple, list, or dict, but got '%s'."
                    % (method, name, type(row).__name__),
                    "UDTF_INVALID_OUTPUT_ROW_TYPE", {"type": type(row).__name__})
            row = (row,)   # one column: a bare value is the row, as in PySpark
        if len(row) != width:
            raise PySparkRuntimeError(
                "[UDTF_RETURN_SCHEMA_MISMATCH] The number of columns in the result does "
                "not match the specified schema. Expected column count: %d, Actual column "
                "count: %d. Please make sure the values returned by the '%s' method have "
                "the same number of columns as specified in the output schema."
                % (width, len(row), method), "UDTF_RETURN_SCHEMA_MISMATCH",
                {"expected": str(width), "actual": str(len(row)), "func": method})
        yield to_internal(tuple(row))


def _run_udtf(cls: type, name: str, args_json: str, out_json: str,
              rows: Iterable[tuple]) -> Iterator[tuple]:
    """The worker side of a DataFrame call: one instance per partition, ``eval`` per
    argument row."""
    from ember.sql.conversion import internal_converter
    from ember.sql.rows import from_internal
    from ember.sql.types import _parse_datatype_json_value
    args_schema = _parse_datatype_json_value(json.loads(args_json))
    out_schema = _parse_datatype_json_value(json.loads(out_json))
    to_internal = internal_converter(out_schema)
    width = len(out_schema.fields)
    instance = cls()
    try:
        for row in rows:
            values = [from_internal(v, f.dataType) for v, f in zip(row, args_schema.fields)]
            yield from _output_rows(instance.eval(*values), "eval", name, width, to_internal)
        if hasattr(instance, "terminate"):
            yield from _output_rows(instance.terminate(), "terminate", name, width, to_internal)
    finally:
        if hasattr(instance, "cleanup"):
            instance.cleanup()


def _check_eval_arguments(cls: type, name: str, count: int) -> None:
    """A call whose argument count ``eval`` cannot take fails as PySpark's does."""
    import inspect
    try:
        signature = inspect.signature(cls.eval)
    except (TypeError, ValueError):
        return
    try:
        signature.bind(None, *range(count))
    except TypeError as e:
        raise PySparkRuntimeError(
            "[UDTF_EVAL_METHOD_ARGUMENTS_DO_NOT_MATCH_SIGNATURE] Failed to evaluate the "
            "user-defined table function '%s' because the function arguments did not match the "
            "expected signature of the 'eval' method (%s). Please update the query so that this "
            "table function call provides arguments matching the expected signature, or else "
            "update the table function so that its 'eval' method accepts the provided arguments, "
            "and then try the query again." % (name, e),
            "UDTF_EVAL_METHOD_ARGUMENTS_DO_NOT_MATCH_SIGNATURE",
            {"name": name, "reason": str(e)}) from None


def _evaluate_udtf(cls: type, name: str, out_json: str, _index: int,
                   records: Iterable[tuple]) -> Iterator[list]:
    """The worker side of a call from SQL text, run as a row UDF returning an array of
    structs: the first record is the arguments' types (JSON strings), then one record per
    argument row; yields, per row, the list of rows ``eval`` produced. One instance per
    partition; ``terminate``'s rows join the last row's, as Spark attaches them to the last
    input row. The last result is held back until the input ends (one row of lookahead)."""
    from ember.sql.conversion import internal_converter
    from ember.sql.rows import from_internal
    from ember.sql.types import _parse_datatype_json_value
    out_schema = _parse_datatype_json_value(json.loads(out_json))
    to_internal = internal_converter(out_schema)
    width = len(out_schema.fields)
    it = iter(records)
    header = next(it, None)
    if header is None:
        return
    types = [_parse_datatype_json_value(json.loads(t)) for t in header]
    _check_eval_arguments(cls, name, len(types))
    instance = cls()
    try:
        pending = None
        for row in it:
            if pending is not None:
                yield pending
            values = [from_internal(v, t) for v, t in zip(row, types)]
            pending = list(_output_rows(instance.eval(*values), "eval", name, width, to_internal))
        if pending is not None:
            if hasattr(instance, "terminate"):
                pending.extend(_output_rows(instance.terminate(), "terminate", name, width,
                                            to_internal))
            yield pending
    finally:
        if hasattr(instance, "cleanup"):
            instance.cleanup()


class UserDefinedTableFunction:
    """A Python class as a table function: calling it on Columns gives a DataFrame."""

    def __init__(self, func: type, returnType: Any, name: Optional[str] = None,
                 deterministic: bool = True):
        from ember.sql.types import StructType, _parse_datatype_string
        if not isinstance(func, type) or not callable(getattr(func, "eval", None)):
            raise PySparkAttributeError(
                "[INVALID_UDTF_NO_EVAL] The UDTF '%s' is invalid. It does not implement the "
                "required 'eval' method. Please implement the 'eval' method in '%s' and try "
                "again."
                % (getattr(func, "__name__", func), getattr(func, "__name__", func)),
                "INVALID_UDTF_NO_EVAL", {"name": str(getattr(func, "__name__", func))})
        if returnType is None:
            raise PySparkAttributeError(
                "[INVALID_UDTF_RETURN_TYPE] The UDTF '%s' is invalid. It does not specify its "
                "return type or implement the required 'analyze' static method. Please specify "
                "the return type or implement the 'analyze' static method in '%s' and try "
                "again. (Ember does not run 'analyze' yet.)" % (func.__name__, func.__name__),
                "INVALID_UDTF_RETURN_TYPE",
                {"name": func.__name__})
        schema = _parse_datatype_string(returnType) if isinstance(returnType, str) \
            else returnType
        if not isinstance(schema, StructType):
            raise PySparkTypeError(
                "[UDTF_RETURN_TYPE_MISMATCH] Mismatch in return type for the UDTF '%s'. "
                "Expected a 'StructType', but got '%s'." % (func.__name__, schema),
                "UDTF_RETURN_TYPE_MISMATCH", {"name": func.__name__})
        self.func = func
        self.returnType = schema
        self._name = name or func.__name__
        self.deterministic = deterministic

    def _encoded_command(self) -> str:
        """The command SQL text runs (``_evaluate_udtf``), base64, as row UDFs ship theirs."""
        import base64
        from ember.closures import serialize_command
        command = functools.partial(_evaluate_udtf, self.func, self._name,
                                    json.dumps(self.returnType.jsonValue()))
        data, _ = serialize_command(command, "udf")
        return base64.b64encode(data).decode("ascii")

    def asDeterministic(self) -> "UserDefinedTableFunction":
        self.deterministic = True
        return self

    def __call__(self, *args: Any) -> Any:
        from ember.rdd import RDD
        from ember.sql.column import Column
        from ember.sql.dataframe import DataFrame
        from ember.sql.session import SparkSession
        from ember.sql.column import col_expr
        for a in args:
            if not isinstance(a, (Column, str)):
                raise PySparkTypeError(
                    "[NOT_EXPECTED_TYPE] Argument `col` should be Column or str, got %s."
                    % type(a).__name__, "NOT_EXPECTED_TYPE",
                    {"arg_name": "col", "expected_type": "Column or str",
                     "arg_type": type(a).__name__})
        args = tuple(Column(col_expr(a)) if isinstance(a, str) else a for a in args)
        session = SparkSession.getActiveSession()
        source = session.range(0, 1, 1, 1).select(   # one partition: one instance
            *[a.alias("__ember_arg_%d" % i) for i, a in enumerate(args)])
        worker = functools.partial(_run_udtf, self.func, self._name,
                                   json.dumps(source.schema.jsonValue()),
                                   json.dumps(self.returnType.jsonValue()))
        rows = RDD(session._sql.to_rdd(source._jdf), session.sparkContext).mapPartitions(worker)
        jdf = session._sql.from_rdd(rows._pickled_jrdd(), json.dumps(self.returnType.jsonValue()))
        return DataFrame(jdf, session)


def udtf(cls: Optional[type] = None, *, returnType: Any = None,
         useArrow: Optional[bool] = None) -> Any:
    """A table function from a class with ``eval`` (and optionally ``terminate``,
    ``cleanup``); also a decorator, ``@udtf(returnType="a: int")``."""
    if cls is None:
        return lambda c: UserDefinedTableFunction(c, returnType)
    return UserDefinedTableFunction(cls, returnType)


class UDTFRegistration:
    """``spark.udtf``: registers UDTFs by name for SQL text (``SELECT * FROM f(1)``,
    ``FROM t, LATERAL f(t.x)``)."""

    def __init__(self, session: Any):
        self._session = session

    def register(self, name: str, f: "UserDefinedTableFunction") -> "UserDefinedTableFunction":
        """Registers the UDTF ``f`` as ``name``; returns it."""
        if not isinstance(f, UserDefinedTableFunction):
            raise PySparkTypeError(
                "[CANNOT_REGISTER_UDTF] Cannot register the UDTF '%s': expected a "
                "'UserDefinedTableFunction'. Please make sure the UDTF is correctly defined as a "
                "class, and then either wrap it in the `udtf()` function or annotate it with "
                "`@udtf(...)`." % name, "CANNOT_REGISTER_UDTF", {"name": name})
        registered = UserDefinedTableFunction(f.func, f.returnType, name, f.deterministic)
        if not self._session._sql.register_table_function(
                name, registered._encoded_command(), json.dumps(f.returnType.jsonValue()),
                f.deterministic):
            raise PySparkRuntimeError(
                "Cannot register the UDTF '%s': a built-in function has that name." % name,
                "CANNOT_REGISTER_UDTF", {"name": name})
        return registered
