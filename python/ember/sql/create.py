"""``spark.createDataFrame``: local rows, RDDs, pandas DataFrames and Arrow tables as DataFrames.

pandas DataFrames and Arrow tables go through ``ember.sql.pandas.conversion``.
Local rows are converted to internal tuples by the schema (``ember.sql.conversion``) and written to
a file the JVM reads (``SqlEngine.from_rows``); an RDD's partitions are converted by a Python
map and handed over as a JVM RDD of pickled batches (``SqlEngine.from_rdd``). Either way rows
never cross Py4J. Schemas are inferred as PySpark does when not given (``ember.sql.inference``).
"""

import json
from typing import Any, Iterator, List, Optional

from ember.errors import PySparkTypeError, PySparkValueError, not_expected_type

__all__ = ["create_data_frame"]

INFER_SAMPLE_ROWS = 100
"""Rows of an RDD inspected to infer its schema (PySpark looks at the first ones too)."""


def _schema_from_argument(schema: Any) -> Any:
    """(StructType or None, column names or None) from createDataFrame's ``schema``."""
    from ember.sql import types as T
    if schema is None:
        return None, None
    if isinstance(schema, (list, tuple)):
        for name in schema:
            if not isinstance(name, str):
                raise not_expected_type("schema", "list of str", name)
        return None, list(schema)
    if isinstance(schema, str):
        parsed = T._parse_datatype_string(schema)
        if not isinstance(parsed, T.StructType):
            parsed = T.StructType([T.StructField("value", parsed, True)])
        return parsed, None
    if isinstance(schema, T.StructType):
        return schema, None
    if isinstance(schema, T.DataType):
        return T.StructType([T.StructField("value", schema, True)]), None
    raise PySparkTypeError(errorClass="NOT_EXPECTED_TYPE", messageParameters={
        "arg_name": "schema", "expected_type": "DataType, list or str",
        "arg_type": type(schema).__name__})


def _infer(rows: List[Any], names: Optional[List[str]]) -> Any:
    from ember.sql.inference import infer_schema_of_rows
    schema = infer_schema_of_rows(rows, names)
    if names:
        from ember.sql import types as T
        fields = list(schema.fields)
        for i, name in enumerate(names[:len(fields)]):
            fields[i] = T.StructField(name, fields[i].dataType, fields[i].nullable)
        schema = T.StructType(fields)
    return schema


def _single_values(rows: List[Any], schema: Any) -> List[Any]:
    """Wraps bare values (``createDataFrame([1, 2], "int")``) as one-field rows."""
    from ember.sql import types as T
    if len(schema.fields) == 1 and rows and not isinstance(
            rows[0], (tuple, list, dict)) and not hasattr(rows[0], "__dict__"):
        return [(v,) for v in rows]
    return rows


def _internal_partition(schema: Any) -> Any:
    def convert(rows: Iterator[Any]) -> Iterator[tuple]:
        from ember.sql.conversion import internal_converter
        return map(internal_converter(schema), rows)
    return convert


def create_data_frame(session: Any, data: Any, schema: Any, sampling_ratio: Any) -> Any:
    from ember.rdd import RDD
    from ember.sql.dataframe import DataFrame
    if isinstance(data, DataFrame):
        raise PySparkTypeError(errorClass="INVALID_TYPE", messageParameters={
            "arg_name": "data", "arg_type": "DataFrame"})
    struct, names = _schema_from_argument(schema)
    if type(data).__name__ == "DataFrame" and type(data).__module__.startswith("pandas"):
        from ember.sql.pandas.conversion import from_pandas
        return from_pandas(session, data, struct, names)
    if type(data).__name__ == "Table" and type(data).__module__.startswith("pyarrow"):
        from ember.sql.pandas.conversion import from_arrow
        return from_arrow(session, data, struct)
    if isinstance(data, RDD):
        if struct is None:
            struct = _infer(data.take(INFER_SAMPLE_ROWS), names)
        converted = data.mapPartitions(_internal_partition(struct))
        jdf = session._sql.from_rdd(converted._pickled_jrdd(), json.dumps(struct.jsonValue()))
        return DataFrame(jdf, session)
    if isinstance(data, (str, bytes)) or not hasattr(data, "__iter__"):
        raise PySparkTypeError(errorClass="NOT_EXPECTED_TYPE", messageParameters={
            "arg_name": "data", "expected_type": "list, RDD or pandas DataFrame",
            "arg_type": type(data).__name__})
    rows = list(data)
    if struct is None:
        if not rows:
            raise PySparkValueError(errorClass="CANNOT_INFER_EMPTY_SCHEMA", messageParameters={})
        struct = _infer(rows, names)
    rows = _single_values(rows, struct)
    from ember.sql.conversion import internal_converter
    internal = map(internal_converter(struct), rows)
    jdf = session._sql.from_rows(internal, json.dumps(struct.jsonValue()))
    return DataFrame(jdf, session)
