"""The DataFrame's actions, display and persistence (mixed into ``DataFrame``).

Rows reach Python only through the result stream (``SqlEngine.collect``): tuples of the
protocol's internal values, converted here by the schema the DataFrame already holds.
``show`` and ``explain`` text is formatted on the JVM, as PySpark's is.
"""

from typing import Any, Callable, Iterator, List, Optional

from ember.errors import PySparkTypeError, PySparkValueError, \
    not_expected_type
from ember.storagelevel import StorageLevel, jvm_name

__all__ = ["DataFrameActions", "tree_string"]

_EXPLAIN_MODES = ("simple", "extended", "codegen", "cost", "formatted")


def _row_converter(schema: Any) -> Callable[[tuple], Any]:
    """Internal-value tuple -> Row, by ``schema``."""
    from ember.sql.conversion import row_converter
    return row_converter(schema)


def _rows_converter(schema: Any) -> Callable[[List[tuple]], List[Any]]:
    """A batch of internal-value tuples -> Rows, by ``schema``."""
    from ember.sql.conversion import rows_converter
    return rows_converter(schema)


def _convert_partition(schema: Any) -> Callable[[Iterator[tuple]], Iterator[Any]]:
    def convert(rows: Iterator[tuple]) -> Iterator[Any]:
        return map(_row_converter(schema), rows)
    return convert


def _type_name(t: Any) -> str:
    """How Spark's tree format names a type: complex ones by kind, others in full."""
    from ember.sql.types import ArrayType, MapType, StructType
    if isinstance(t, (StructType, ArrayType, MapType)):
        return t.typeName()
    v = t.jsonValue()
    return v if isinstance(v, str) else t.typeName()


def _tree_lines(t: Any, prefix: str, level: Optional[int], depth: int, out: List[str]) -> None:
    from ember.sql.types import ArrayType, MapType, StructType
    if level is not None and depth > level:
        return
    if isinstance(t, StructType):
        for f in t.fields:
            out.append("%s-- %s: %s (nullable = %s)" % (prefix, f.name, _type_name(f.dataType),
                                                        str(f.nullable).lower()))
            _tree_lines(f.dataType, prefix + "    |", level, depth + 1, out)
    elif isinstance(t, ArrayType):
        out.append("%s-- element: %s (containsNull = %s)" % (
            prefix, _type_name(t.elementType), str(t.containsNull).lower()))
        _tree_lines(t.elementType, prefix + "    |", level, depth + 1, out)
    elif isinstance(t, MapType):
        out.append("%s-- key: %s" % (prefix, _type_name(t.keyType)))
        _tree_lines(t.keyType, prefix + "    |", level, depth + 1, out)
        out.append("%s-- value: %s (valueContainsNull = %s)" % (
            prefix, _type_name(t.valueType), str(t.valueContainsNull).lower()))
        _tree_lines(t.valueType, prefix + "    |", level, depth + 1, out)


def tree_string(schema: Any, level: Optional[int] = None) -> str:
    """Spark's ``StructType.treeString``: ``root`` and one `` |-- name: type`` line a field."""
    out = ["root"]
    _tree_lines(schema, " |", level, 1, out)
    return "\n".join(out) + "\n"


class DataFrameActions:
    """Actions of a DataFrame; expects ``_jdf``, ``sparkSession`` and ``limit``."""

    # -- schema ------------------------------------------------------------------------------

    @property
    def schema(self) -> Any:
        """The StructType of the rows (asked of the JVM once)."""
        if self._schema is None:
            from ember.sql.types import StructType
            self._schema = StructType.fromJson(self.sparkSession._sql.schema_json(self._jdf))
        return self._schema

    @property
    def columns(self) -> List[str]:
        return [f.name for f in self.schema.fields]

    @property
    def dtypes(self) -> List[tuple]:
        """(name, type string) pairs: ``[("id", "bigint")]``."""
        return [(f.name, f.dataType.simpleString()) for f in self.schema.fields]

    def printSchema(self, level: Optional[int] = None) -> None:
        """Prints the schema as a tree (``level`` limits the depth of nested fields)."""
        print(tree_string(self.schema, level))

    def explain(self, extended: Any = None, mode: Optional[str] = None) -> None:
        """Prints the plans: physical only, or parsed/analyzed/optimized/physical with
        ``extended=True``; ``mode`` one of simple, extended, codegen, cost, formatted."""
        if extended is not None and mode is not None:
            raise PySparkValueError("extended and mode should not be set together.",
                                    "CANNOT_SET_TOGETHER", {"arg_list": "extended and mode"})
        if isinstance(extended, str):
            mode, extended = extended, None
        if extended is not None and not isinstance(extended, bool):
            raise not_expected_type("extended", "bool", extended)
        if mode is None:
            mode = "extended" if extended else "simple"
        if not isinstance(mode, str):
            raise not_expected_type("mode", "str", mode)
        if mode.lower() not in _EXPLAIN_MODES:
            raise PySparkValueError(
                "Unknown explain mode: '%s'. Accepted explain modes are 'simple', 'extended', "
                "'codegen', 'cost', 'formatted'." % mode, "UNKNOWN_EXPLAIN_MODE",
                {"explain_mode": mode})
        print(self.sparkSession._sql.explain(self._jdf, mode.lower()))

    # -- display -----------------------------------------------------------------------------

    def _show_string(self, n: int = 20, truncate: Any = True, vertical: bool = False) -> str:
        if not isinstance(n, int) or isinstance(n, bool):
            raise not_expected_type("n", "int", n)
        if not isinstance(vertical, bool):
            raise not_expected_type("vertical", "bool", vertical)
        if isinstance(truncate, bool):
            width = 20 if truncate else 0
        else:
            try:
                width = int(truncate)
            except ValueError:
                raise not_expected_type("truncate", "bool", truncate) from None
        return self.sparkSession._sql.show_string(self._jdf, n, width, vertical)

    def show(self, n: int = 20, truncate: Any = True, vertical: bool = False) -> None:
        """Prints the first ``n`` rows as a table; strings longer than 20 characters (or
        ``truncate`` when an int) are cut, ``truncate=False`` shows them whole."""
        print(self._show_string(n, truncate, vertical))

    # -- actions -----------------------------------------------------------------------------

    def toLocalIterator(self, prefetchPartitions: bool = False) -> Iterator[Any]:
        """The rows, one partition at a time (each partition's job runs when the previous
        partition has been read)."""
        to_rows = _rows_converter(self.schema)
        for batch in self.sparkSession._sql.partition_batches(self._jdf):
            yield from to_rows(batch)

    def collect(self) -> List[Any]:
        """All rows, as ``Row`` objects."""
        to_rows = _rows_converter(self.schema)
        rows: List[Any] = []
        for batch in self.sparkSession._sql.collect_batches(self._jdf):
            rows.extend(to_rows(batch))
        return rows

    def take(self, num: int) -> List[Any]:
        return self.limit(num).collect()

    def head(self, n: Optional[int] = None) -> Any:
        """The first row (or None), or a list of the first ``n``."""
        if n is None:
            rows = self.head(1)
            return rows[0] if rows else None
        return self.take(n)

    def first(self) -> Any:
        return self.head()

    def count(self) -> int:
        return self.sparkSession._sql.count(self._jdf)

    def isEmpty(self) -> bool:
        return len(self.take(1)) == 0

    def toPandas(self) -> Any:
        """A pandas DataFrame of all rows, converted as PySpark's Arrow path does (pandas and
        pyarrow must be installed: ``pip install 'ember[pandas]'``)."""
        from ember.sql.pandas.conversion import to_pandas
        return to_pandas(self)

    def toArrow(self) -> Any:
        """A ``pyarrow.Table`` of all rows (pyarrow must be installed)."""
        from ember.sql.pandas.conversion import to_arrow
        return to_arrow(self)

    @property
    def rdd(self) -> Any:
        """An RDD of the rows (``Row`` objects), computed by the DataFrame's plan."""
        from ember.rdd import RDD
        session = self.sparkSession
        jrdd = session._sql.to_rdd(self._jdf)
        return RDD(jrdd, session.sparkContext).mapPartitions(_convert_partition(self.schema))

    def foreach(self, f: Callable[[Any], None]) -> None:
        self.rdd.foreach(f)

    def foreachPartition(self, f: Callable[[Iterator[Any]], None]) -> None:
        self.rdd.foreachPartition(f)

    # -- persistence -------------------------------------------------------------------------

    def persist(self, storageLevel: StorageLevel = StorageLevel.MEMORY_AND_DISK_DESER) -> Any:
        """Keeps the computed rows (columnar, in the block manager) for later queries."""
        if not isinstance(storageLevel, StorageLevel):
            raise not_expected_type("storageLevel", "StorageLevel", storageLevel)
        self.is_cached = True
        self._storage_level = storageLevel
        self.sparkSession._sql.persist(self._jdf, jvm_name(storageLevel))
        return self

    def cache(self) -> Any:
        return self.persist()

    def unpersist(self, blocking: bool = False) -> Any:
        self.is_cached = False
        self._storage_level = None
        self.sparkSession._sql.unpersist(self._jdf)
        return self

    @property
    def storageLevel(self) -> StorageLevel:
        return self._storage_level or StorageLevel(False, False, False, False, 1)

    # -- output and views --------------------------------------------------------------------

    @property
    def write(self) -> Any:
        from ember.sql.readwriter import DataFrameWriter
        return DataFrameWriter(self)

    def createOrReplaceTempView(self, name: str) -> None:
        """Names this DataFrame ``name`` in its session, for ``spark.table(name)`` and SQL."""
        self.sparkSession.catalog._create_view(self, name, replace=True, global_view=False)

    def createTempView(self, name: str) -> None:
        """As ``createOrReplaceTempView``; raises TempTableAlreadyExistsException if ``name`` is taken."""
        self.sparkSession.catalog._create_view(self, name, replace=False, global_view=False)

    def createGlobalTempView(self, name: str) -> None:
        """Names this DataFrame ``global_temp.name`` for every session of the application."""
        self.sparkSession.catalog._create_view(self, name, replace=False, global_view=True)

    def createOrReplaceGlobalTempView(self, name: str) -> None:
        self.sparkSession.catalog._create_view(self, name, replace=True, global_view=True)
