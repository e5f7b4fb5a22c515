"""``pandas_udf`` and ``PandasUDFType`` (PySpark's ``pyspark.sql.pandas.functions``).

>>> @pandas_udf("double")                       # doctest: +SKIP
... def plus_one(s: pd.Series) -> pd.Series:
...     return s + 1
>>> df.select(plus_one("v"))                     # doctest: +SKIP

The kind of UDF comes from ``functionType`` or else from the type hints, as in PySpark:
Series -> Series is scalar (200), Iterator[Series] -> Iterator[Series] scalar iterator (204),
Series -> scalar grouped aggregate (202); ``PandasUDFType.GROUPED_MAP`` (201) is for
``GroupedData.apply``. A scalar call is the plan protocol's ``udf`` expression with an
``evalType`` field (ignored by the JVM): the JVM's Python UDF operator runs it in the Python
workers, where ``udf_eval.evaluate_pandas`` batches the rows into Series. A grouped aggregate
call is only a marker the ``GroupedData.agg`` path recognizes (``group_ops``); evaluated
anywhere else it fails with ``INVALID_PANDAS_UDF_PLACEMENT``.
"""

import base64
import functools
import inspect
import typing
from typing import Any, Callable, Optional

from ember.errors import PySparkTypeError, PySparkValueError
from ember.sql.pandas.udf_eval import SQL_GROUPED_AGG_PANDAS_UDF, SQL_GROUPED_MAP_PANDAS_UDF, \
    SQL_SCALAR_PANDAS_ITER_UDF, SQL_SCALAR_PANDAS_UDF
from ember.sql.udf import UserDefinedFunction

__all__ = ["pandas_udf", "PandasUDFType", "PandasUserDefinedFunction"]


class PandasUDFType:
    """The kinds of pandas UDF (PySpark's names and values)."""
    SCALAR = SQL_SCALAR_PANDAS_UDF
    SCALAR_ITER = SQL_SCALAR_PANDAS_ITER_UDF
    GROUPED_MAP = SQL_GROUPED_MAP_PANDAS_UDF
    GROUPED_AGG = SQL_GROUPED_AGG_PANDAS_UDF


_KINDS = (SQL_SCALAR_PANDAS_UDF, SQL_SCALAR_PANDAS_ITER_UDF, SQL_GROUPED_MAP_PANDAS_UDF,
          SQL_GROUPED_AGG_PANDAS_UDF)


def _is_iterator_hint(hint: Any) -> bool:
    import collections.abc
    origin = typing.get_origin(hint)
    return origin in (collections.abc.Iterator, collections.abc.Iterable)


def _infer_eval_type(func: Callable) -> int:
    """The UDF kind its type hints say; scalar when there are none."""
    try:
        hints = typing.get_type_hints(func)
    except Exception:
        return SQL_SCALAR_PANDAS_UDF
    if not hints:
        return SQL_SCALAR_PANDAS_UDF
    params = [hints.get(p) for p in inspect.signature(func).parameters]
    if any(_is_iterator_hint(h) for h in params if h is not None):
        return SQL_SCALAR_PANDAS_ITER_UDF
    ret = hints.get("return")
    if ret is None:
        return SQL_SCALAR_PANDAS_UDF
    import pandas as pd
    if ret in (pd.Series, pd.DataFrame):
        return SQL_SCALAR_PANDAS_UDF
    return SQL_GROUPED_AGG_PANDAS_UDF


class PandasUserDefinedFunction(UserDefinedFunction):
    """A pandas UDF: called on Columns it builds the ``udf`` expression with ``evalType``."""

    def __init__(self, func: Callable, returnType: Any, evalType: int,
                 name: Optional[str] = None, deterministic: bool = True):
        if isinstance(returnType, str):   # "a long, b string" is a struct: its simple string
            from ember.sql.types import _parse_datatype_string
            returnType = _parse_datatype_string(returnType)
        super().__init__(func, returnType, name, deterministic)
        self.evalType = evalType
        self._command_key: Any = None

    def _with_name(self, name: str) -> "PandasUserDefinedFunction":
        return PandasUserDefinedFunction(self.func, self._returnType, self.evalType, name,
                                         self.deterministic)

    def asNondeterministic(self) -> "PandasUserDefinedFunction":
        self.deterministic = False
        self._command = None
        return self

    def _encoded_command(self) -> str:
        from ember.closures import serialize_command
        from ember.sql.pandas.conversion import max_records_per_batch, session_timezone
        from ember.sql.pandas.udf_eval import evaluate_pandas
        from ember.sql.session import SparkSession
        session = SparkSession.getActiveSession()
        key = ("UTC", 10000) if session is None else \
            (session_timezone(session), max_records_per_batch(session))
        if self._command is None or self._command_key != key:
            command = functools.partial(evaluate_pandas, self._name, self.func,
                                        self._return_type_text, self.evalType, *key)
            data, _ = serialize_command(command, "udf")
            self._command = base64.b64encode(data).decode("ascii")
            self._command_key = key
        return self._command

    def __call__(self, *cols: Any) -> Any:
        from ember.sql.column import Column
        if self.evalType == SQL_GROUPED_MAP_PANDAS_UDF:
            raise PySparkTypeError(
                "[INVALID_UDF_EVAL_TYPE] Eval type for UDF must be SQL_BATCHED_UDF, "
                "SQL_SCALAR_PANDAS_UDF, SQL_SCALAR_PANDAS_ITER_UDF or "
                "SQL_GROUPED_AGG_PANDAS_UDF.", "INVALID_UDF_EVAL_TYPE",
                {"eval_type": "SQL_GROUPED_MAP_PANDAS_UDF"})
        if self.evalType == SQL_SCALAR_PANDAS_ITER_UDF:
            from ember.sql.column import to_expr
            column = Column({"kind": "udf", "name": self._name,
                             "args": [to_expr(c) for c in cols],
                             "returnType": self._return_type_text,
                             "func": self._encoded_command(),
                             "deterministic": self.deterministic})
        else:
            column = super().__call__(*cols)
        column._expr["evalType"] = self.evalType
        if self.evalType == SQL_GROUPED_AGG_PANDAS_UDF:   # run by GroupedData.agg's path
            import cloudpickle
            column._expr["pandasFunc"] = base64.b64encode(
                cloudpickle.dumps(self.func)).decode("ascii")
        return column


def pandas_udf(f: Any = None, returnType: Any = None, functionType: Optional[int] = None) -> Any:
    """A pandas UDF from ``f``; also a decorator (``@pandas_udf("double")``,
    ``@pandas_udf(returnType="double", functionType=PandasUDFType.SCALAR)``)."""
    from ember.sql.pandas.utils import require_pandas_and_arrow
    require_pandas_and_arrow()
    if f is None or not callable(f):   # used as a decorator
        if f is not None:   # the return type came first: @pandas_udf("double"[, kind])
            if isinstance(returnType, int) and functionType is None:
                functionType = returnType
            returnType = f
        return functools.partial(_make, returnType=returnType, functionType=functionType)
    return _make(f, returnType=returnType, functionType=functionType)


def _make(f: Callable, returnType: Any, functionType: Optional[int]) -> Any:
    if returnType is None:
        raise PySparkTypeError(errorClass="CANNOT_BE_NONE",
                               messageParameters={"arg_name": "returnType"},
                               message="[CANNOT_BE_NONE] Argument `returnType` cannot be None.")
    if functionType is not None and functionType not in _KINDS:
        raise PySparkTypeError(
            "[INVALID_PANDAS_UDF_TYPE] `functionType` should be one of the values from "
            "PandasUDFType, got %s" % functionType, "INVALID_PANDAS_UDF_TYPE",
            {"arg_name": "functionType", "arg_type": str(functionType)})
    eval_type = functionType if functionType is not None else _infer_eval_type(f)
    udf = PandasUserDefinedFunction(f, returnType, eval_type)
    if eval_type == SQL_GROUPED_MAP_PANDAS_UDF:
        from ember.sql.types import StructType
        if not isinstance(udf.returnType, StructType):
            raise PySparkValueError(
                "[INVALID_RETURN_TYPE_FOR_PANDAS_UDF] Grouped and Cogrouped map Pandas UDF "
                "should return StructType for %s, got %s."
                % (udf._name, udf.returnType.simpleString()),
                "INVALID_RETURN_TYPE_FOR_PANDAS_UDF", {"eval_type": "SQL_GROUPED_MAP_PANDAS_UDF"})
    return udf
