"""``spark.catalog``: the session's temporary views (PySpark's ``pyspark.sql.Catalog``).

Ember has no SQL parser or metastore yet; a temporary view is a name for a DataFrame in this
session, read back with ``spark.table(name)``. Views live until dropped or the session ends.
"""

from typing import Any, Dict, List, NamedTuple, Optional

from ember.errors import AnalysisException, TempTableAlreadyExistsException

__all__ = ["Catalog", "Table"]


class Table(NamedTuple):
    name: str
    catalog: Optional[str]
    namespace: Optional[List[str]]
    description: Optional[str]
    tableType: str
    isTemporary: bool


class Catalog:
    """Temporary views by name (case-insensitive, as Spark's default)."""

    def __init__(self, session: Any):
        self._session = session
        self._views: Dict[str, Any] = {}

    def _register_view(self, name: str, df: Any, replace: bool) -> None:
        key = name.lower()
        if not replace and key in self._views:
            raise TempTableAlreadyExistsException(
                "[TEMP_TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create the temporary view `%s` "
                "because it already exists." % name, "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS",
                {"relationName": "`%s`" % name})
        self._views[key] = (name, df)

    def _view(self, name: str) -> Any:
        entry = self._views.get(name.lower())
        if entry is None:
            raise AnalysisException(
                "[TABLE_OR_VIEW_NOT_FOUND] The table or view `%s` cannot be found. Verify the "
                "spelling and correctness of the schema and catalog." % name,
                "TABLE_OR_VIEW_NOT_FOUND", {"relationName": "`%s`" % name})
        return entry[1]

    def listTables(self, dbName: Optional[str] = None, pattern: Optional[str] = None) -> List[Table]:
        import fnmatch
        return [Table(name, None, [], None, "TEMPORARY", True)
                for name, _ in sorted(self._views.values())
                if pattern is None or fnmatch.fnmatch(name.lower(), pattern.lower())]

    def tableExists(self, tableName: str, dbName: Optional[str] = None) -> bool:
        return tableName.lower() in self._views

    def dropTempView(self, viewName: str) -> bool:
        """Drops the view; whether it existed."""
        return self._views.pop(viewName.lower(), None) is not None

    def cacheTable(self, tableName: str, storageLevel: Any = None) -> None:
        df = self._view(tableName)
        df.persist(storageLevel) if storageLevel is not None else df.cache()

    def uncacheTable(self, tableName: str) -> None:
        self._view(tableName).unpersist()

    def isCached(self, tableName: str) -> bool:
        return bool(self._view(tableName).is_cached)

    def clearCache(self) -> None:
        for _, df in self._views.values():
            if df.is_cached:
                df.unpersist()
