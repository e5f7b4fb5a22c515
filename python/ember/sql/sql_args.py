"""The ``sql`` operation of the plan protocol: statement text and the values of its parameter markers."""

from typing import Any, Dict, List, Optional, Union

from ember.errors import PySparkTypeError, not_expected_type
from ember.sql import plan_protocol as P
from ember.sql.column import Column, value_expr


def _arg(v: Any) -> Dict[str, Any]:
    return v._expr if isinstance(v, Column) else value_expr(v)


def sql_operation(text: str, args: Optional[Union[Dict[str, Any], List[Any]]],
                  kwargs: Dict[str, Any]) -> Dict[str, Any]:
    """``{"op": "sql", "text": ..., "args": {name: E}, "posArgs": [E]}``; ``kwargs`` fill
    ``{name}`` fields of the text as PySpark's string formatting does (non-DataFrame values)."""
    if not isinstance(text, str):
        raise not_expected_type("sqlQuery", "str", text)
    if kwargs:
        for k, v in kwargs.items():
            if hasattr(v, "_jdf"):
                raise PySparkTypeError("DataFrame arguments of spark.sql are not supported yet",
                                       "NOT_IMPLEMENTED", {"feature": "spark.sql(..., %s=DataFrame)" % k})
        text = text.format(**kwargs)
    named: Dict[str, Any] = {}
    positional: List[Any] = []
    if isinstance(args, dict):
        named = {k: _arg(v) for k, v in args.items()}
    elif isinstance(args, (list, tuple)):
        positional = [_arg(v) for v in args]
    elif args is not None:
        raise not_expected_type("args", "dict or list", args)
    return P.op(P.OP_SQL, text=text, args=named, posArgs=positional)
