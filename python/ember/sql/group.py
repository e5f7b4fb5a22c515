"""GroupedData: a DataFrame grouped by keys, waiting for its aggregates (PySpark's names).

>>> df.groupBy("k").agg(F.sum("v").alias("total"), F.count("*"))   # doctest: +SKIP
>>> df.groupBy("k").pivot("year", [2023, 2024]).sum("v")            # doctest: +SKIP

Nothing reaches the JVM until ``agg`` (or count, sum, ...): then one ``aggregate`` operation
carries the grouping, the aggregates and the pivot (if any).
"""

from typing import Any, Dict, List, Optional

from ember.errors import PySparkTypeError, PySparkValueError, not_expected_type
from ember.sql import plan_protocol as P
from ember.sql.column import Column, col_expr, fn, value_expr

__all__ = ["GroupedData"]

_DICT_FUNCTIONS = {"avg": "avg", "mean": "avg", "max": "max", "min": "min", "sum": "sum",
                   "count": "count", "first": "first", "last": "last",
                   "stddev": "stddev", "variance": "variance"}


class GroupedData:
    """The groups of a DataFrame (from ``groupBy``, ``rollup``, ``cube``, ``groupingSets``),
    optionally pivoted."""

    def __init__(self, df: Any, group_type: str, grouping: List[Dict[str, Any]],
                 pivot: Optional[Dict[str, Any]] = None,
                 sets: Optional[List[List[Dict[str, Any]]]] = None):
        self._df = df
        self._group_type = group_type
        self._grouping = grouping
        self._pivot = pivot
        self._sets = sets
        self.session = df.sparkSession

    def agg(self, *exprs: Any) -> Any:
        """Aggregates per group: Columns (``F.sum("v")``) or one dict ``{"v": "sum"}``."""
        if not exprs:
            raise PySparkValueError(errorClass="CANNOT_BE_EMPTY",
                                    messageParameters={"item": "exprs"})
        if len(exprs) == 1 and isinstance(exprs[0], dict):
            aggs = [self._dict_agg(c, f) for c, f in exprs[0].items()]
        else:
            aggs = []
            for e in exprs:
                if not isinstance(e, Column):
                    raise PySparkTypeError(errorClass="NOT_EXPECTED_TYPE", messageParameters={
                        "arg_name": "exprs", "expected_type": "Column or dict",
                        "arg_type": type(e).__name__})
                aggs.append(e._expr)
        from ember.sql.pandas.group_ops import aggregate, has_pandas_agg
        if has_pandas_agg(aggs):
            return aggregate(self, aggs)
        return self._aggregate(aggs)

    @staticmethod
    def _dict_agg(column: str, function: str) -> Dict[str, Any]:
        name = _DICT_FUNCTIONS.get(function.lower(), function)
        arg = {"kind": P.KIND_STAR} if column == "*" and name == "count" else col_expr(column)
        return fn(name, arg)._expr

    def _aggregate(self, aggs: List[Dict[str, Any]]) -> Any:
        group_type = P.PIVOT if self._pivot is not None else self._group_type
        fields: Dict[str, Any] = {"groupType": group_type, "grouping": self._grouping,
                                  "aggs": aggs}
        if self._sets is not None:
            fields["groupingSets"] = self._sets
        if self._pivot is not None:
            fields["pivotColumn"] = self._pivot["column"]
            fields["pivotValues"] = self._pivot["values"]
        return self._df._op(P.OP_AGGREGATE, **fields)

    def _numeric(self, name: str, cols: tuple) -> Any:
        for c in cols:
            if not isinstance(c, str):
                raise not_expected_type("cols", "str", c)
        if not cols:
            from ember.sql.types import NumericType
            cols = tuple("`%s`" % f.name.replace("`", "``") for f in self._df.schema.fields
                         if isinstance(f.dataType, NumericType))
        return self._aggregate([fn(name, col_expr(c))._expr for c in cols])

    def count(self) -> Any:
        """A ``count`` column with the rows of each group."""
        one = {"kind": P.KIND_LIT, "value": 1, "type": "int"}
        return self._aggregate([fn("count", one).alias("count")._expr])

    def sum(self, *cols: str) -> Any:
        """Sums of ``cols`` (all numeric columns when none are given)."""
        return self._numeric("sum", cols)

    def avg(self, *cols: str) -> Any:
        return self._numeric("avg", cols)

    mean = avg

    def min(self, *cols: str) -> Any:
        return self._numeric("min", cols)

    def max(self, *cols: str) -> Any:
        return self._numeric("max", cols)

    def pivot(self, pivot_col: str, values: Optional[List[Any]] = None) -> "GroupedData":
        """Turns the values of ``pivot_col`` into columns (the distinct values, sorted, when
        ``values`` is not given)."""
        if self._pivot is not None:
            raise PySparkValueError("pivot can only be applied once", "REPEATED_CLAUSE",
                                    {"clause": "pivot", "operation": "groupBy"})
        if self._group_type != P.GROUP_BY:
            raise PySparkValueError("pivot is only supported after a groupBy",
                                    "UNSUPPORTED_OPERATION", {"operation": "pivot"})
        pc = col_expr(pivot_col) if isinstance(pivot_col, str) else value_expr(pivot_col)
        vals = None if values is None else [value_expr(v) for v in values]
        return GroupedData(self._df, self._group_type, self._grouping,
                           {"column": pc, "values": vals})

    def applyInPandas(self, func: Any, schema: Any) -> Any:
        """Runs ``func(pdf)`` or ``func(key, pdf)`` on each group as a pandas DataFrame; the
        results, of ``schema``, make the new DataFrame (``ember.sql.pandas.group_ops``)."""
        from ember.sql.pandas.group_ops import apply_in
        return apply_in(self, func, schema, False)

    def applyInArrow(self, func: Any, schema: Any) -> Any:
        """As applyInPandas, with each group as a ``pyarrow.Table``."""
        from ember.sql.pandas.group_ops import apply_in
        return apply_in(self, func, schema, True)

    def apply(self, udf: Any) -> Any:
        """applyInPandas of a ``PandasUDFType.GROUPED_MAP`` pandas UDF (PySpark's old form)."""
        from ember.sql.pandas.group_ops import apply_grouped_udf
        return apply_grouped_udf(self, udf)

    def cogroup(self, other: "GroupedData") -> Any:
        """Cogroups with ``other`` by key, for ``applyInPandas``/``applyInArrow``."""
        from ember.sql.pandas.group_ops import PandasCogroupedOps
        return PandasCogroupedOps(self, other)
