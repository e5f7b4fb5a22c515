"""DataFrame methods built from other DataFrame operations: reshaping (``unpivot``/``melt``,
``transpose``, ``to``), indexing (``zipWithIndex``), sampling by strata, the ``stat``
shortcuts, JSON rows, and the batch meaning of the streaming methods.

Nothing here adds a plan operation: each method composes ones the JVM already has, so a
mistake (an unknown column, types that do not merge) fails in the JVM's analyzer with its
own error. Mixed into :class:`ember.sql.DataFrame`.
"""

from collections import deque
from typing import Any, Dict, List, Optional, Union

from ember.errors import PySparkValueError, not_expected_type
from ember.sql import functions as F
from ember.sql.column import Column

__all__ = ["DataFrameExtras"]

# Spark's spark.sql.transposeMaxValues: transpose refuses more index values than this.
_TRANSPOSE_MAX_VALUES = 500


def _quoted(name: str) -> str:
    return "`%s`" % name.replace("`", "``")


def _columns(cols: Any, arg_name: str) -> List[Column]:
    if cols is None:
        return []
    if isinstance(cols, (str, Column)):
        cols = [cols]
    if not isinstance(cols, (list, tuple)):
        raise not_expected_type(arg_name, "list, str, tuple or Column", cols)
    return [F.col(_quoted(c)) if isinstance(c, str) else c for c in cols]


def _check_common_type(types: List[Any]) -> None:
    """Spark's least common type without string promotion: numbers widen to each other,
    other types must be equal (``TRANSPOSE_NO_LEAST_COMMON_TYPE``)."""
    from ember.errors import AnalysisException
    from ember.sql.types import NumericType
    if all(isinstance(t, NumericType) for t in types):
        return
    for t in types[1:]:
        if t != types[0]:
            a, b = types[0].simpleString().upper(), t.simpleString().upper()
            raise AnalysisException(
                errorClass="TRANSPOSE_NO_LEAST_COMMON_TYPE",
                messageParameters={"dt1": '"%s"' % a, "dt2": '"%s"' % b},
                message='[TRANSPOSE_NO_LEAST_COMMON_TYPE] Transpose requires non-index columns '
                        'to share a least common type, but "%s" and "%s" do not.' % (a, b))


class DataFrameExtras:
    """Mixin of :class:`ember.sql.DataFrame` (``self`` is a DataFrame)."""

    # -- small actions -----------------------------------------------------------------------

    def tail(self, num: int) -> List[Any]:
        """The last ``num`` rows, in order (every row is read once; only ``num`` are kept)."""
        if not isinstance(num, int) or num < 0:
            raise not_expected_type("num", "non-negative int", num)
        return list(deque(self.toLocalIterator(), maxlen=num)) if num else []

    def toJSON(self, use_unicode: bool = True) -> Any:
        """An RDD of one JSON object (a string) per row, null fields left out.

        >>> spark.createDataFrame([(2, "Alice")], ["age", "name"]).toJSON().first()
        '{"age":2,"name":"Alice"}'
        """
        row = F.struct(*[F.col(_quoted(c)) for c in self.columns])
        return self.select(F.to_json(row).alias("value")).rdd.map(lambda r: r[0])

    def isLocal(self) -> bool:
        """True when ``collect`` needs no job: the plan is rows held by the driver."""
        return self.sparkSession._sql.is_local(self._jdf)

    @property
    def isStreaming(self) -> bool:
        """Always False: Ember has no streaming sources."""
        return False

    def inputFiles(self) -> List[str]:
        """The files the plan's file scans read (a best-effort list, as Spark's)."""
        return list(self.sparkSession._sql.input_files(self._jdf))

    def sameSemantics(self, other: Any) -> bool:
        """True when both plans compute the same result (equal canonical plans)."""
        from ember.sql.dataframe import DataFrame
        if not isinstance(other, DataFrame):
            raise not_expected_type("other", "DataFrame", other)
        return self.sparkSession._sql.same_semantics(self._jdf, other._jdf)

    def semanticHash(self) -> int:
        """A hash of the canonical plan: equal for DataFrames with ``sameSemantics``."""
        return self.sparkSession._sql.semantic_hash(self._jdf)

    def observe(self, observation: Any, *exprs: Column) -> Any:
        """This DataFrame, with named aggregate metrics ``exprs`` readable from
        ``observation.get`` (an :class:`ember.sql.Observation`)."""
        from ember.sql.observation import Observation
        if not isinstance(observation, Observation):
            raise not_expected_type("observation", "Observation", observation)
        return observation._on(self, exprs)

    # -- stat shortcuts ----------------------------------------------------------------------

    def corr(self, col1: str, col2: str, method: Optional[str] = None) -> Optional[float]:
        return self.stat.corr(col1, col2, method)

    def cov(self, col1: str, col2: str) -> Optional[float]:
        return self.stat.cov(col1, col2)

    def crosstab(self, col1: str, col2: str) -> Any:
        return self.stat.crosstab(col1, col2)

    def approxQuantile(self, col: Union[str, List[str]], probabilities: List[float],
                       relativeError: float) -> List[Any]:
        return self.stat.approxQuantile(col, probabilities, relativeError)

    def freqItems(self, cols: Union[List[str], tuple], support: Optional[float] = None) -> Any:
        return self.stat.freqItems(cols, support)

    def sampleBy(self, col: Any, fractions: Dict[Any, float], seed: Optional[int] = None) -> Any:
        return self.stat.sampleBy(col, fractions, seed)

    # -- reshaping ---------------------------------------------------------------------------

    def unpivot(self, ids: Any, values: Any, variableColumnName: str,
                valueColumnName: str) -> Any:
        """Wide to long: per input row, one row per value column with the ``ids``, the value
        column's name (``variableColumnName``) and its value (``valueColumnName``, the values'
        common type). ``values=None`` takes every column that is not an id.

        >>> df = spark.createDataFrame([(1, 11, 1.1)], ["id", "a", "b"])
        >>> df.unpivot("id", ["a", "b"], "var", "val").collect()
        [Row(id=1, var='a', val=11.0), Row(id=1, var='b', val=1.1)]
        """
        id_cols = _columns(ids, "ids")
        if values is None:
            id_names = set(self.select(*id_cols).columns) if id_cols else set()
            value_cols = [F.col(_quoted(c)) for c in self.columns if c not in id_names]
        else:
            value_cols = _columns(values, "values")
        if not value_cols:
            raise PySparkValueError("At least one value column needs to be specified for "
                                    "UNPIVOT, all columns specified as ids.",
                                    "UNPIVOT_REQUIRES_VALUE_COLUMNS", {})
        value_names = self.select(*value_cols).columns
        common = self.select(F.array(*value_cols)).schema.fields[0].dataType.elementType
        pairs = [F.struct(F.lit(n).alias(variableColumnName),
                          c.cast(common).alias(valueColumnName))
                 for n, c in zip(value_names, value_cols)]
        return self.select(*id_cols, F.inline(F.array(*pairs)))

    def melt(self, ids: Any, values: Any, variableColumnName: str, valueColumnName: str) -> Any:
        """Alias of :meth:`unpivot`."""
        return self.unpivot(ids, values, variableColumnName, valueColumnName)

    def transpose(self, indexColumn: Any = None) -> Any:
        """Rows to columns: one column per row (named by its index value as a string, in
        ascending index order, rows with a null index left out), one row per other column
        (named in column ``key``). Values take the other columns' common type. At most 500
        rows: they are collected, as Spark does."""
        from ember.sql.types import StringType, StructField, StructType
        index = _columns(indexColumn, "indexColumn")[0] if indexColumn is not None \
            else F.col(_quoted(self.columns[0]))
        index_name = self.select(index).columns[0]
        rest = [f for f in self.schema.fields if f.name != index_name]
        _check_common_type([f.dataType for f in rest])
        common = self.select(F.array(*[F.col(_quoted(f.name)) for f in rest])) \
            .schema.fields[0].dataType.elementType if rest else StringType()
        rows = self.select(index.alias("__i"),
                           *[F.col(_quoted(f.name)).cast(common) for f in rest]) \
            .filter(F.col("__i").isNotNull()).limit(_TRANSPOSE_MAX_VALUES + 1).collect()
        if len(rows) > _TRANSPOSE_MAX_VALUES:
            raise PySparkValueError("Number of values in the index column exceeds the limit "
                                    "of %d." % _TRANSPOSE_MAX_VALUES,
                                    "TRANSPOSE_EXCEED_ROW_LIMIT",
                                    {"maxValues": str(_TRANSPOSE_MAX_VALUES)})
        rows.sort(key=lambda r: r[0])
        schema = StructType([StructField("key", StringType())] +
                            [StructField(str(r[0]), common) for r in rows])
        data = [tuple([f.name] + [r[i + 1] for r in rows]) for i, f in enumerate(rest)]
        return self.sparkSession.createDataFrame(data, schema)

    def to(self, schema: Any) -> Any:
        """The columns of ``schema``, by name and in its order, cast to its types; a column
        the schema names that is missing fails in the analyzer."""
        from ember.sql.types import StructType
        if not isinstance(schema, StructType):
            raise not_expected_type("schema", "StructType", schema)
        return self.select(*[F.col(_quoted(f.name)).cast(f.dataType).alias(f.name)
                             for f in schema.fields])

    def zipWithIndex(self, indexColName: str = "index") -> Any:
        """Appends ``indexColName``: consecutive bigint indices from 0 in row order. One job
        counts each partition's rows first, as ``RDD.zipWithIndex`` does."""
        tagged = self.select("*", F.spark_partition_id().alias("__p"),
                             F.monotonically_increasing_id().alias("__m"))
        counts = dict(tagged.groupBy("__p").count().collect())
        starts, total = [], 0
        for p in range(max(counts) + 1 if counts else 0):
            starts.append(total)
            total += counts.get(p, 0)
        start = F.element_at(F.array(*[F.lit(s) for s in starts] or [F.lit(0)]),
                             F.col("__p") + 1)
        local = F.col("__m") - F.shiftleft(F.col("__p").cast("bigint"), 33)
        index = (start.cast("bigint") + local).alias(indexColName)
        return tagged.select(*[F.col(_quoted(c)) for c in self.columns], index)

    def zip(self, other: Any) -> Any:
        """This DataFrame's columns followed by ``other``'s, row by row. Both must come from
        the same plan through projections only (``ZIP_PLANS_NOT_MERGEABLE`` otherwise); the
        rows are paired by their positions (:meth:`zipWithIndex` on each side)."""
        from ember.errors import AnalysisException
        from ember.sql.dataframe import DataFrame
        if not isinstance(other, DataFrame):
            raise not_expected_type("other", "DataFrame", other)
        if not self.sparkSession._sql.zippable(self._jdf, other._jdf):
            raise AnalysisException(
                errorClass="ZIP_PLANS_NOT_MERGEABLE", messageParameters={},
                message="[ZIP_PLANS_NOT_MERGEABLE] The two DataFrames in zip() cannot be "
                        "merged. They must produce the same canonicalized plan after "
                        "stripping outer Project chains, and must not contain non-scalar "
                        "Python UDFs.")
        left = self.zipWithIndex("__zl").alias("__l")
        right = other.zipWithIndex("__zr").alias("__r")
        joined = left.join(right, F.col("__l.__zl") == F.col("__r.__zr"))
        return joined.orderBy(F.col("__l.__zl")).select(
            *[F.col("__l.%s" % _quoted(c)) for c in self.columns],
            *[F.col("__r.%s" % _quoted(c)) for c in other.columns])

    # -- lineage -----------------------------------------------------------------------------

    def _checkpointed(self, eager: bool, local: bool) -> Any:
        """A DataFrame over this one's rows as a checkpointed RDD (its pickled row frames),
        so later queries read the saved partitions instead of recomputing the plan."""
        import json
        from ember.sql.dataframe import DataFrame
        if not isinstance(eager, bool):
            raise not_expected_type("eager", "bool", eager)
        session = self.sparkSession
        engine = session.sparkContext.engine
        jrdd = session._sql.to_rdd(self._jdf)
        if local:
            engine.local_checkpoint(jrdd)
        else:
            engine.checkpoint(jrdd)
        frame = DataFrame(session._sql.from_rdd(jrdd, json.dumps(self.schema.jsonValue())),
                          session)
        if eager:
            frame.count()
        return frame

    def checkpoint(self, eager: bool = True) -> Any:
        """This DataFrame saved to the checkpoint directory (``sc.setCheckpointDir``), its
        plan cut there; ``eager`` saves it now, else at the first action."""
        return self._checkpointed(eager, local=False)

    def localCheckpoint(self, eager: bool = True, storageLevel: Any = None) -> Any:
        """As :meth:`checkpoint`, kept in executor storage (lost with an executor)."""
        if storageLevel is not None:
            raise not_expected_type("storageLevel", "None (the block manager's default)",
                                    storageLevel)
        return self._checkpointed(eager, local=True)

    # -- views -----------------------------------------------------------------------------

    def registerTempTable(self, name: str) -> None:
        """Deprecated alias of :meth:`createOrReplaceTempView`."""
        self.createOrReplaceTempView(name)

    # -- pandas and Arrow ------------------------------------------------------------------

    def mapInPandas(self, func: Any, schema: Any, barrier: bool = False,
                    profile: Any = None) -> Any:
        """Runs ``func`` on each partition as an iterator of pandas DataFrames (at most
        ``spark.sql.execution.arrow.maxRecordsPerBatch`` rows each); the DataFrames it
        yields, of ``schema``, make the new DataFrame (``ember.sql.pandas.group_ops``)."""
        from ember.sql.pandas.group_ops import map_in
        return map_in(self, func, schema, False)

    def mapInArrow(self, func: Any, schema: Any, barrier: bool = False,
                   profile: Any = None) -> Any:
        """As mapInPandas, with ``pyarrow.RecordBatch`` iterators."""
        from ember.sql.pandas.group_ops import map_in
        return map_in(self, func, schema, True)
