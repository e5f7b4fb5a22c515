"""Driver side: ``DataFrame.toPandas``/``toArrow`` and ``createDataFrame`` of pandas or Arrow.

Rows come from the result stream as tuples of internal values (as ``collect`` gets them)
and become Arrow record batches by the schema (``arrow_values``), then pandas with PySpark's
conversions (``pandas_values``); the other way, a pandas DataFrame becomes Arrow arrays by the
given schema (by position) or by Arrow's inference, and its rows go to the JVM as local rows
do. Rows never cross Py4J.
"""

import json
import os
from typing import Any, Iterator, List

from ember.sql.pandas.utils import require_pandas_and_arrow, require_minimum_pyarrow_version

__all__ = ["to_pandas", "to_arrow", "from_pandas", "from_arrow", "session_timezone",
           "max_records_per_batch"]


def session_timezone(session: Any) -> str:
    """``spark.sql.session.timeZone``, else the machine's zone as the JVM finds it (``TZ``,
    then /etc/localtime), else UTC."""
    tz = session.conf.get("spark.sql.session.timeZone", None)
    if tz:
        return tz
    tz = os.environ.get("TZ")
    if tz:
        return tz.lstrip(":")
    try:
        target = os.path.realpath("/etc/localtime")
        marker = "zoneinfo" + os.sep
        if marker in target:
            return target.split(marker, 1)[1]
    except OSError:
        pass
    return "UTC"


def max_records_per_batch(session: Any) -> int:
    """``spark.sql.execution.arrow.maxRecordsPerBatch`` (10000; zero or less: no limit)."""
    n = int(session.conf.get("spark.sql.execution.arrow.maxRecordsPerBatch", "10000"))
    return n if n > 0 else 1 << 62


def _batches(df: Any) -> Iterator[Any]:
    from ember.sql.pandas.arrow_values import rows_to_batch
    schema = df.schema
    for rows in df.sparkSession._sql.collect_batches(df._jdf):
        if rows:
            yield rows_to_batch(rows, schema)


def to_arrow(df: Any) -> Any:
    """The rows of ``df`` as one ``pyarrow.Table`` (Spark types mapped as PySpark does)."""
    require_minimum_pyarrow_version()
    import pyarrow as pa
    from ember.sql.pandas.arrow_types import to_arrow_schema
    return pa.Table.from_batches(list(_batches(df)), schema=to_arrow_schema(df.schema))


def to_pandas(df: Any) -> Any:
    """The rows of ``df`` as a pandas DataFrame, converted as PySpark's Arrow path does. A
    schema with a type Arrow cannot hold here (year-month and calendar intervals) takes
    PySpark's fallback, the rows as ``collect`` gives them (which refuses those values with
    PySpark's ``NOT_IMPLEMENTED``)."""
    require_pandas_and_arrow()
    import pandas as pd
    from ember.errors import PySparkTypeError
    from ember.sql.pandas.arrow_types import to_arrow_schema
    from ember.sql.pandas.pandas_values import table_to_pandas
    try:
        to_arrow_schema(df.schema)
    except PySparkTypeError:
        return pd.DataFrame.from_records(df.collect(), columns=df.columns)
    return table_to_pandas(to_arrow(df), df.schema, session_timezone(df.sparkSession),
                           for_function=False)


def _local_frame(session: Any, rows: List[tuple], schema: Any) -> Any:
    from ember.sql.dataframe import DataFrame
    jdf = session._sql.from_rows(iter(rows), json.dumps(schema.jsonValue()))
    return DataFrame(jdf, session)


def from_pandas(session: Any, pdf: Any, struct: Any, names: Any) -> Any:
    """``createDataFrame(pandas_df, schema)``: ``struct`` a StructType (columns by position)
    or None (inferred as Arrow infers, then named by ``names`` if given)."""
    require_pandas_and_arrow()
    import pyarrow as pa
    from ember.sql import types as T
    from ember.sql.pandas.arrow_values import batch_to_rows
    from ember.sql.pandas.pandas_values import infer_arrays, pandas_to_arrays, \
        _column_count_error
    tz = session_timezone(session)
    if struct is None:
        arrays, struct = infer_arrays(pdf, tz)
        if names:
            fields = list(struct.fields)
            for i, name in enumerate(names[:len(fields)]):
                fields[i] = T.StructField(name, fields[i].dataType, fields[i].nullable)
            struct = T.StructType(fields)
    else:
        if len(pdf.columns) != len(struct.fields):
            raise _column_count_error(len(struct.fields), len(pdf.columns))
        arrays = pandas_to_arrays(pdf, struct, tz, by_name=False)
    batch = pa.RecordBatch.from_arrays(arrays, names=[f.name for f in struct.fields]) \
        if arrays else pa.RecordBatch.from_pydict({})
    rows = batch_to_rows(batch, struct, "createDataFrame") if arrays else [()] * len(pdf)
    return _local_frame(session, rows, struct)


def from_arrow(session: Any, table: Any, struct: Any) -> Any:
    """``createDataFrame(pyarrow_table, schema)``: columns by position when ``struct`` is
    given, else the table's own schema (naive timestamps as ``timestamp``, as PySpark)."""
    from ember.sql.pandas.arrow_types import from_arrow_schema
    from ember.sql.pandas.arrow_values import batch_to_rows
    if struct is None:
        struct = from_arrow_schema(table.schema, prefer_timestamp_ntz=False)
    return _local_frame(session, batch_to_rows(table, struct, "createDataFrame"), struct)
