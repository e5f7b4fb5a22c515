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
from typing import Any, Dict, List, NamedTuple, Optional

from ember.errors import not_expected_type

__all__ = ["Catalog", "CatalogMetadata", "Column", "Database", "Function", "Table", "TablePartition"]


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


class TablePartition(NamedTuple):
    partition: str


def _str_arg(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise not_expected_type(name, "str", value)
    return value


def _qualified(dbName: Optional[str], name: str, method: str) -> str:
    """``db.name`` for the deprecated ``dbName`` arguments (PySpark warns the same way)."""
    if dbName is None:
        return name
    warnings.warn("`dbName` has been deprecated since Spark 3.4 and might be removed in a future "
                  "version. Use %s(`dbName.tableName`) instead." % method, FutureWarning)
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
        return self._call("currentCatalog")

    def setCurrentCatalog(self, catalogName: str) -> None:
        """Only ``spark_catalog`` exists; another name raises CATALOG_NOT_FOUND."""
        self._call("setCurrentCatalog", _str_arg("catalogName", catalogName))

    def listCatalogs(self, pattern: Optional[str] = None) -> List[CatalogMetadata]:
        from ember.sql.catalog_names import matches
        return [CatalogMetadata(**c) for c in json.loads(self._call("listCatalogs"))
                if pattern is None or matches(pattern, c["name"])]

    def listDatabases(self, pattern: Optional[str] = None) -> List[Database]:
        return [Database(**d) for d in json.loads(self._call("listDatabases", pattern))]

    def getDatabase(self, dbName: str) -> Database:
        return Database(**json.loads(self._call("getDatabase", _str_arg("dbName", dbName))))

    def createDatabase(self, dbName: str, ifNotExists: bool = False,
                       properties: Optional[Dict[str, str]] = None) -> None:
        """Creates a database (its directory in the warehouse); ``properties`` may give
        ``comment`` and ``location``."""
        self._call("createDatabase", _str_arg("dbName", dbName), bool(ifNotExists),
                   json.dumps({k: str(v) for k, v in (properties or {}).items()}))

    def dropDatabase(self, dbName: str, ifExists: bool = False, cascade: bool = False) -> None:
        """Drops a database; with ``cascade`` its tables too (else it must be empty)."""
        self._call("dropDatabase", _str_arg("dbName", dbName), bool(ifExists), bool(cascade))

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
        return bool(self._call("tableExists",
                               _qualified(dbName, _str_arg("tableName", tableName), "tableExists")))

    def listColumns(self, tableName: str, dbName: Optional[str] = None) -> List[Column]:
        name = _str_arg("tableName", tableName) if dbName is None else "%s.%s" % (dbName, tableName)
        return [Column(**c) for c in json.loads(self._call("listColumns", name))]

    def listViews(self, dbName: Optional[str] = None, pattern: Optional[str] = None) -> List[Table]:
        """The session's temporary views (and, for ``global_temp``, the global ones)."""
        return [Table(**t) for t in json.loads(self._call("listViews", dbName, pattern))]

    def createTable(self, tableName: str, path: Optional[str] = None, source: Optional[str] = None,
                    schema: Any = None, description: Optional[str] = None, **options: str) -> Any:
        """Creates a table over the files at ``path`` (external), or an empty one in the
        warehouse (managed); ``schema`` (a StructType) or inferred from the files. Returns a
        DataFrame over it."""
        from ember.sql.dataframe import DataFrame
        from ember.sql.types import StructType
        if path is not None:
            options["path"] = path
        if schema is not None and not isinstance(schema, StructType):
            raise not_expected_type("schema", "StructType", schema)
        jdf = self._call("createTable", _str_arg("tableName", tableName), source,
                         None if schema is None else schema.json(), description or "",
                         json.dumps({k: str(v) for k, v in options.items()}))
        return DataFrame(jdf, self._session)

    def createExternalTable(self, tableName: str, path: Optional[str] = None,
                            source: Optional[str] = None, schema: Any = None, **options: str) -> Any:
        warnings.warn("createExternalTable is deprecated since Spark 2.2, please use createTable "
                      "instead.", FutureWarning)
        return self.createTable(tableName, path, source, schema, **options)

    def dropTable(self, tableName: str, ifExists: bool = False, purge: bool = False) -> None:
        """Drops a table (its files too when managed), or the temporary view of that name."""
        self._call("dropTable", _str_arg("tableName", tableName), bool(ifExists), bool(purge))

    def dropView(self, viewName: str, ifExists: bool = False) -> None:
        self._call("dropView", _str_arg("viewName", viewName), bool(ifExists))

    def listPartitions(self, tableName: str) -> List[TablePartition]:
        return [TablePartition(p) for p in
                json.loads(self._call("listPartitions", _str_arg("tableName", tableName)))]

    def getTableProperties(self, tableName: str) -> Dict[str, str]:
        return json.loads(self._call("getTableProperties", _str_arg("tableName", tableName)))

    def getCreateTableString(self, tableName: str, asSerde: bool = False) -> str:
        return self._call("getCreateTableString", _str_arg("tableName", tableName))

    def truncateTable(self, tableName: str) -> None:
        self._call("truncateTable", _str_arg("tableName", tableName))

    def analyzeTable(self, tableName: str, noScan: bool = False) -> None:
        """Computes the table's size (and, unless ``noScan``, row count) for the optimizer."""
        self._sql.catalog_job("analyzeTable", _str_arg("tableName", tableName), bool(noScan))

    def refreshTable(self, tableName: str) -> None:
        """Lists the table's files again (and rebuilds its cached data)."""
        self._call("refreshTable", _str_arg("tableName", tableName))

    def refreshByPath(self, path: str) -> None:
        """Lists again the files under ``path`` of every cached DataFrame that reads them, and
        rebuilds those caches when next used (Spark's ``recacheByPath``)."""
        self._call("refreshByPath", _str_arg("path", path))

    def recoverPartitions(self, tableName: str) -> None:
        self._call("recoverPartitions", _str_arg("tableName", tableName))

    # -- functions ---------------------------------------------------------------------------

    def listFunctions(self, dbName: Optional[str] = None,
                      pattern: Optional[str] = None) -> List[Function]:
        """The built-in functions and this session's registered UDFs matching ``pattern``."""
        from ember.sql.catalog_names import matches
        found = [Function(**f) for f in json.loads(self._call("listFunctions", pattern))
                 if self._session.udf.lookup(f["name"]) is None]   # listed once, below
        for name in self._session.udf.names():
            if pattern is None or matches(pattern, name):
                found.append(Function(name, None, None, None, None, True))
        return sorted(found, key=lambda f: f.name)

    def functionExists(self, functionName: str, dbName: Optional[str] = None) -> bool:
        name = _qualified(dbName, _str_arg("functionName", functionName), "functionExists")
        return self._session.udf.lookup(name) is not None or bool(self._call("functionExists", name))

    def getFunction(self, functionName: str) -> Function:
        if self._session.udf.lookup(functionName) is not None:
            return Function(functionName, None, None, None, None, True)
        return Function(**json.loads(self._call("getFunction", _str_arg("functionName", functionName))))

    def registerFunction(self, name: str, f: Any, returnType: Any = None) -> Any:
        warnings.warn("Deprecated in 2.3.0. Use spark.udf.register instead.", FutureWarning)
        return self._session.udf.register(name, f, returnType)

    # -- views -------------------------------------------------------------------------------

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
