"""``spark.catalog``: the session's views, tables, databases and functions (PySpark's
``pyspark.sql.Catalog``).

Everything lives in the JVM session catalog (``io.ember.sql.catalog``): temporary views of this
session, global temporary views under ``global_temp`` shared by the sessions of the
application, and tables in the warehouse directory. Each method is one call to the session's
JVM ``CatalogBridge``; listings arrive as JSON.

>>> spark.range(3).createOrReplaceTempView("v")        # doctest: +SKIP
>>> [t.name for t in spark.catalog.listTables()]       # doctest: +SKIP
['v']
"""

import json
import warnings
from typing import Any, List, NamedTuple, Optional

from ember.errors import not_expected_type

__all__ = ["Catalog", "CatalogMetadata", "Column", "Database", "Function", "Table"]


class CatalogMetadata(NamedTuple):
    name: str
    description: Optional[str]


class Database(NamedTuple):
    name: str
    catalog: Optional[str]
    description: Optional[str]
    locationUri: str


class Table(NamedTuple):
    name: str
    catalog: Optional[str]
    namespace: Optional[List[str]]
    description: Optional[str]
    tableType: str
    isTemporary: bool

    @property
    def database(self) -> Optional[str]:
        if self.namespace is not None and len(self.namespace) == 1:
            return self.namespace[0]
        return None


class Column(NamedTuple):
    name: str
    description: Optional[str]
    dataType: str
    nullable: bool
    isPartition: bool
    isBucket: bool
    isCluster: bool


class Function(NamedTuple):
    name: str
    catalog: Optional[str]
    namespace: Optional[List[str]]
    description: Optional[str]
    className: str
    isTemporary: bool


def _str_arg(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise not_expected_type(name, "str", value)
    return value


def _qualified(dbName: Optional[str], name: str) -> str:
    """``db.name`` for the deprecated ``dbName`` arguments (PySpark warns the same way)."""
    if dbName is None:
        return name
    warnings.warn("`dbName` has been deprecated since Spark 3.4 and might be removed in a future "
                  "version. Use %s(`dbName.tableName`) instead." % "tableExists", FutureWarning)
    return "%s.%s" % (dbName, name)


class Catalog:
    """The session's catalog. Names are case-insensitive; a temporary view hides a table of
    the same name."""

    def __init__(self, session: Any):
        self._session = session
        self._sql = session._sql

    def _call(self, method: str, *args: Any) -> Any:
        return self._sql.catalog(method, *args)

    # -- databases ---------------------------------------------------------------------------

    def currentCatalog(self) -> str:
        return "spark_catalog"

    def currentDatabase(self) -> str:
        return self._call("currentDatabase")

    def setCurrentDatabase(self, dbName: str) -> None:
        self._call("setCurrentDatabase", _str_arg("dbName", dbName))

    def databaseExists(self, dbName: str) -> bool:
        return bool(self._call("databaseExists", _str_arg("dbName", dbName)))

    # -- tables and views --------------------------------------------------------------------

    def listTables(self, dbName: Optional[str] = None, pattern: Optional[str] = None) -> List[Table]:
        """Tables and views of ``dbName`` (the current database when None), and this
        session's temporary views, whose names match ``pattern`` (``*`` any text, ``|``
        alternatives)."""
        return [Table(**t) for t in json.loads(self._call("listTables", dbName, pattern))]

    def getTable(self, tableName: str) -> Table:
        return Table(**json.loads(self._call("getTable", _str_arg("tableName", tableName))))

    def tableExists(self, tableName: str, dbName: Optional[str] = None) -> bool:
        return bool(self._call("tableExists", _qualified(dbName, _str_arg("tableName", tableName))))

    def listColumns(self, tableName: str, dbName: Optional[str] = None) -> List[Column]:
        name = _str_arg("tableName", tableName) if dbName is None else "%s.%s" % (dbName, tableName)
        return [Column(**c) for c in json.loads(self._call("listColumns", name))]

    def dropTempView(self, viewName: str) -> bool:
        """Drops the session's temporary view (and its cached data); whether it existed."""
        return bool(self._call("dropTempView", _str_arg("viewName", viewName)))

    def dropGlobalTempView(self, viewName: str) -> bool:
        return bool(self._call("dropGlobalTempView", _str_arg("viewName", viewName)))

    # -- caching -----------------------------------------------------------------------------

    def isCached(self, tableName: str) -> bool:
        return bool(self._call("isCached", _str_arg("tableName", tableName)))

    def cacheTable(self, tableName: str, storageLevel: Any = None) -> None:
        from ember.storagelevel import jvm_name
        level = None if storageLevel is None else jvm_name(storageLevel)
        self._call("cacheTable", _str_arg("tableName", tableName), level)

    def uncacheTable(self, tableName: str) -> None:
        self._call("uncacheTable", _str_arg("tableName", tableName))

    def clearCache(self) -> None:
        self._call("clearCache")

    # -- used by DataFrame and SparkSession --------------------------------------------------

    def _create_view(self, df: Any, name: str, replace: bool, global_view: bool) -> None:
        self._call("createView", df._jdf, _str_arg("name", name), replace, global_view)

    def _table(self, tableName: str) -> Any:
        from ember.sql.dataframe import DataFrame
        return DataFrame(self._call("table", _str_arg("tableName", tableName)), self._session)
