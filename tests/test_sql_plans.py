"""The plan JSON the Python DataFrame API builds (docs/sql.md), checked without an engine:
a recording double stands in for the JVM session and keeps each operation as sent."""

import datetime
import decimal
import json

import pytest

from ember.errors import AnalysisException, PySparkTypeError, PySparkValueError
from ember.sql import functions as F
from ember.sql.bridge import PlanInputs
from ember.sql.column import Column
from ember.sql.dataframe import DataFrame
from ember.sql.window import Window


class RecordingSql:
    """SqlEngine double: records (operation as decoded JSON, number of inputs)."""

    def __init__(self):
        self.sent = []

    def plan(self, operation, inputs):
        plan_inputs = PlanInputs(inputs)
        text = plan_inputs.encode(operation)
        self.sent.append((json.loads(text), len(plan_inputs.frames)))
        return "jdf%d" % len(self.sent)


class SessionDouble:
    def __init__(self):
        self._sql = RecordingSql()


@pytest.fixture
def session():
    return SessionDouble()


@pytest.fixture
def df(session):
    return DataFrame("jdf0", session)


def last(session):
    return session._sql.sent[-1]


def col(name):
    return {"kind": "col", "name": name}


def lit(v, t):
    return {"kind": "lit", "value": v, "type": t}


def call(name, *args, distinct=False):
    return {"kind": "fn", "name": name, "args": list(args), "distinct": distinct}


def test_select_filter_with_column_are_one_operation_each(session, df):
    df.select("a", F.col("b") + 1)
    assert last(session) == ({"op": "select", "input": 0,
                              "exprs": [col("a"), call("+", col("b"), lit(1, "int"))]}, 1)
    df.filter((F.col("x") > 1) & ~F.col("y").isNull())
    assert last(session)[0] == {"op": "filter", "input": 0, "condition": call(
        "and", call(">", col("x"), lit(1, "int")), call("not", call("isnull", col("y"))))}
    df.withColumn("z", F.upper("s").alias("u"))
    assert last(session)[0] == {"op": "withColumns", "input": 0, "names": ["z"], "exprs": [
        {"kind": "alias", "expr": call("upper", col("s")), "names": ["u"]}]}


def test_group_by_agg_and_order_by(session, df):
    df.groupBy("k").agg(F.sum("v"), F.count("*"))
    assert last(session)[0] == {"op": "aggregate", "input": 0, "groupType": "groupby",
                                "grouping": [col("k")],
                                "aggs": [call("sum", col("v")), call("count", lit(1, "int"))]}
    df.groupBy("k").agg({"v": "mean"})
    assert last(session)[0]["aggs"] == [call("avg", col("v"))]
    df.orderBy("k", F.desc("v"))
    assert last(session)[0] == {"op": "sort", "input": 0, "global": True, "order": [
        {"kind": "sort", "expr": col("k"), "asc": True, "nullsFirst": True},
        {"kind": "sort", "expr": col("v"), "asc": False, "nullsFirst": False}]}
    df.sort("a", "b", ascending=[True, False])
    assert [o["asc"] for o in last(session)[0]["order"]] == [True, False]
    df.limit(5)
    assert last(session)[0] == {"op": "limit", "input": 0, "n": 5}


def test_reflected_operators_put_the_value_first():
    assert (1 - F.col("a"))._expr == call("-", lit(1, "int"), col("a"))
    assert (2 ** F.col("a"))._expr == call("power", lit(2, "int"), col("a"))
    assert (F.col("a") / 2.5)._expr == call("/", col("a"), lit(2.5, "double"))


def test_literal_types_follow_pyspark_inference():
    assert F.lit(1)._expr == lit(1, "int")
    assert F.lit(1 << 40)._expr == lit(1 << 40, "bigint")
    assert F.lit(True)._expr == lit(True, "boolean")
    assert F.lit(None)._expr == lit(None, "void")
    assert F.lit(decimal.Decimal("12.50"))._expr == lit("12.50", "decimal(4,2)")
    assert F.lit(datetime.date(2024, 2, 29))._expr == lit("2024-02-29", "date")
    aware = datetime.datetime(1970, 1, 1, 0, 0, 1, 5, tzinfo=datetime.timezone.utc)
    assert F.lit(aware)._expr == lit(1_000_005, "timestamp")
    assert F.lit(b"\x00\x01")._expr == lit("AAE=", "binary")
    assert F.lit([1, 2])._expr == call("array", lit(1, "int"), lit(2, "int"))


def test_column_methods():
    c = F.col("s")
    assert c.isin(1, 2)._expr == call("in", col("s"), lit(1, "int"), lit(2, "int"))
    assert c.isin([1])._expr == call("in", col("s"), lit(1, "int"))
    assert c.between(1, 3)._expr == call("between", col("s"), lit(1, "int"), lit(3, "int"))
    assert c.like("a%")._expr == call("like", col("s"), lit("a%", "string"))
    assert c.substr(1, 2)._expr == call("substring", col("s"), lit(1, "int"), lit(2, "int"))
    assert c[1:3]._expr == c.substr(1, 3)._expr
    assert c.cast("int")._expr == {"kind": "cast", "expr": col("s"), "type": "int"}
    assert c.getField("f")._expr == {"kind": "field", "expr": col("s"), "name": "f"}
    assert c["k"]._expr == {"kind": "item", "expr": col("s"), "key": lit("k", "string")}
    assert c.eqNullSafe(None)._expr == call("<=>", col("s"), lit(None, "void"))
    assert c.bitwiseAND(3)._expr == call("&", col("s"), lit(3, "int"))
    assert c.asc_nulls_last()._expr == {"kind": "sort", "expr": col("s"), "asc": True,
                                        "nullsFirst": False}
    assert c.desc_nulls_first()._expr["nullsFirst"] is True


def test_when_otherwise():
    w = F.when(F.col("a") > 1, "big").when(F.col("a") > 0, "small").otherwise(None)
    assert w._expr == {"kind": "when", "branches": [
        [call(">", col("a"), lit(1, "int")), lit("big", "string")],
        [call(">", col("a"), lit(0, "int")), lit("small", "string")]],
        "otherwise": lit(None, "void")}
    with pytest.raises(PySparkValueError) as info:
        F.col("a").otherwise(1)
    assert info.value.getErrorClass() == "INVALID_WHEN_USAGE"
    with pytest.raises(PySparkValueError):
        w.when(F.col("b"), 1)


def test_window_over():
    w = Window.partitionBy("k").orderBy(F.col("t").desc()).rowsBetween(
        Window.unboundedPreceding, Window.currentRow)
    e = F.sum("v").over(w)._expr
    assert e == {"kind": "window", "expr": call("sum", col("v")), "partitionBy": [col("k")],
                 "orderBy": [{"kind": "sort", "expr": col("t"), "asc": False,
                              "nullsFirst": False}],
                 "frame": {"type": "rows", "start": "unboundedPreceding", "end": "currentRow"}}
    r = Window.orderBy("t").rangeBetween(-3, Window.unboundedFollowing)
    assert F.row_number().over(r)._expr["frame"] == {"type": "range", "start": -3,
                                                     "end": "unboundedFollowing"}
    assert "frame" not in F.rank().over(Window.orderBy("t"))._expr


def test_columns_taken_from_a_frame_name_their_input(session, df):
    other = DataFrame("jdf-other", session)
    left_k = Column({"kind": "col", "name": "k", "plan": df})     # what df["k"] builds
    right_k = Column({"kind": "col", "name": "k", "plan": other})
    df.join(other, left_k == right_k, "left_outer")
    sent, n = last(session)
    assert n == 2
    assert sent == {"op": "join", "left": 0, "right": 1, "how": "left", "using": None,
                    "on": call("==", {"kind": "col", "name": "k", "plan": 0},
                               {"kind": "col", "name": "k", "plan": 1})}
    df.join(other, ["k"], "full_outer")
    assert last(session)[0]["using"] == ["k"] and last(session)[0]["how"] == "full"
    third = DataFrame("jdf-third", session)
    df.select(Column({"kind": "col", "name": "a", "plan": third}))
    assert last(session) == ({"op": "select", "input": 0, "exprs": [
        {"kind": "col", "name": "a", "plan": 1}]}, 2)


def test_set_operations_and_partitioning(session, df):
    other = DataFrame("jdf-other", session)
    df.unionByName(other, allowMissingColumns=True)
    assert last(session)[0] == {"op": "setOp", "kind": "union", "all": True, "inputs": [0, 1],
                                "byName": True, "allowMissing": True}
    df.subtract(other)
    assert last(session)[0]["kind"] == "except" and last(session)[0]["all"] is False
    df.repartition(4, "k")
    assert last(session)[0] == {"op": "repartition", "input": 0, "n": 4, "exprs": [col("k")],
                                "shuffle": True, "byRange": False}
    df.coalesce(1)
    assert last(session)[0]["shuffle"] is False
    parts = df.randomSplit([1.0, 3.0], seed=7)
    assert len(parts) == 2
    lo_hi = [(op["lowerBound"], op["upperBound"]) for op, _ in session._sql.sent[-2:]]
    assert lo_hi == [(0.0, 0.25), (0.25, 1.0)]


def test_wrong_argument_types_raise_pyspark_errors(df):
    with pytest.raises(PySparkTypeError) as info:
        F.upper(1)
    assert str(info.value) == \
        "[NOT_EXPECTED_TYPE] Argument `col` should be Column or str, got int."
    assert info.value.getMessageParameters() == {
        "arg_name": "col", "expected_type": "Column or str", "arg_type": "int"}
    with pytest.raises(PySparkTypeError, match="NOT_EXPECTED_TYPE"):
        df.withColumn("x", 1)
    with pytest.raises(PySparkTypeError, match="NOT_EXPECTED_TYPE"):
        df.filter(3)
    with pytest.raises(PySparkValueError, match="CANNOT_CONVERT_COLUMN_INTO_BOOL"):
        bool(F.col("a"))
    with pytest.raises(PySparkValueError, match="CANNOT_CONVERT_COLUMN_INTO_BOOL"):
        F.col("a") > 1 and F.col("b") > 1
    with pytest.raises(AnalysisException, match="UNSUPPORTED_JOIN_TYPE"):
        df.join(df, "k", "sideways")


def test_repr_shows_sql_text():
    assert repr((F.col("a") + 1).alias("b")) == "Column<'(a + 1) AS b'>"
    assert repr(F.count_distinct("a", "b")) == "Column<'count(DISTINCT a, b)'>"


def test_a_udf_call_ships_its_function_once_pickled():
    import base64
    import pickle

    from ember.sql.udf import udf

    @udf("int")
    def plus_one(x):
        return x + 1

    e = plus_one(F.col("a"))._expr
    assert {k: e[k] for k in ("kind", "name", "args", "returnType", "deterministic")} == {
        "kind": "udf", "name": "plus_one", "args": [col("a")], "returnType": "int",
        "deterministic": True}
    command = pickle.loads(base64.b64decode(e["func"]))
    assert command.args[0] == "plus_one" and command.args[1](41) == 42
    assert F.udf(lambda s: s, "string")("x")._expr["name"] == "<lambda>"
    with pytest.raises(PySparkTypeError, match="NOT_CALLABLE"):
        F.udf(3)


def test_reader_and_writer_options(session):
    from ember.errors import IllegalArgumentException
    from ember.sql.readwriter import DataFrameReader, DataFrameWriter
    DataFrameReader(session).csv("/data/x.csv", header=True, inferSchema=True, sep=";")
    assert last(session)[0] == {"op": "read", "format": "csv", "paths": ["/data/x.csv"],
                                "options": {"header": "true", "inferSchema": "true",
                                            "sep": ";"}, "schema": None}
    DataFrameReader(session).schema("a INT, b STRING").format("json").load(["p1", "p2"])
    assert last(session)[0]["schema"] == "a INT, b STRING"
    assert last(session)[0]["paths"] == ["p1", "p2"]
    with pytest.raises(IllegalArgumentException, match="INVALID_SAVE_MODE"):
        DataFrameWriter(None).mode("sometimes")
