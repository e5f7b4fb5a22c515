"""``df.na``: missing values (fill, drop, replace), built from ordinary expressions.

Each method is one operation over the DataFrame (a select or a filter) whose expressions
come from the schema it already holds, as Spark's DataFrameNaFunctions does.
"""

from typing import Any, Dict, List, Optional

from ember.errors import PySparkTypeError, PySparkValueError, not_expected_type
from ember.sql import functions as F
from ember.sql.column import Column

__all__ = ["DataFrameNaFunctions"]


def _quoted(name: str) -> str:
    return "`%s`" % name.replace("`", "``")


def _subset(subset: Any) -> Optional[List[str]]:
    if subset is None:
        return None
    if isinstance(subset, str):
        return [subset]
    if isinstance(subset, (list, tuple)):
        return list(subset)
    raise not_expected_type("subset", "list, str or tuple", subset)


def _fits(value: Any, t: Any) -> bool:
    """Whether a fill value applies to a column of type ``t`` (Spark: numbers fill numeric
    columns, strings string columns, booleans boolean columns)."""
    from ember.sql import types as T
    if isinstance(value, bool):
        return isinstance(t, T.BooleanType)
    if isinstance(value, (int, float)):
        return isinstance(t, T.NumericType)
    if isinstance(value, str):
        return isinstance(t, T.StringType)
    return False


class DataFrameNaFunctions:
    def __init__(self, df: Any):
        self.df = df

    def _rewrite(self, make: Any) -> Any:
        """A select keeping every column, with ``make(field)`` (a Column or None) replacing it."""
        cols = []
        for f in self.df.schema.fields:
            c = make(f)
            cols.append(F.col(_quoted(f.name)) if c is None else c.alias(f.name))
        return self.df.select(*cols)

    def fill(self, value: Any, subset: Any = None) -> Any:
        """Replaces nulls with ``value`` (or per column with a dict ``{"col": value}``)."""
        if isinstance(value, dict):
            per_column = {k.lower(): v for k, v in value.items()}
            return self._rewrite(lambda f: F.coalesce(F.col(_quoted(f.name)), F.lit(
                per_column[f.name.lower()]).cast(f.dataType.simpleString()))
                if f.name.lower() in per_column else None)
        if not isinstance(value, (bool, int, float, str)):
            raise not_expected_type("value", "bool, dict, float, int or str", value)
        names = _subset(subset)
        wanted = None if names is None else {n.lower() for n in names}

        def make(f: Any) -> Optional[Column]:
            if (wanted is not None and f.name.lower() not in wanted) or \
                    not _fits(value, f.dataType):
                return None
            return F.coalesce(F.col(_quoted(f.name)),
                              F.lit(value).cast(f.dataType.simpleString()))
        return self._rewrite(make)

    def drop(self, how: str = "any", thresh: Optional[int] = None, subset: Any = None) -> Any:
        """Drops rows with a null (``how="any"``), only all-null rows (``"all"``), or rows with
        fewer than ``thresh`` non-null values, among ``subset`` (default: all columns)."""
        if how not in ("any", "all"):
            raise PySparkValueError("how ('%s') should be 'any' or 'all'" % how,
                                    "VALUE_NOT_ANY_OR_ALL", {"arg_name": "how", "arg_type": how})
        names = _subset(subset) or [f.name for f in self.df.schema.fields]
        if thresh is None:
            thresh = len(names) if how == "any" else 1
        non_null = [F.when(F.col(_quoted(n)).isNotNull(), 1).otherwise(0) for n in names]
        if not non_null:
            return self.df
        total = non_null[0]
        for c in non_null[1:]:
            total = total + c
        return self.df.filter(total >= thresh)

    def replace(self, to_replace: Any, value: Any = None, subset: Any = None) -> Any:
        """Replaces values: ``replace(1, 2)``, ``replace([1, 2], [3, 4])`` or
        ``replace({"a": "b"})``, in the columns whose type matches."""
        if isinstance(to_replace, dict):
            mapping = dict(to_replace)
        else:
            olds = to_replace if isinstance(to_replace, (list, tuple)) else [to_replace]
            news = value if isinstance(value, (list, tuple)) else [value] * len(olds)
            if len(olds) != len(news):
                raise PySparkValueError(errorClass="LENGTH_SHOULD_BE_THE_SAME", messageParameters={
                    "arg1": "to_replace", "arg2": "value", "arg1_length": str(len(olds)),
                    "arg2_length": str(len(news))})
            mapping = dict(zip(olds, news))
        names = _subset(subset)
        wanted = None if names is None else {n.lower() for n in names}

        def make(f: Any) -> Optional[Column]:
            if wanted is not None and f.name.lower() not in wanted:
                return None
            keys = [k for k in mapping if _fits(k, f.dataType)]
            if not keys:
                return None
            c = F.col(_quoted(f.name))
            out = None
            for k in keys:
                new = F.lit(mapping[k]).cast(f.dataType.simpleString())
                out = F.when(c == k, new) if out is None else out.when(c == k, new)
            return out.otherwise(c)
        return self._rewrite(make)

