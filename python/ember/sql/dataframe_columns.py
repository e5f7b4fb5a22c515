"""DataFrame methods about columns and placement that PySpark 4.x added: ``withMetadata``,
``colRegex``, ``repartitionById`` and ``executionInfo``. Mixed into :class:`ember.sql.DataFrame`.

Each one is a plan operation or expression the JVM resolves, so errors (an unknown column, a
partition id that is not an int) come from the JVM's analyzer in Spark's words.
"""

import json
import re
from typing import Any, Dict

from ember.errors import PySparkValueError, not_expected_type
from ember.sql import plan_protocol as P
from ember.sql.column import Column, to_expr

__all__ = ["DataFrameColumns"]

# Spark's ParserUtils.escapedIdentifier and qualifiedEscapedIdentifier (the dot is any character).
_ESCAPED = re.compile(r"`(.+)`", re.S)
_QUALIFIED_ESCAPED = re.compile(r"(.+).`(.+)`", re.S)


class DataFrameColumns:
    """Mixin of :class:`ember.sql.DataFrame` (``self`` is a DataFrame)."""

    def withMetadata(self, columnName: str, metadata: Dict[str, Any]) -> Any:
        """The same DataFrame with ``metadata`` as column ``columnName``'s metadata
        (``df.schema[columnName].metadata``)::

            df.withMetadata("age", {"comment": "years"}).schema["age"].metadata
        """
        if not isinstance(metadata, dict):
            raise not_expected_type("metadata", "dict", metadata)
        # As Spark's Metadata.fromJson: only JSON values survive.
        metadata = json.loads(json.dumps(metadata))
        quoted = "`%s`" % columnName.replace("`", "``")
        from ember.sql.functions import col
        return self.withColumn(columnName, col(quoted).alias(columnName, metadata=metadata))

    def colRegex(self, colName: str) -> Column:
        """The columns whose whole names match a regex in backquotes (``"`(a|b)_.*`"``, or
        ``"t.`x.*`"`` for those of relation ``t``), case-insensitively unless
        ``spark.sql.caseSensitive``; other text names one column::

            df.select(df.colRegex("`(id)?+.+`"))   # every column but id
        """
        if not isinstance(colName, str):
            raise not_expected_type("colName", "str", colName)
        if _ESCAPED.fullmatch(colName) or _QUALIFIED_ESCAPED.fullmatch(colName):
            return Column({"kind": P.KIND_REGEX, "name": colName, "plan": self})
        return self[colName]

    def repartitionById(self, numPartitions: int, partitionIdCol: Any) -> Any:
        """Sends each row to the partition its int column ``partitionIdCol`` names, taken
        modulo ``numPartitions`` (always non-negative); nulls go to partition 0::

            df.repartitionById(3, (F.col("id") % 3).cast("int"))
        """
        if not isinstance(numPartitions, int) or isinstance(numPartitions, bool):
            raise not_expected_type("numPartitions", "int", numPartitions)
        if numPartitions <= 0:
            raise PySparkValueError(errorClass="VALUE_NOT_POSITIVE", messageParameters={
                "arg_name": "numPartitions", "arg_value": str(numPartitions)})
        return self._op(P.OP_REPARTITION, n=numPartitions, exprs=[to_expr(partitionIdCol)],
                        shuffle=True, byRange=False, byId=True)

    def writeTo(self, table: str) -> Any:
        """A :class:`~ember.sql.readwriter_v2.DataFrameWriterV2` for ``table``."""
        from ember.sql.readwriter_v2 import DataFrameWriterV2
        return DataFrameWriterV2(self, table)

    @property
    def executionInfo(self) -> Any:
        """Spark Connect's query execution information; PySpark Classic (which Ember follows)
        refuses it with ``CLASSIC_OPERATION_NOT_SUPPORTED_ON_DF``."""
        raise PySparkValueError(errorClass="CLASSIC_OPERATION_NOT_SUPPORTED_ON_DF",
                                messageParameters={"member": "queryExecution"})
