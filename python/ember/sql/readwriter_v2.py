"""``df.writeTo(table)``: PySpark's ``DataFrameWriterV2`` over the session catalog.

Ember's warehouse tables are what Spark calls v1 tables of the session catalog
(``spark_catalog``), and PySpark 4.3 (classic) gives them exactly this: ``create`` writes a new
table (``using`` format, ``option(s)``, identity ``partitionedBy`` columns); ``append``,
``overwrite`` and ``overwritePartitions`` refuse a v1 table (``Cannot write into v1 table``,
``TABLE_OR_VIEW_NOT_FOUND`` when there is none), and ``replace``/``createOrReplace`` are
``UNSUPPORTED_FEATURE.TABLE_OPERATION`` (REPLACE TABLE AS SELECT). Ember follows those answers
so that a program behaves as it does under PySpark.
"""

import json
from typing import Any, Dict, List

from ember.errors import AnalysisException, not_expected_type
from ember.sql import plan_protocol as P
from ember.sql.column import Column

__all__ = ["DataFrameWriterV2"]

# Partition transforms PySpark builds (functions.years(...), ...); v1 tables take only columns.
_TRANSFORMS = {"years", "months", "days", "hours", "bucket"}


class DataFrameWriterV2:
    """Builder returned by :meth:`DataFrame.writeTo`::

        df.writeTo("t").using("parquet").partitionedBy("k").create()
    """

    def __init__(self, df: Any, table: str):
        if not isinstance(table, str):
            raise not_expected_type("table", "str", table)
        self._df = df
        self._table = table
        self._provider: Any = None
        self._options: Dict[str, str] = {}
        self._properties: Dict[str, str] = {}
        self._partitioning: List[str] = []

    def using(self, provider: str) -> "DataFrameWriterV2":
        """The table's format (``parquet``, ``csv``, ``json``, ...)."""
        self._provider = provider
        return self

    def option(self, key: str, value: Any) -> "DataFrameWriterV2":
        from ember.sql.readwriter import _option_value
        self._options[key] = _option_value(value)
        return self

    def options(self, **options: Any) -> "DataFrameWriterV2":
        for k, v in options.items():
            self.option(k, v)
        return self

    def tableProperty(self, property: str, value: str) -> "DataFrameWriterV2":
        """A table property. Ember's catalog keeps no table properties yet, so it is checked
        and then only kept on this builder."""
        if not isinstance(property, str):
            raise not_expected_type("property", "str", property)
        self._properties[property] = str(value)
        return self

    def partitionedBy(self, col: Any, *cols: Any) -> "DataFrameWriterV2":
        """Identity partition columns (names or columns); like Spark's, a later call replaces
        an earlier one. Transforms (``years``, ``bucket``, ...) are refused on create."""
        names = []
        for c in (col,) + cols:
            if isinstance(c, str):
                names.append(c)
            elif isinstance(c, Column) and c._expr.get("kind") == P.KIND_COL:
                names.append(c._expr["name"])
            elif isinstance(c, Column):
                names.append(c)
            else:
                raise not_expected_type("col", "Column or str", c)
        self._partitioning = names
        return self

    # -- actions ------------------------------------------------------------------------------

    def create(self) -> None:
        """Creates the table from the DataFrame's rows; ``TABLE_OR_VIEW_ALREADY_EXISTS`` if
        it exists."""
        for p in self._partitioning:
            if isinstance(p, Column):
                raise _unsupported_transform(p)
        spec: Dict[str, Any] = {"mode": "error", "partitionBy": list(self._partitioning),
                                "options": dict(self._options)}
        if self._provider is not None:
            spec["format"] = self._provider
        session = self._df.sparkSession
        session._sql.catalog_job("saveAsTable", self._df._jdf, self._table, json.dumps(spec))

    def replace(self) -> None:
        raise self._no_replace()

    def createOrReplace(self) -> None:
        raise self._no_replace()

    def append(self) -> None:
        raise self._no_v1_write()

    def overwrite(self, condition: Column) -> None:
        if not isinstance(condition, Column):
            raise not_expected_type("condition", "Column", condition)
        raise self._no_v1_write()

    def overwritePartitions(self) -> None:
        raise self._no_v1_write()

    # -- PySpark's refusals for session-catalog (v1) tables -----------------------------------

    def _qualified(self) -> str:
        t = self._df.sparkSession.catalog.getTable(self._table)
        parts = [t.catalog or "spark_catalog"] + list(t.namespace or []) + [t.name]
        return ".".join("`%s`" % p.replace("`", "``") for p in parts)

    def _qualified_new(self) -> str:
        parts = self._table.split(".")
        if len(parts) == 1:
            parts = [self._df.sparkSession.catalog.currentDatabase()] + parts
        if len(parts) == 2:
            parts = ["spark_catalog"] + parts
        return ".".join("`%s`" % p for p in parts)

    def _no_replace(self) -> AnalysisException:
        name = self._qualified_new()
        return AnalysisException(
            errorClass="UNSUPPORTED_FEATURE.TABLE_OPERATION",
            messageParameters={"tableName": name, "operation": "REPLACE TABLE AS SELECT"},
            message="[UNSUPPORTED_FEATURE.TABLE_OPERATION] The feature is not supported: Table "
                    "%s does not support REPLACE TABLE AS SELECT. Please check the current "
                    "catalog and namespace to make sure the qualified table name is expected, "
                    "and also check the catalog implementation which is configured by "
                    "\"spark.sql.catalog\"." % name)

    def _no_v1_write(self) -> AnalysisException:
        self._df.sparkSession.table(self._table)    # TABLE_OR_VIEW_NOT_FOUND when missing
        name = self._qualified()
        return AnalysisException(errorClass="_LEGACY_ERROR_TEMP_1012",
                                 messageParameters={"identifier": name},
                                 message="Cannot write into v1 table: %s." % name)


def _unsupported_transform(c: Column) -> AnalysisException:
    e = c._expr
    text = "%s(%s)" % (e.get("name"), ", ".join(a.get("name", "?") for a in e.get("args", [])))
    return AnalysisException(
        errorClass="UNSUPPORTED_PARTITION_TRANSFORM", messageParameters={"transform": "`%s`" % text},
        message="[UNSUPPORTED_PARTITION_TRANSFORM] Unsupported partition transform: `%s`. The "
                "supported transforms are `identity`, `bucket`, and `clusterBy`. Ensure your "
                "transform expression uses one of these." % text)
