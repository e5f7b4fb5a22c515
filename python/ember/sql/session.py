"""SparkSession: the entry point to DataFrames (PySpark's ``pyspark.sql.SparkSession``).

>>> spark = SparkSession.builder.master("local[2]").appName("demo").getOrCreate()  # doctest: +SKIP
>>> spark.range(3).collect()                                                        # doctest: +SKIP
[Row(id=0), Row(id=1), Row(id=2)]

A session runs on a SparkContext (the running one, or one ``getOrCreate`` starts) and holds
one JVM SQL session (``ember.sql.bridge.SqlEngine``). ``getOrCreate`` returns the running
session when there is one, applying the builder's options to its conf.
"""

import threading
from typing import Any, Dict, Iterable, List, Optional, Union

from ember.errors import PySparkTypeError, PySparkValueError, not_expected_type
from ember.sql import plan_protocol as P
from ember.sql.bridge import SqlEngine
from ember.sql.session_artifacts import SessionArtifacts
from ember.sql.session_ops import SessionOperations

__all__ = ["SparkSession", "RuntimeConfig"]

_CONTEXT_KEYS = ("spark.master", "spark.app.name", "ember.master", "ember.app.name")
_UNSET = object()


class RuntimeConfig:
    """``spark.conf``: the session's SQL settings (``spark.sql.shuffle.partitions``, ...)."""

    def __init__(self, sql: SqlEngine, context_conf: Any):
        self._sql = sql
        self._context_conf = context_conf

    def set(self, key: str, value: Any) -> None:
        if isinstance(value, bool):
            value = "true" if value else "false"
        self._sql.conf_set(key, str(value))

    def get(self, key: str, default: Any = _UNSET) -> Optional[str]:
        """The value of ``key``: the session's, else the context's, else ``default``; a key
        with no value and no default raises SparkNoSuchElementException's twin."""
        value = self._sql.conf_get(key, None)
        if value is None:
            value = self._context_conf.get(key)
        if value is not None:
            return value
        if default is _UNSET:
            from ember.errors import PySparkException
            raise PySparkException("[SQL_CONF_NOT_FOUND] The SQL config \"%s\" cannot be found."
                                   % key, "SQL_CONF_NOT_FOUND", {"sqlConf": key})
        return default

    def unset(self, key: str) -> None:
        self._sql.conf_unset(key)

    def getAll(self) -> Dict[str, str]:
        return self._sql.conf_all()

    def isModifiable(self, key: str) -> bool:
        return key.startswith("spark.sql.")


class SparkSession(SessionOperations, SessionArtifacts):
    """The entry point: builds DataFrames (``range``, ``createDataFrame``, ``read``)."""

    _lock = threading.RLock()
    _instantiatedSession: Optional["SparkSession"] = None
    _activeSession: Optional["SparkSession"] = None

    class Builder:
        """``SparkSession.builder.master(...).appName(...).config(k, v).getOrCreate()``."""

        def __init__(self) -> None:
            self._options: Dict[str, str] = {}

        def config(self, key: Optional[str] = None, value: Any = None, conf: Any = None,
                   *, map: Optional[Dict[str, Any]] = None) -> "SparkSession.Builder":
            if conf is not None:
                for k, v in conf.getAll():
                    self._options[k] = v
            if map is not None:
                for k, v in map.items():
                    self._options[k] = _to_str(v)
            if key is not None:
                self._options[key] = _to_str(value)
            return self

        def master(self, master: str) -> "SparkSession.Builder":
            return self.config("spark.master", master)

        def appName(self, name: str) -> "SparkSession.Builder":
            return self.config("spark.app.name", name)

        def enableHiveSupport(self) -> "SparkSession.Builder":
            return self.config("spark.sql.catalogImplementation", "hive")

        def remote(self, url: str) -> "SparkSession.Builder":
            raise PySparkValueError("Spark Connect is not supported by Ember",
                                    "UNSUPPORTED_OPERATION", {"operation": "remote()"})

        def getOrCreate(self) -> "SparkSession":
            """The running session (with this builder's options set on its conf), or a new
            one on the running SparkContext, or on a new context from these options."""
            from ember.conf import SparkConf
            from ember.context import SparkContext
            with SparkSession._lock:
                session = SparkSession._instantiatedSession
                if session is None or session._sc._stopped_flag():
                    sc = SparkContext._active_spark_context
                    if sc is None:
                        conf = SparkConf()
                        for k, v in self._options.items():
                            conf.set(k, v)
                        sc = SparkContext.getOrCreate(conf)
                    session = SparkSession(sc)
                for k, v in self._options.items():
                    if k not in _CONTEXT_KEYS:
                        session.conf.set(k, v)
                SparkSession._activeSession = session
                return session

        create = getOrCreate

    class _BuilderProperty:
        def __get__(self, instance: Any, owner: Any) -> "SparkSession.Builder":
            return SparkSession.Builder()

    builder = _BuilderProperty()

    def __init__(self, sparkContext: Any, jsparkSession: Any = None,
                 options: Optional[Dict[str, Any]] = None):
        self._sc = _ContextHandle(sparkContext)
        # jsparkSession: the JVM session to use (an SqlEngine, as newSession passes), else a new one
        self._sql = jsparkSession if isinstance(jsparkSession, SqlEngine) else SqlEngine(sparkContext.engine)
        self._conf = RuntimeConfig(self._sql, sparkContext.getConf())
        for k, v in (options or {}).items():
            self._conf.set(k, v)
        from ember.sql.catalog import Catalog
        from ember.sql.udf import UDFRegistration
        self._catalog = Catalog(self)
        self._udf = UDFRegistration(self)
        with SparkSession._lock:
            if SparkSession._instantiatedSession is None or \
                    SparkSession._instantiatedSession._sc._stopped_flag():
                SparkSession._instantiatedSession = self
                SparkSession._activeSession = self

    # -- properties ---------------------------------------------------------------------------

    @property
    def sparkContext(self) -> Any:
        return self._sc.context

    @property
    def conf(self) -> RuntimeConfig:
        return self._conf

    @property
    def version(self) -> str:
        return self._sc.context.version

    @property
    def read(self) -> Any:
        from ember.sql.readwriter import DataFrameReader
        return DataFrameReader(self)

    @property
    def udf(self) -> Any:
        return self._udf

    @property
    def udtf(self) -> Any:
        """``spark.udtf``: registers Python UDTFs for SQL text."""
        from ember.sql.udtf import UDTFRegistration
        return UDTFRegistration(self)

    @property
    def catalog(self) -> Any:
        return self._catalog

    @classmethod
    def getActiveSession(cls) -> Optional["SparkSession"]:
        return cls._activeSession

    @classmethod
    def active(cls) -> "SparkSession":
        session = cls._activeSession or cls._instantiatedSession
        if session is None:
            raise PySparkValueError("No active or default Spark session found. Please create a "
                                    "new Spark session before running the code.",
                                    "NO_ACTIVE_OR_DEFAULT_SESSION", {})
        return session

    def newSession(self) -> "SparkSession":
        """A session with its own SQL conf, temporary views and UDFs, on the same context,
        sharing this one's global temporary views."""
        return SparkSession(self._sc.context, self._sql.new_session())

    # -- DataFrames ---------------------------------------------------------------------------

    def _frame(self, operation: Dict[str, Any]) -> Any:
        from ember.sql.dataframe import DataFrame
        return DataFrame(self._sql.plan(operation, ()), self)

    def range(self, start: int, end: Optional[int] = None, step: int = 1,
              numPartitions: Optional[int] = None) -> Any:
        """A DataFrame of one bigint column ``id``: start, start + step, ... below end
        (``range(n)`` counts from 0)."""
        if end is None:
            start, end = 0, start
        for name, v in (("start", start), ("end", end), ("step", step)):
            if not isinstance(v, int) or isinstance(v, bool):
                raise not_expected_type(name, "int", v)
        if numPartitions is not None and (not isinstance(numPartitions, int) or
                                          isinstance(numPartitions, bool)):
            raise not_expected_type("numPartitions", "int", numPartitions)
        return self._frame(P.op(P.OP_RANGE, start=start, end=end, step=step,
                                numPartitions=numPartitions))

    def createDataFrame(self, data: Any, schema: Any = None, samplingRatio: Optional[float] = None,
                        verifySchema: bool = True) -> Any:
        """A DataFrame of local rows (tuples, lists, dicts, Rows), an RDD of them, or a pandas
        DataFrame; ``schema`` a StructType, a DDL string (``"a INT, b STRING"``) or a list of
        column names (types inferred), else inferred from the data."""
        from ember.sql.create import create_data_frame
        return create_data_frame(self, data, schema, samplingRatio)

    def sql(self, sqlQuery: str, args: Optional[Union[Dict[str, Any], List[Any]]] = None,
            **kwargs: Any) -> Any:
        """The result of a SQL statement: a query's DataFrame, or a command's rows (it has run).
        ``args`` binds parameter markers: a dict for ``:name``, a list for ``?``."""
        from ember.sql.sql_args import sql_operation
        return self._frame(sql_operation(sqlQuery, args, kwargs))

    def table(self, tableName: str) -> Any:
        """The table or view ``tableName`` (``"t"``, ``"db.t"``, ``"global_temp.v"``)."""
        return self._catalog._table(tableName)

    def stop(self) -> None:
        """Stops the session and its SparkContext."""
        with SparkSession._lock:
            self._sc.context.stop()
            if SparkSession._instantiatedSession is self:
                SparkSession._instantiatedSession = None
            if SparkSession._activeSession is self:
                SparkSession._activeSession = None

    def __enter__(self) -> "SparkSession":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()


class _ContextHandle:
    """The session's SparkContext, and whether it stopped (so getOrCreate starts anew)."""

    def __init__(self, context: Any):
        self.context = context

    def _stopped_flag(self) -> bool:
        from ember.context import SparkContext
        return SparkContext._active_spark_context is not self.context


def _to_str(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
