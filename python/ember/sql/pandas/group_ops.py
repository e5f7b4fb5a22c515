"""Driver side of mapInPandas/mapInArrow, applyInPandas/applyInArrow/apply, cogroup and
grouped-aggregate pandas UDFs.

Each builds a plan on the JVM that brings the rows a Python function needs together, takes
it as a Python RDD of internal-value rows, runs the worker function of ``worker_ops`` over
its partitions, and makes the result a DataFrame of the declared schema (``fromPythonRDD``):
lazy until an action, and rows never cross Py4J. Groups are made by the JVM: the keys
become leading columns, then a hash repartition by them (``spark.sql.shuffle.partitions``)
and a sort within partitions, so each group is a run of rows in one partition. A cogroup
unions both sides as (keys, left struct or null, right struct or null) first.
"""

import base64
import functools
import inspect
import json
from typing import Any, Callable, Dict, List, Optional

from ember.errors import AnalysisException, PySparkTypeError, PySparkValueError
from ember.sql.pandas.udf_eval import SQL_GROUPED_AGG_PANDAS_UDF, SQL_GROUPED_MAP_PANDAS_UDF
from ember.sql.pandas.utils import require_pandas_and_arrow

__all__ = ["map_in", "apply_in", "apply_grouped_udf", "cogroup_apply", "has_pandas_agg",
           "aggregate", "PandasCogroupedOps"]

_KEY = "__ember_key_%d"
# Ember's own setting: "false" keeps every pandas/Arrow function on the pickled-rows path
# (for comparisons; the Arrow streams are the default).
ARROW_STREAMS_CONF = "ember.sql.pandas.arrowStreams"


def _struct(schema: Any) -> Any:
    from ember.sql import types as T
    if isinstance(schema, str):
        schema = T._parse_datatype_string(schema)
    if not isinstance(schema, T.StructType):
        raise PySparkTypeError(
            "[NOT_EXPECTED_TYPE] Argument `schema` should be a StructType or a DDL string, got "
            "%s." % type(schema).__name__, "NOT_EXPECTED_TYPE",
            {"arg_name": "schema", "expected_type": "StructType or str",
             "arg_type": type(schema).__name__})
    return schema


def _json(schema: Any) -> str:
    return json.dumps(schema.jsonValue())


def _settings(session: Any) -> tuple:
    from ember.sql.pandas.conversion import max_records_per_batch, session_timezone
    return session_timezone(session), max_records_per_batch(session)


def _run(source: Any, worker: Callable, out_schema: Any) -> Any:
    """The DataFrame of ``worker`` run over each partition of ``source``'s rows."""
    from ember.rdd import RDD
    from ember.sql.dataframe import DataFrame
    session = source.sparkSession
    rows = RDD(session._sql.to_rdd(source._jdf), session.sparkContext)
    result = rows.mapPartitions(worker)
    return DataFrame(session._sql.from_rdd(result._pickled_jrdd(), _json(out_schema)), session)


def _arrow_ok(source: Any, out: Any) -> bool:
    """Whether ``source``'s rows and ``out``'s can cross as Arrow streams (every type has an
    Arrow form on the JVM, neither schema is empty, ``ember.sql.pandas.arrowStreams`` on)."""
    session = source.sparkSession
    if session.conf.get(ARROW_STREAMS_CONF, "true").lower() != "true":
        return False
    if not source.schema.fields or not out.fields:
        return False
    return bool(session._sql.arrow_supported(_json(source.schema))) and \
        bool(session._sql.arrow_supported(_json(out)))


def _run_arrow(source: Any, worker: Callable, out_schema: Any) -> Any:
    """``_run`` over Arrow streams: ``worker`` takes and yields Arrow stream bytes."""
    from ember.rdd import RDD
    from ember.sql.dataframe import DataFrame
    from ember.sql.pandas.conversion import max_records_per_batch
    session = source.sparkSession
    streams = RDD(session._sql.to_arrow_rdd(source._jdf, max_records_per_batch(session)),
                  session.sparkContext)
    result = streams.mapPartitions(worker)
    return DataFrame(session._sql.from_arrow_rdd(result._pickled_jrdd(), _json(out_schema)),
                     session)


def map_in(df: Any, func: Callable, schema: Any, arrow: bool) -> Any:
    """``df.mapInPandas(func, schema)`` (``arrow`` false) or ``df.mapInArrow``."""
    require_pandas_and_arrow()
    from ember.sql.pandas.worker_ops import map_batches
    out = _struct(schema)
    tz, batch = _settings(df.sparkSession)
    if _arrow_ok(df, out):
        from ember.sql.pandas import arrow_ops
        worker = functools.partial(arrow_ops.map_batches, func, _json(df.schema), _json(out), tz,
                                   arrow)
        return _run_arrow(df, worker, out)
    worker = functools.partial(map_batches, func, _json(df.schema), _json(out), tz, batch, arrow)
    return _run(df, worker, out)


def _positional_count(func: Callable) -> Optional[int]:
    try:
        params = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return None
    return len([p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)])


def _check_grouping(gd: Any, what: str) -> None:
    from ember.sql import plan_protocol as P
    if gd._group_type != P.GROUP_BY or gd._pivot is not None:
        raise PySparkValueError("%s is only supported after groupBy" % what,
                                "UNSUPPORTED_OPERATION", {"operation": what})


def _keyed(gd: Any, *extra: Any) -> tuple:
    """(DataFrame of keys then ``extra`` columns (all columns when none), key schema)."""
    from ember.sql.column import Column
    from ember.sql.types import StructType
    keys = [Column(e).alias(_KEY % i) for i, e in enumerate(gd._grouping)]
    keyed = gd._df.select(*keys, *(extra or ["*"]))
    return keyed, StructType(keyed.schema.fields[:len(keys)])


def _grouped(keyed: Any, nkeys: int) -> Any:
    """``keyed`` hash-partitioned and sorted by its ``nkeys`` leading columns."""
    if nkeys == 0:
        return keyed.repartition(1)
    names = [_KEY % i for i in range(nkeys)]
    parts = int(keyed.sparkSession.conf.get("spark.sql.shuffle.partitions", "200"))
    return keyed.repartition(parts, *names).sortWithinPartitions(*names)


def apply_in(gd: Any, func: Callable, schema: Any, arrow: bool) -> Any:
    """``groupBy(...).applyInPandas(func, schema)`` or ``applyInArrow``."""
    require_pandas_and_arrow()
    from ember.sql.pandas.worker_ops import group_map
    _check_grouping(gd, "applyInArrow" if arrow else "applyInPandas")
    out = _struct(schema)
    keyed, key_schema = _keyed(gd)
    tz, _ = _settings(gd._df.sparkSession)
    grouped = _grouped(keyed, len(key_schema.fields))
    if _arrow_ok(grouped, out):
        from ember.sql.pandas import arrow_ops
        worker = functools.partial(arrow_ops.group_map, func, _positional_count(func) == 2,
                                   _json(grouped.schema), len(key_schema.fields), _json(out), tz,
                                   arrow)
        return _run_arrow(grouped, worker, out)
    worker = functools.partial(group_map, func, _positional_count(func) == 2, _json(key_schema),
                               _json(gd._df.schema), _json(out), tz, arrow)
    return _run(grouped, worker, out)


def apply_grouped_udf(gd: Any, udf: Any) -> Any:
    """``groupBy(...).apply(pandas_udf(f, schema, PandasUDFType.GROUPED_MAP))``."""
    if getattr(udf, "evalType", None) != SQL_GROUPED_MAP_PANDAS_UDF:
        raise PySparkTypeError(
            "[INVALID_UDF_EVAL_TYPE] Eval type for UDF must be SQL_GROUPED_MAP_PANDAS_UDF.",
            "INVALID_UDF_EVAL_TYPE", {"eval_type": "SQL_GROUPED_MAP_PANDAS_UDF"})
    return apply_in(gd, udf.func, udf.returnType, False)


class PandasCogroupedOps:
    """Two grouped DataFrames cogrouped by their keys (``gd1.cogroup(gd2)``)."""

    def __init__(self, gd1: Any, gd2: Any):
        _check_grouping(gd1, "cogroup")
        _check_grouping(gd2, "cogroup")
        self._gd1, self._gd2 = gd1, gd2

    def applyInPandas(self, func: Callable, schema: Any) -> Any:
        """``func(left_pdf, right_pdf)`` or ``func(key, left_pdf, right_pdf)`` per key."""
        return cogroup_apply(self._gd1, self._gd2, func, schema, False)

    def applyInArrow(self, func: Callable, schema: Any) -> Any:
        """``func(left_table, right_table)`` or ``func(key, left, right)`` per key."""
        return cogroup_apply(self._gd1, self._gd2, func, schema, True)


def cogroup_apply(gd1: Any, gd2: Any, func: Callable, schema: Any, arrow: bool) -> Any:
    require_pandas_and_arrow()
    from ember.sql import functions as F
    from ember.sql.pandas.worker_ops import cogroup_map
    if len(gd1._grouping) != len(gd2._grouping):
        raise PySparkValueError("cogroup needs the same number of keys on both sides (%d and "
                                "%d)" % (len(gd1._grouping), len(gd2._grouping)))
    out = _struct(schema)
    left_schema, right_schema = gd1._df.schema, gd2._df.schema

    def side(gd: Any, own: Any, other: Any, own_first: bool) -> Any:
        mine = F.struct(*[F.col("`%s`" % f.name.replace("`", "``")) for f in own.fields])
        none = F.lit(None).cast(other)
        pair = (mine.alias("__ember_left"), none.alias("__ember_right")) if own_first else \
            (none.alias("__ember_left"), mine.alias("__ember_right"))
        return _keyed(gd, *pair)

    left, key_schema = side(gd1, left_schema, right_schema, True)
    right, _ = side(gd2, right_schema, left_schema, False)
    both = left.union(right)
    tz, _ = _settings(gd1._df.sparkSession)
    grouped = _grouped(both, len(key_schema.fields))
    if left_schema.fields and right_schema.fields and _arrow_ok(grouped, out):
        from ember.sql.pandas import arrow_ops
        worker = functools.partial(arrow_ops.cogroup_map, func, _positional_count(func) == 3,
                                   _json(key_schema), _json(left_schema), _json(right_schema),
                                   _json(out), tz, arrow)
        return _run_arrow(grouped, worker, out)
    worker = functools.partial(cogroup_map, func, _positional_count(func) == 3,
                               _json(key_schema), _json(left_schema), _json(right_schema),
                               _json(out), tz, arrow)
    return _run(grouped, worker, out)


def _pandas_agg_calls(expr: Any, out: List[Dict[str, Any]]) -> None:
    if isinstance(expr, dict):
        if expr.get("kind") == "udf" and expr.get("evalType") == SQL_GROUPED_AGG_PANDAS_UDF:
            out.append(expr)
        for value in expr.values():
            _pandas_agg_calls(value, out)
    elif isinstance(expr, list):
        for value in expr:
            _pandas_agg_calls(value, out)


def has_pandas_agg(exprs: List[Any]) -> bool:
    """Whether any expression dict calls a grouped-aggregate pandas UDF."""
    found: List[Dict[str, Any]] = []
    _pandas_agg_calls(exprs, found)
    return bool(found)


def _placement_error(names: List[str]) -> AnalysisException:
    listed = ", ".join("`%s`" % n for n in names)
    return AnalysisException(
        "[INVALID_PANDAS_UDF_PLACEMENT] The group aggregate pandas UDF %s cannot be invoked "
        "together with as other, non-pandas aggregate functions." % listed,
        "INVALID_PANDAS_UDF_PLACEMENT", {"functionList": listed})


def aggregate(gd: Any, aggs: List[Dict[str, Any]]) -> Any:
    """``groupBy(...).agg(...)`` (or a global ``agg``) whose aggregates are all grouped-
    aggregate pandas UDF calls, each optionally aliased; one output row per group."""
    require_pandas_and_arrow()
    import cloudpickle
    from ember.sql import types as T
    from ember.sql.column import Column
    from ember.sql.pandas.worker_ops import group_agg
    _check_grouping(gd, "agg")
    calls, names = [], []
    for a in aggs:
        name = None
        if a.get("kind") == "alias" and len(a.get("names", [])) == 1:
            name, a = a["names"][0], a["expr"]
        calls.append(a)
        names.append(name)
    if any(c.get("kind") != "udf" or c.get("evalType") != SQL_GROUPED_AGG_PANDAS_UDF
           for c in calls):
        found: List[Dict[str, Any]] = []
        _pandas_agg_calls(aggs, found)
        raise _placement_error([c["name"] for c in found])
    df = gd._df
    args = [Column(e).alias("__ember_arg_%d" % i)
            for i, e in enumerate(e for c in calls for e in c["args"])]
    keyed, key_schema = _keyed(gd, *(args or [Column(   # no arguments at all: a placeholder
        {"kind": "lit", "value": 1, "type": "int"}).alias("__ember_arg_0")]))
    args_schema = T.StructType(keyed.schema.fields[len(key_schema.fields):])
    udfs, fields = [], list(df.select(*[Column(e) for e in gd._grouping]).schema.fields) \
        if gd._grouping else []
    for call, name in zip(calls, names):
        return_type = T._parse_datatype_string(call["returnType"])
        func = cloudpickle.loads(base64.b64decode(call["pandasFunc"]))
        udfs.append((call["name"], func, _json(return_type), len(call["args"])))
        plain = {k: v for k, v in call.items() if k not in ("evalType", "pandasFunc")}
        label = name or df.select(Column(plain)).columns[0]   # the name the JVM gives a call
        fields.append(T.StructField(label, return_type, True))
    out = T.StructType(fields)
    tz, _ = _settings(df.sparkSession)
    grouped = _grouped(keyed, len(key_schema.fields))
    if _arrow_ok(grouped, out):
        from ember.sql.pandas import arrow_ops
        worker = functools.partial(arrow_ops.group_agg, udfs, _json(grouped.schema),
                                   len(key_schema.fields), tz, not gd._grouping, _json(out))
        return _run_arrow(grouped, worker, out)
    worker = functools.partial(group_agg, udfs, _json(key_schema), _json(args_schema), tz,
                               not gd._grouping)
    return _run(grouped, worker, out)


def whole_partition_window(expr: Dict[str, Any]) -> bool:
    """Whether ``expr`` is a grouped-aggregate pandas UDF over whole window partitions (no
    ordering, or a frame unbounded at both ends): the one window shape run here."""
    from ember.sql.window import Window
    if expr.get("kind") != "window":
        return False
    call = expr.get("expr", {})
    if call.get("kind") != "udf" or call.get("evalType") != SQL_GROUPED_AGG_PANDAS_UDF:
        return False
    frame = expr.get("frame")
    if frame is None:
        return not expr.get("orderBy")
    return frame.get("start") in ("unboundedPreceding", Window.unboundedPreceding) and \
        frame.get("end") in ("unboundedFollowing", Window.unboundedFollowing)


def with_window_column(df: Any, name: str, expr: Dict[str, Any]) -> Any:
    """``df.withColumn(name, pandas_agg_udf(...).over(window))`` for a whole-partition window:
    every row gets its partition's result."""
    require_pandas_and_arrow()
    import cloudpickle
    from ember.sql import types as T
    from ember.sql.column import Column
    from ember.sql.pandas.worker_ops import window_agg
    call = expr["expr"]
    keys = [Column(e).alias(_KEY % i) for i, e in enumerate(expr["partitionBy"])]
    args = [Column(e).alias("__ember_arg_%d" % i) for i, e in enumerate(call["args"])]
    keyed = df.select(*keys, *args, "*")
    nkeys = len(keys)
    key_schema = T.StructType(keyed.schema.fields[:nkeys])
    args_schema = T.StructType(keyed.schema.fields[nkeys:nkeys + len(args)])
    return_type = T._parse_datatype_string(call["returnType"])
    fields = list(df.schema.fields)
    replace = next((i for i, f in enumerate(fields) if f.name == name), -1)
    if replace >= 0:
        fields[replace] = T.StructField(name, return_type, True)
    else:
        fields.append(T.StructField(name, return_type, True))
    func = cloudpickle.loads(base64.b64decode(call["pandasFunc"]))
    tz, _ = _settings(df.sparkSession)
    worker = functools.partial(window_agg, (call["name"], func, _json(return_type)),
                               _json(key_schema), _json(args_schema), tz, replace)
    return _run(_grouped(keyed, nkeys), worker, T.StructType(fields))
