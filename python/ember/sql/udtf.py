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
each yielded tuple to the declared schema (``_run_udtf``). Not yet: table arguments
(``df.asTable()``), ``analyze`` (dynamic schemas), and calls from SQL text.
This module is imported by workers: no py4j here.
"""

import functools
import json
from typing import Any, Iterable, Iterator, Optional

from ember.errors import PySparkAttributeError, PySparkRuntimeError, PySparkTypeError

__all__ = ["udtf", "UserDefinedTableFunction"]


def _run_udtf(cls: type, name: str, args_json: str, out_json: str,
              rows: Iterable[tuple]) -> Iterator[tuple]:
    """The worker side: one instance per partition, ``eval`` per argument row."""
    from ember.sql.conversion import internal_converter
    from ember.sql.rows import from_internal
    from ember.sql.types import _parse_datatype_json_value
    args_schema = _parse_datatype_json_value(json.loads(args_json))
    out_schema = _parse_datatype_json_value(json.loads(out_json))
    to_internal = internal_converter(out_schema)
    width = len(out_schema.fields)
    instance = cls()

    def results(produced: Any, method: str) -> Iterator[tuple]:
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

    try:
        for row in rows:
            values = [from_internal(v, f.dataType) for v, f in zip(row, args_schema.fields)]
            yield from results(instance.eval(*values), "eval")
        if hasattr(instance, "terminate"):
            yield from results(instance.terminate(), "terminate")
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
