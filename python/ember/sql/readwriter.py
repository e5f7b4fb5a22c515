"""``spark.read`` (DataFrameReader) and ``df.write`` (DataFrameWriter).

A read is one ``{"op": "read", ...}`` operation (format, paths, options, user schema) the JVM
resolves through its data sources; a write is one ``SqlEngine.write`` call that runs the job.
Option values are strings, as Spark's are (True -> "true").

>>> spark.read.csv("people.csv", header=True, inferSchema=True)   # doctest: +SKIP
>>> df.write.mode("overwrite").partitionBy("year").parquet("out")  # doctest: +SKIP
"""

import json
from typing import Any, Dict, List, Optional, Union

from ember.errors import IllegalArgumentException, PySparkTypeError, not_expected_type
from ember.sql import plan_protocol as P

__all__ = ["DataFrameReader", "DataFrameWriter"]


def _option_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _paths(path: Any) -> List[str]:
    if isinstance(path, str):
        return [path]
    if isinstance(path, (list, tuple)) and all(isinstance(p, str) for p in path):
        return list(path)
    raise not_expected_type("path", "str or list", path)


def _column_names(col: Any, cols: tuple) -> List[str]:
    """``col, *cols`` of bucketBy/sortBy as a list of names, checked as PySpark checks them."""
    if isinstance(col, (list, tuple)):
        if cols:
            from ember.sql.type_errors import value_error
            raise value_error("CANNOT_SET_TOGETHER",
                              arg_list="`col` of type %s and `cols`" % type(col).__name__)
        col, cols = col[0], tuple(col[1:])
    for c in cols:
        if not isinstance(c, str):
            raise not_expected_type("cols", "list[str]", c)
    if not isinstance(col, str):
        raise not_expected_type("col", "list[str]", col)
    return [col, *cols]


class DataFrameReader:
    """Reads files into DataFrames: ``format``/``option``/``schema`` then ``load``."""

    def __init__(self, session: Any):
        self._session = session
        self._format: Optional[str] = None
        self._schema: Optional[str] = None
        self._options: Dict[str, str] = {}

    def format(self, source: str) -> "DataFrameReader":
        self._format = source
        return self

    def schema(self, schema: Any) -> "DataFrameReader":
        """The schema to read with: a StructType or a DDL string (``"a INT, b STRING"``)."""
        if isinstance(schema, str):
            self._schema = schema
        elif hasattr(schema, "jsonValue") and type(schema).__name__ == "StructType":
            import json
            self._schema = json.dumps(schema.jsonValue())
        else:
            raise not_expected_type("schema", "StructType or str", schema)
        return self

    def option(self, key: str, value: Any) -> "DataFrameReader":
        self._options[key] = _option_value(value)
        return self

    def options(self, **options: Any) -> "DataFrameReader":
        for k, v in options.items():
            self.option(k, v)
        return self

    def _set_options(self, **options: Any) -> None:
        for k, v in options.items():
            if v is not None:
                self.option(k, v)

    def load(self, path: Any = None, format: Optional[str] = None, schema: Any = None,
             **options: Any) -> Any:
        """The DataFrame of the files at ``path`` (a path, glob or list of them)."""
        if format is not None:
            self.format(format)
        if schema is not None:
            self.schema(schema)
        self._set_options(**options)
        paths = [] if path is None else _paths(path)
        from ember.sql.dataframe import DataFrame
        operation = P.op(P.OP_READ, format=self._format or "parquet", paths=paths,
                         options=dict(self._options), schema=self._schema)
        return DataFrame(self._session._sql.plan(operation, ()), self._session)

    def csv(self, path: Any, schema: Any = None, sep: Optional[str] = None,
            encoding: Optional[str] = None, quote: Optional[str] = None,
            escape: Optional[str] = None, comment: Optional[str] = None, header: Any = None,
            inferSchema: Any = None, ignoreLeadingWhiteSpace: Any = None,
            ignoreTrailingWhiteSpace: Any = None, nullValue: Optional[str] = None,
            nanValue: Optional[str] = None, positiveInf: Optional[str] = None,
            negativeInf: Optional[str] = None, dateFormat: Optional[str] = None,
            timestampFormat: Optional[str] = None, maxColumns: Any = None,
            maxCharsPerColumn: Any = None, maxMalformedLogPerPartition: Any = None,
            mode: Optional[str] = None, columnNameOfCorruptRecord: Optional[str] = None,
            multiLine: Any = None, emptyValue: Optional[str] = None, **more: Any) -> Any:
        """CSV files: ``header``, ``inferSchema``, ``sep``, ``nullValue``, ``mode``, ..."""
        self._set_options(sep=sep, encoding=encoding, quote=quote, escape=escape,
                          comment=comment, header=header, inferSchema=inferSchema,
                          ignoreLeadingWhiteSpace=ignoreLeadingWhiteSpace,
                          ignoreTrailingWhiteSpace=ignoreTrailingWhiteSpace,
                          nullValue=nullValue, nanValue=nanValue, positiveInf=positiveInf,
                          negativeInf=negativeInf, dateFormat=dateFormat,
                          timestampFormat=timestampFormat, maxColumns=maxColumns,
                          maxCharsPerColumn=maxCharsPerColumn, mode=mode,
                          columnNameOfCorruptRecord=columnNameOfCorruptRecord,
                          multiLine=multiLine, emptyValue=emptyValue, **more)
        return self.load(path, "csv", schema)

    def json(self, path: Any, schema: Any = None, primitivesAsString: Any = None,
             prefersDecimal: Any = None, allowComments: Any = None, mode: Optional[str] = None,
             columnNameOfCorruptRecord: Optional[str] = None, dateFormat: Optional[str] = None,
             timestampFormat: Optional[str] = None, multiLine: Any = None, **more: Any) -> Any:
        """JSON lines files (one object per line)."""
        self._set_options(primitivesAsString=primitivesAsString, prefersDecimal=prefersDecimal,
                          allowComments=allowComments, mode=mode,
                          columnNameOfCorruptRecord=columnNameOfCorruptRecord,
                          dateFormat=dateFormat, timestampFormat=timestampFormat,
                          multiLine=multiLine, **more)
        return self.load(path, "json", schema)

    def parquet(self, *paths: str, **options: Any) -> Any:
        self._set_options(**options)
        return self.load(list(paths), "parquet")

    def text(self, paths: Any, wholetext: bool = False, lineSep: Optional[str] = None,
             **more: Any) -> Any:
        """Text files: one row per line in a string column ``value``."""
        self._set_options(wholetext=wholetext, lineSep=lineSep, **more)
        return self.load(paths, "text")

    def xml(self, path: Any, rowTag: Optional[str] = None, schema: Any = None,
            excludeAttribute: Any = None, attributePrefix: Optional[str] = None,
            valueTag: Optional[str] = None, ignoreSurroundingSpaces: Any = None,
            inferSchema: Any = None, nullValue: Optional[str] = None,
            dateFormat: Optional[str] = None, timestampFormat: Optional[str] = None,
            mode: Optional[str] = None, **more: Any) -> Any:
        """XML files: each ``rowTag`` element is a row (attributes as ``_name`` fields)."""
        self._set_options(rowTag=rowTag, excludeAttribute=excludeAttribute,
                          attributePrefix=attributePrefix, valueTag=valueTag,
                          ignoreSurroundingSpaces=ignoreSurroundingSpaces, inferSchema=inferSchema,
                          nullValue=nullValue, dateFormat=dateFormat,
                          timestampFormat=timestampFormat, mode=mode, **more)
        return self.load(path, "xml", schema)

    def table(self, tableName: str) -> Any:
        return self._session.table(tableName)


class DataFrameWriter:
    """Writes a DataFrame's rows to files: ``mode``/``format``/``option``/``partitionBy`` then
    ``save`` (or ``csv``/``json``/``parquet``/``text``)."""

    def __init__(self, df: Any):
        self._df = df
        self._mode = "error"
        self._format: Optional[str] = None
        self._options: Dict[str, str] = {}
        self._partition_by: List[str] = []
        self._num_buckets: Optional[int] = None
        self._bucket_by: List[str] = []
        self._sort_by: Optional[List[str]] = None
        self._cluster_by: Optional[List[str]] = None

    def mode(self, saveMode: Optional[str]) -> "DataFrameWriter":
        """error/errorifexists (default), overwrite, append or ignore."""
        if saveMode is None:
            return self
        canonical = P.SAVE_MODES.get(saveMode.lower())
        if canonical is None:
            raise IllegalArgumentException(
                "[INVALID_SAVE_MODE] The specified save mode \"%s\" is invalid. Valid save "
                "modes include \"append\", \"overwrite\", \"ignore\", \"error\", "
                "\"errorifexists\", and \"default\"." % saveMode, "INVALID_SAVE_MODE",
                {"mode": saveMode})
        self._mode = canonical
        return self

    def format(self, source: str) -> "DataFrameWriter":
        self._format = source
        return self

    def option(self, key: str, value: Any) -> "DataFrameWriter":
        self._options[key] = _option_value(value)
        return self

    def options(self, **options: Any) -> "DataFrameWriter":
        for k, v in options.items():
            self.option(k, v)
        return self

    def partitionBy(self, *cols: Any) -> "DataFrameWriter":
        """Writes ``key=value`` directories for these columns."""
        if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
            cols = tuple(cols[0])
        for c in cols:
            if not isinstance(c, str):
                raise not_expected_type("cols", "str", c)
        self._partition_by = list(cols)
        return self

    def bucketBy(self, numBuckets: int, col: Any, *cols: Optional[str]) -> "DataFrameWriter":
        """Buckets the rows of a table :meth:`saveAsTable` writes: a row goes to bucket
        ``pmod(hash(cols), numBuckets)``, as Spark places it.

        >>> df.write.bucketBy(4, "id").saveAsTable("bucketed")  # doctest: +SKIP
        """
        if not isinstance(numBuckets, int):
            raise not_expected_type("numBuckets", "int", numBuckets)
        self._num_buckets = numBuckets
        self._bucket_by = _column_names(col, cols)
        return self

    def sortBy(self, col: Any, *cols: Optional[str]) -> "DataFrameWriter":
        """Sorts each bucket file by these columns (only with :meth:`bucketBy`).

        >>> df.write.bucketBy(4, "id").sortBy("ts").saveAsTable("bucketed")  # doctest: +SKIP
        """
        self._sort_by = _column_names(col, cols)
        return self

    def clusterBy(self, *cols: Any) -> "DataFrameWriter":
        """Clusters the table :meth:`saveAsTable` writes by these columns: as PySpark classic
        does on a v1 table, the table records them (the ``clusteringColumns`` property, shown
        by DESCRIBE and SHOW CREATE TABLE) and an append must name the same ones; the files
        are written as without it. Other writes ignore it.

        >>> df.write.clusterBy("k").saveAsTable("clustered")  # doctest: +SKIP
        """
        if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
            cols = tuple(cols[0])
        assert len(cols) > 0, "clusterBy needs one or more clustering columns."
        for c in cols:
            if not isinstance(c, str):
                raise not_expected_type("cols", "str", c)
        self._cluster_by = list(cols)
        return self

    def _refuse_buckets(self, operation: str) -> None:
        """Spark's refusal of bucketBy/sortBy by a write that is not ``saveAsTable``."""
        from ember.errors import AnalysisException
        if self._num_buckets is None:
            raise AnalysisException("[SORT_BY_WITHOUT_BUCKETING] sortBy must be used together with "
                                    "bucketBy. SQLSTATE: 42601", "SORT_BY_WITHOUT_BUCKETING", {})
        sorted_too = self._sort_by is not None
        error_class = "_LEGACY_ERROR_TEMP_1313" if sorted_too else "_LEGACY_ERROR_TEMP_1312"
        raise AnalysisException("'%s' does not support bucketBy%s right now." % (
            operation, " and sortBy" if sorted_too else ""), error_class, {"operation": operation})

    def _bucket_settings(self, spec: Dict[str, Any]) -> None:
        if self._num_buckets is not None:
            spec["bucketBy"] = {"numBuckets": self._num_buckets, "columns": self._bucket_by}
        if self._sort_by is not None:
            spec["sortBy"] = self._sort_by

    def _settings(self, format: Optional[str], mode: Optional[str], partitionBy: Any,
                  options: dict) -> None:
        """Applies the settings ``save`` and ``saveAsTable`` take as arguments; a None leaves one."""
        if format is not None:
            self.format(format)
        self.mode(mode)
        if partitionBy is not None:
            self.partitionBy(partitionBy)
        for k, v in options.items():
            if v is not None:
                self.option(k, v)

    def save(self, path: Optional[str] = None, format: Optional[str] = None,
             mode: Optional[str] = None, partitionBy: Any = None, **options: Any) -> None:
        self._settings(format, mode, partitionBy, options)
        if not isinstance(path, str):
            raise not_expected_type("path", "str", path)
        spec = {"format": self._format or "parquet", "path": path, "mode": self._mode,
                "partitionBy": self._partition_by, "options": dict(self._options)}
        self._bucket_settings(spec)
        self._df.sparkSession._sql.write(self._df._jdf, spec)

    def saveAsTable(self, name: str, format: Optional[str] = None, mode: Optional[str] = None,
                    partitionBy: Any = None, **options: Any) -> None:
        """Writes the rows as the table ``name`` in the warehouse (``spark.sql.warehouse.dir``),
        creating it unless it exists; then the mode says: append (by column name), overwrite
        (the table is replaced), ignore, or error (the default)."""
        self._settings(format, mode, partitionBy, options)
        if not isinstance(name, str):
            raise not_expected_type("name", "str", name)
        spec = {"mode": self._mode, "partitionBy": self._partition_by, "options": dict(self._options)}
        if self._format is not None:
            spec["format"] = self._format
        self._bucket_settings(spec)
        if self._cluster_by is not None:
            spec["clusterBy"] = self._cluster_by
        self._df.sparkSession._sql.catalog_job("saveAsTable", self._df._jdf, name, json.dumps(spec))

    def insertInto(self, tableName: str, overwrite: Optional[bool] = None) -> None:
        """Inserts the rows into the existing table ``tableName``, by column position;
        ``overwrite`` (default: whether the mode is overwrite) replaces its rows."""
        if not isinstance(tableName, str):
            raise not_expected_type("tableName", "str", tableName)
        if self._num_buckets is not None or self._sort_by is not None:
            self._refuse_buckets("insertInto")
        if self._partition_by:
            from ember.errors import AnalysisException
            raise AnalysisException(
                "[PARTITION_BY_NOT_ALLOWED_WITH_INSERT_INTO] partitionBy() cannot be used with "
                "insertInto(). Partition columns for table %s are determined by the table "
                "definition." % tableName, "PARTITION_BY_NOT_ALLOWED_WITH_INSERT_INTO",
                {"tableName": tableName})
        if overwrite is None:
            overwrite = self._mode == "overwrite"
        self._df.sparkSession._sql.catalog_job("insertInto", self._df._jdf, tableName, bool(overwrite))

    def csv(self, path: str, mode: Optional[str] = None, compression: Optional[str] = None,
            sep: Optional[str] = None, quote: Optional[str] = None, escape: Optional[str] = None,
            header: Any = None, nullValue: Optional[str] = None, dateFormat: Optional[str] = None,
            timestampFormat: Optional[str] = None, **more: Any) -> None:
        self.save(path, "csv", mode, compression=compression, sep=sep, quote=quote,
                  escape=escape, header=header, nullValue=nullValue, dateFormat=dateFormat,
                  timestampFormat=timestampFormat, **more)

    def json(self, path: str, mode: Optional[str] = None, compression: Optional[str] = None,
             dateFormat: Optional[str] = None, timestampFormat: Optional[str] = None,
             **more: Any) -> None:
        self.save(path, "json", mode, compression=compression, dateFormat=dateFormat,
                  timestampFormat=timestampFormat, **more)

    def xml(self, path: str, rowTag: Optional[str] = None, mode: Optional[str] = None,
            attributePrefix: Optional[str] = None, valueTag: Optional[str] = None,
            rootTag: Optional[str] = None, declaration: Optional[str] = None,
            dateFormat: Optional[str] = None, timestampFormat: Optional[str] = None,
            **more: Any) -> None:
        """One XML document per file: ``rootTag`` (``ROWS``) holding a ``rowTag`` element per row."""
        self.save(path, "xml", mode, rowTag=rowTag, attributePrefix=attributePrefix,
                  valueTag=valueTag, rootTag=rootTag, declaration=declaration,
                  dateFormat=dateFormat, timestampFormat=timestampFormat, **more)

    def parquet(self, path: str, mode: Optional[str] = None, partitionBy: Any = None,
                compression: Optional[str] = None) -> None:
        self.save(path, "parquet", mode, partitionBy, compression=compression)

    def text(self, path: str, compression: Optional[str] = None,
             lineSep: Optional[str] = None) -> None:
        self.save(path, "text", None, compression=compression, lineSep=lineSep)
