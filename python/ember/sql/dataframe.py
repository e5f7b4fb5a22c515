"""DataFrame: a handle on a JVM Dataset (PySpark's ``pyspark.sql.DataFrame``).

Every transformation is one JVM call: the operation is built here as the protocol's JSON
(docs/sql.md) and the JVM returns the analyzed Dataset, so a bad column fails at once, as in
PySpark. Rows never cross Py4J: actions stream them (``ember.sql.dataframe_actions``).

This module holds the transformations; actions and display are mixed in from
``dataframe_actions``, ``na`` and ``stat`` come from ``dataframe_na`` / ``dataframe_stat``.

>>> df = spark.range(5).withColumn("sq", F.col("id") * F.col("id"))
>>> df.filter(F.col("sq") > 4).collect()
[Row(id=3, sq=9), Row(id=4, sq=16)]
"""

import random
from functools import reduce
from typing import Any, Dict, List, Optional, Sequence, Union

from ember.errors import AnalysisException, PySparkAttributeError, PySparkNotImplementedError, \
    PySparkTypeError, PySparkValueError, not_expected_type
from ember.sql import plan_protocol as P
from ember.sql.column import Column, col_expr, column_list, to_expr, value_expr
from ember.sql.functions.sql_expr import sql_expr
from ember.sql.dataframe_actions import DataFrameActions
from ember.sql.dataframe_columns import DataFrameColumns
from ember.sql.dataframe_extras import DataFrameExtras

__all__ = ["DataFrame"]

_JOIN_TYPE_NAMES = ("'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', "
                    "'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', "
                    "'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'")


def _ordering(cols: Sequence[Any], ascending: Any) -> List[Dict[str, Any]]:
    exprs = column_list(tuple(cols))
    if ascending is None:
        ascending = True
    if isinstance(ascending, (bool, int)):
        flags = [bool(ascending)] * len(exprs)
    elif isinstance(ascending, list):
        flags = [bool(a) for a in ascending]
        if len(flags) != len(exprs):
            raise PySparkValueError(errorClass="LENGTH_SHOULD_BE_THE_SAME", messageParameters={
                "arg1": "cols", "arg2": "ascending", "arg1_length": str(len(exprs)),
                "arg2_length": str(len(flags))})
    else:
        raise not_expected_type("ascending", "bool or list", ascending)
    order = []
    for e, asc in zip(exprs, flags):
        if e.get("kind") == P.KIND_SORT:
            order.append(e if asc else dict(e, asc=not e["asc"], nullsFirst=not e["nullsFirst"]))
        else:
            order.append({"kind": P.KIND_SORT, "expr": e, "asc": asc, "nullsFirst": asc})
    return order


class DataFrame(DataFrameActions, DataFrameExtras, DataFrameColumns):
    """A distributed table of named, typed columns; immutable, lazily evaluated."""

    def __init__(self, jdf: Any, session: Any):
        self._jdf = jdf
        self._session = session
        self._schema = None
        self.is_cached = False
        self._storage_level = None

    @property
    def sparkSession(self) -> Any:
        """The session this DataFrame belongs to."""
        return self._session

    # -- plumbing ----------------------------------------------------------------------------

    def _new(self, operation: Dict[str, Any], *others: "DataFrame") -> "DataFrame":
        """The DataFrame of ``operation`` over this one (input 0) and ``others`` (1, 2, ...)."""
        jdf = self.sparkSession._sql.plan(operation, (self,) + others)
        return DataFrame(jdf, self.sparkSession)

    def _op(self, name: str, **fields: Any) -> "DataFrame":
        return self._new(P.op(name, input=0, **fields))

    def _check_frame(self, other: Any, arg_name: str = "other") -> None:
        if not isinstance(other, DataFrame):
            raise not_expected_type(arg_name, "DataFrame", other)

    # -- subqueries --------------------------------------------------------------------------

    def scalar(self) -> Column:
        """This DataFrame as a scalar subquery: the value of its one column in its one row
        (null for no row; ``SCALAR_SUBQUERY_TOO_MANY_ROWS`` for more). Inside it, columns of
        the query it is used in are marked with :meth:`Column.outer`."""
        return Column({"kind": P.KIND_SCALAR_SUBQUERY, "plan": self})

    def exists(self) -> Column:
        """``EXISTS`` this DataFrame: true when it has a row."""
        return Column({"kind": P.KIND_EXISTS, "plan": self})

    # -- columns -----------------------------------------------------------------------------

    def __getitem__(self, item: Any) -> Any:
        """``df["a"]`` a column of this DataFrame, ``df[0]`` by position, ``df[cond]`` a
        filter, ``df[["a", "b"]]`` a projection."""
        if isinstance(item, str):
            head = item.split(".", 1)[0].strip("`").lower()
            if item != "*" and head not in (c.lower() for c in self.columns):
                self.select(item)   # raises the JVM's UNRESOLVED_COLUMN error
            return Column(col_expr(item, self))
        if isinstance(item, Column):
            return self.filter(item)
        if isinstance(item, (list, tuple)):
            return self.select(*item)
        if isinstance(item, int) and not isinstance(item, bool):
            columns = self.columns
            if not 0 <= item < len(columns):
                raise PySparkValueError("Index %d out of range for %d columns" % (
                    item, len(columns)), "INDEX_OUT_OF_RANGE", {"index": str(item)})
            return Column(col_expr("`%s`" % columns[item].replace("`", "``"), self))
        raise not_expected_type("item", "Column, int, list or str", item)

    def __getattr__(self, name: str) -> Column:
        if name.startswith("_") or name not in self.columns:
            raise PySparkAttributeError(errorClass="ATTRIBUTE_NOT_SUPPORTED",
                                        messageParameters={"attr_name": name})
        return Column(col_expr("`%s`" % name, self))

    def __dir__(self) -> List[str]:
        return sorted(set(dir(DataFrame)) | {c for c in self.columns if c.isidentifier()})

    # -- projections -------------------------------------------------------------------------

    def select(self, *cols: Any) -> "DataFrame":
        """Columns or expressions: ``df.select("a", F.col("b") + 1)``."""
        exprs = column_list(cols)
        from ember.sql.pandas.group_ops import has_pandas_agg
        if has_pandas_agg(exprs):   # grouped-aggregate pandas UDFs aggregate all rows
            return self.groupBy().agg(*[Column(e) for e in exprs])
        return self._op(P.OP_SELECT, exprs=exprs)

    def selectExpr(self, *expr: Any) -> "DataFrame":
        """A select of SQL expressions: ``df.selectExpr("a", "b * 2 AS c")`` (a list works too)."""
        if len(expr) == 1 and isinstance(expr[0], list):
            expr = tuple(expr[0])
        return self._op(P.OP_SELECT, exprs=[sql_expr(e) for e in expr])

    def filter(self, condition: Any) -> "DataFrame":
        """Rows where ``condition`` (a boolean Column, or SQL text such as ``"a > 1"``) is true."""
        if isinstance(condition, str):
            return self._op(P.OP_FILTER, condition=sql_expr(condition))
        if not isinstance(condition, Column):
            raise not_expected_type("condition", "Column or str", condition)
        return self._op(P.OP_FILTER, condition=condition._expr)

    where = filter

    def withColumn(self, colName: str, col: Column) -> "DataFrame":
        """Adds or replaces the column ``colName``."""
        if not isinstance(col, Column):
            raise not_expected_type("col", "Column", col)
        from ember.sql.pandas import group_ops
        if group_ops.whole_partition_window(col._expr):   # a pandas aggregate over a window
            return group_ops.with_window_column(self, colName, col._expr)
        return self._op(P.OP_WITH_COLUMNS, names=[colName], exprs=[col._expr])

    def withColumns(self, *colsMap: Dict[str, Column]) -> "DataFrame":
        """Adds or replaces several columns: ``df.withColumns({"a2": df.a * 2})``."""
        if len(colsMap) != 1 or not isinstance(colsMap[0], dict):
            raise not_expected_type("colsMap", "dict", colsMap[0] if colsMap else None)
        names, exprs = [], []
        for name, c in colsMap[0].items():
            if not isinstance(c, Column):
                raise not_expected_type("col", "Column", c)
            names.append(name)
            exprs.append(c._expr)
        return self._op(P.OP_WITH_COLUMNS, names=names, exprs=exprs)

    def withColumnRenamed(self, existing: str, new: str) -> "DataFrame":
        """Renames a column (no-op when ``existing`` is not a column)."""
        return self._op(P.OP_WITH_COLUMNS_RENAMED, renames=[[existing, new]])

    def withColumnsRenamed(self, colsMap: Dict[str, str]) -> "DataFrame":
        if not isinstance(colsMap, dict):
            raise not_expected_type("colsMap", "dict", colsMap)
        return self._op(P.OP_WITH_COLUMNS_RENAMED, renames=[[k, v] for k, v in colsMap.items()])

    def drop(self, *cols: Any) -> "DataFrame":
        """Without these columns (names that are not columns are ignored)."""
        return self._op(P.OP_DROP, columns=[to_expr(c, "cols") for c in cols])

    def toDF(self, *cols: str) -> "DataFrame":
        """The same rows with the columns renamed in order."""
        for c in cols:
            if not isinstance(c, str):
                raise not_expected_type("cols", "str", c)
        return self._op(P.OP_TO_DF, names=list(cols))

    def alias(self, alias: str) -> "DataFrame":
        """Names this DataFrame, so that ``F.col("t.a")`` finds its columns (self-joins)."""
        return self._op(P.OP_ALIAS, alias=alias)

    def hint(self, name: str, *parameters: Any) -> "DataFrame":
        if len(parameters) == 1 and isinstance(parameters[0], list):
            parameters = tuple(parameters[0])
        return self._op(P.OP_HINT, name=name, params=list(parameters))

    # -- rows --------------------------------------------------------------------------------

    def distinct(self) -> "DataFrame":
        return self._op(P.OP_DISTINCT)

    def dropDuplicates(self, subset: Optional[List[str]] = None) -> "DataFrame":
        """Rows with duplicates (by all columns or by ``subset``) removed."""
        if subset is not None and not isinstance(subset, (list, tuple)):
            raise not_expected_type("subset", "list or tuple", subset)
        if subset is None:
            return self._op(P.OP_DROP_DUPLICATES, columns=None)
        return self._op(P.OP_DROP_DUPLICATES, columns=list(subset))

    drop_duplicates = dropDuplicates

    def orderBy(self, *cols: Any, **kwargs: Any) -> "DataFrame":
        """Sorted globally by ``cols``; ``ascending`` (bool or list) flips directions."""
        if not cols:
            raise PySparkValueError(errorClass="CANNOT_BE_EMPTY",
                                    messageParameters={"item": "column"})
        return self._op(P.OP_SORT, order=_ordering(cols, kwargs.get("ascending")), **{"global": True})

    sort = orderBy

    def sortWithinPartitions(self, *cols: Any, **kwargs: Any) -> "DataFrame":
        return self._op(P.OP_SORT, order=_ordering(cols, kwargs.get("ascending")), **{"global": False})

    def limit(self, num: int) -> "DataFrame":
        return self._op(P.OP_LIMIT, n=int(num))

    def offset(self, num: int) -> "DataFrame":
        return self._op(P.OP_OFFSET, n=int(num))

    def sample(self, withReplacement: Any = None, fraction: Any = None,
               seed: Optional[int] = None) -> "DataFrame":
        """A random sample: ``sample(0.1)``, ``sample(0.1, seed)`` or
        ``sample(withReplacement, fraction, seed)``."""
        if isinstance(withReplacement, float) and fraction is None:
            withReplacement, fraction = None, withReplacement
        elif isinstance(withReplacement, float) and isinstance(fraction, int):
            withReplacement, fraction, seed = None, withReplacement, fraction
        if withReplacement is not None and not isinstance(withReplacement, bool):
            raise not_expected_type("withReplacement", "bool", withReplacement)
        if not isinstance(fraction, (float, int)) or isinstance(fraction, bool):
            raise not_expected_type("fraction", "float", fraction)
        if seed is None:
            seed = random.randint(0, (1 << 63) - 1)
        return self._op(P.OP_SAMPLE, withReplacement=bool(withReplacement),
                        fraction=float(fraction), seed=int(seed))

    def randomSplit(self, weights: List[float], seed: Optional[int] = None) -> List["DataFrame"]:
        """Splits the rows at random by ``weights`` (normalized); each row lands in one split."""
        for w in weights:
            if w < 0.0:
                raise PySparkValueError(errorClass="VALUE_NOT_POSITIVE", messageParameters={
                    "arg_name": "weights", "arg_value": str(w)})
        if seed is None:
            seed = random.randint(0, (1 << 63) - 1)
        total = float(sum(weights))
        bounds, acc = [0.0], 0.0
        for w in weights:
            acc += w / total
            bounds.append(acc)
        return [self._op(P.OP_SAMPLE, withReplacement=False, fraction=hi - lo, seed=int(seed),
                         lowerBound=lo, upperBound=hi)
                for lo, hi in zip(bounds, bounds[1:])]

    # -- grouping ----------------------------------------------------------------------------

    def groupBy(self, *cols: Any) -> "GroupedData":
        """Groups for aggregation: ``df.groupBy("k").agg(F.sum("v"))``."""
        from ember.sql.group import GroupedData
        return GroupedData(self, P.GROUP_BY, column_list(cols))

    groupby = groupBy

    def rollup(self, *cols: Any) -> "GroupedData":
        from ember.sql.group import GroupedData
        return GroupedData(self, P.ROLLUP, column_list(cols))

    def cube(self, *cols: Any) -> "GroupedData":
        from ember.sql.group import GroupedData
        return GroupedData(self, P.CUBE, column_list(cols))

    def groupingSets(self, groupingSets: Any, *cols: Any) -> "GroupedData":
        """Groups by each of ``groupingSets`` in turn (lists of columns among ``cols``);
        ``cols`` are the key columns of the result:
        ``df.groupingSets([["k"], ["v"], []], "k", "v").agg(F.sum("x"))``."""
        from ember.sql.group import GroupedData
        sets = [column_list(tuple(s)) for s in groupingSets]
        return GroupedData(self, P.GROUPING_SETS, column_list(cols), sets=sets)

    def agg(self, *exprs: Any) -> "DataFrame":
        """Aggregates over all rows: ``df.agg(F.max("v"))`` or ``df.agg({"v": "max"})``."""
        return self.groupBy().agg(*exprs)

    # -- joins and set operations ------------------------------------------------------------

    def join(self, other: "DataFrame", on: Any = None, how: Optional[str] = None) -> "DataFrame":
        """Joins with ``other`` on column names (a str or list: one output column each), a
        boolean Column (or a list of them, and-ed), or nothing (every pair)."""
        self._check_frame(other)
        if on is not None and not isinstance(on, list):
            on = [on]
        using, cond = None, None
        if on:
            if all(isinstance(c, str) for c in on):
                using = list(on)
            elif all(isinstance(c, Column) for c in on):
                cond = reduce(lambda a, b: a & b, on)._expr
            else:
                raise not_expected_type("on", "str, Column or a list of them", on[0])
        elif on is not None:
            using = []
        kind = "inner" if how is None else _join_type(how)
        return self._new(P.op(P.OP_JOIN, left=0, right=1, how=kind, on=cond, using=using), other)

    def crossJoin(self, other: "DataFrame") -> "DataFrame":
        self._check_frame(other)
        return self._new(P.op(P.OP_JOIN, left=0, right=1, how="cross", on=None, using=None),
                         other)

    def lateralJoin(self, other: "DataFrame", on: Optional[Column] = None,
                    how: Optional[str] = None) -> "DataFrame":
        """Joins each row with the rows ``other`` gives for it: ``other`` may read this
        DataFrame's columns through ``col(...).outer()``. ``how``: inner (default), cross, left.

        >>> t.lateralJoin(u.where(col("u.k") == col("t.k").outer()))   # doctest: +SKIP
        """
        self._check_frame(other)
        if on is not None and not isinstance(on, Column):
            raise not_expected_type("on", "Column", on)
        kind = "inner" if how is None else how
        return self._new(P.op(P.OP_LATERAL_JOIN, left=0, right=1, how=kind,
                              on=None if on is None else on._expr), other)

    def _set_op(self, other: "DataFrame", kind: str, all_rows: bool, by_name: bool = False,
                allow_missing: bool = False) -> "DataFrame":
        self._check_frame(other)
        return self._new(P.op(P.OP_SET_OP, kind=kind, all=all_rows, inputs=[0, 1],
                              byName=by_name, allowMissing=allow_missing), other)

    def union(self, other: "DataFrame") -> "DataFrame":
        """Rows of both, matched by position, duplicates kept (SQL UNION ALL)."""
        return self._set_op(other, P.UNION, True)

    unionAll = union

    def unionByName(self, other: "DataFrame", allowMissingColumns: bool = False) -> "DataFrame":
        """Rows of both, matched by column name; missing columns null when allowed."""
        return self._set_op(other, P.UNION, True, True, bool(allowMissingColumns))

    def intersect(self, other: "DataFrame") -> "DataFrame":
        return self._set_op(other, P.INTERSECT, False)

    def intersectAll(self, other: "DataFrame") -> "DataFrame":
        return self._set_op(other, P.INTERSECT, True)

    def subtract(self, other: "DataFrame") -> "DataFrame":
        """Distinct rows of this one not in ``other`` (SQL EXCEPT DISTINCT)."""
        return self._set_op(other, P.EXCEPT, False)

    def exceptAll(self, other: "DataFrame") -> "DataFrame":
        return self._set_op(other, P.EXCEPT, True)

    # -- partitioning ------------------------------------------------------------------------

    def repartition(self, numPartitions: Any = None, *cols: Any) -> "DataFrame":
        """Shuffles into ``numPartitions`` (or the session's default), hashing ``cols``."""
        if isinstance(numPartitions, (str, Column)):
            cols, numPartitions = (numPartitions,) + cols, None
        elif numPartitions is not None and (not isinstance(numPartitions, int)
                                            or isinstance(numPartitions, bool)):
            raise not_expected_type("numPartitions", "int, str or Column", numPartitions)
        return self._op(P.OP_REPARTITION, n=numPartitions, exprs=column_list(cols),
                        shuffle=True, byRange=False)

    def repartitionByRange(self, numPartitions: Any, *cols: Any) -> "DataFrame":
        if isinstance(numPartitions, (str, Column)):
            cols, numPartitions = (numPartitions,) + cols, None
        if not cols:
            raise PySparkValueError(errorClass="CANNOT_BE_EMPTY",
                                    messageParameters={"item": "partition-by expression"})
        return self._op(P.OP_REPARTITION, n=numPartitions,
                        exprs=_ordering(cols, True), shuffle=True, byRange=True)

    def coalesce(self, numPartitions: int) -> "DataFrame":
        """Fewer partitions without a shuffle."""
        return self._op(P.OP_REPARTITION, n=int(numPartitions), exprs=[], shuffle=False,
                        byRange=False)

    # -- helpers -----------------------------------------------------------------------------

    def transform(self, func: Any, *args: Any, **kwargs: Any) -> "DataFrame":
        """``func(self, *args, **kwargs)``, which must return a DataFrame."""
        result = func(self, *args, **kwargs)
        if not isinstance(result, DataFrame):
            raise PySparkTypeError("Func returned an instance of type [%s], should have been "
                                   "DataFrame." % type(result).__name__,
                                   "NOT_DATAFRAME", {"arg_name": "func"})
        return result

    def describe(self, *cols: Any) -> "DataFrame":
        """count, mean, stddev, min and max of numeric and string columns, as strings."""
        from ember.sql.dataframe_stat import summary
        names = list(cols[0]) if len(cols) == 1 and isinstance(cols[0], list) else list(cols)
        return summary(self, ("count", "mean", "stddev", "min", "max"), names or None)

    def summary(self, *statistics: str) -> "DataFrame":
        """``describe`` plus quartiles by default; or the statistics named."""
        from ember.sql.dataframe_stat import summary
        return summary(self, tuple(statistics))

    def fillna(self, value: Any, subset: Any = None) -> "DataFrame":
        return self.na.fill(value, subset)

    def dropna(self, how: str = "any", thresh: Optional[int] = None,
               subset: Any = None) -> "DataFrame":
        return self.na.drop(how, thresh, subset)

    def replace(self, to_replace: Any, value: Any = None, subset: Any = None) -> "DataFrame":
        return self.na.replace(to_replace, value, subset)

    @property
    def na(self) -> "DataFrameNaFunctions":
        from ember.sql.dataframe_na import DataFrameNaFunctions
        return DataFrameNaFunctions(self)

    @property
    def stat(self) -> "DataFrameStatFunctions":
        from ember.sql.dataframe_stat import DataFrameStatFunctions
        return DataFrameStatFunctions(self)

    def __repr__(self) -> str:
        try:
            return "DataFrame[%s]" % ", ".join("%s: %s" % d for d in self.dtypes)
        except Exception:
            return "DataFrame[?]"


def _join_type(how: Any) -> str:
    if not isinstance(how, str):
        raise not_expected_type("how", "str", how)
    key = how.lower().replace("_", "")
    for name, canonical in P.JOIN_TYPES.items():
        if name.replace("_", "") == key:
            return canonical
    raise AnalysisException(errorClass="UNSUPPORTED_JOIN_TYPE", messageParameters={
        "typ": how, "supported": _JOIN_TYPE_NAMES},
        message="[UNSUPPORTED_JOIN_TYPE] Unsupported join type '%s'. Supported join types "
                "include: %s." % (how, _JOIN_TYPE_NAMES))
