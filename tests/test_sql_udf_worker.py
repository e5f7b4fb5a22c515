"""Python UDF commands (``ember.sql.udf``) in a real worker process, fed as the JVM's
BatchEvalPythonExec feeds them: a first record of argument types (Spark's JSON), then rows of
internal values; one result per row comes back in the return type's internal form. Also the
checks made when a UDF call is built (arity, registered names)."""

import base64
import datetime
import decimal
import sys

import cloudpickle
import pytest

from ember.errors import AnalysisException
from ember.sql import functions as F
from ember.sql.udf import UserDefinedFunction, udf
from worker_client import WorkerProcess

cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def worker():
    w = WorkerProcess()
    assert w.conn.handshake().accepted
    yield w
    w.close()


def run(worker, f, return_type, arg_types, rows):
    command = base64.b64decode(UserDefinedFunction(f, return_type)._encoded_command())
    return worker.conn.run(command, [tuple('"%s"' % t for t in arg_types)] + rows, batch_size=3)


def test_results_come_back_in_the_internal_form_of_each_return_type(worker):
    cases = [
        (lambda x: None if x is None else x + 1, "bigint", ["long"], [(1,), (None,), (41,)], None),
        (lambda x: x / 2, "double", ["long"], [(3,), (4,)], None),
        (lambda x: x, "double", ["long"], [(3,)], [3.0]),   # an int for a double is widened
        (lambda s: s.upper(), "string", ["string"], [("ab",), ("é",)], None),
        (lambda x: x > 1, "boolean", ["integer"], [(1,), (2,)], None),
        (lambda d: d + datetime.timedelta(days=1), "date", ["date"], [(0,), (19000,)], [1, 19001]),
        (lambda x: [x, x], "array<int>", ["integer"], [(5,)], [[5, 5]]),
        (lambda x: decimal.Decimal(x) / 4, "decimal(10,2)", ["integer"], [(1,)], [decimal.Decimal("0.25")]),
        (lambda a, b: None if a is None else a * b, "string", ["string", "integer"],
         [("ab", 2), (None, 1)], ["abab", None]),
    ]
    for f, rtype, atypes, rows, expected in cases:
        reply = run(worker, f, rtype, atypes, rows)
        assert reply.error is None, (rtype, reply.error)
        if expected is None:
            expected = [None if r[0] is None else f(*r) for r in rows]
        assert reply.output == expected, rtype


def test_a_udfs_exception_keeps_its_type_and_a_traceback_from_the_users_code(worker):
    def parse(s):
        return int(s)   # the user's failing line
    reply = run(worker, parse, "int", ["string"], [("1",), ("x",)])
    e = reply.error
    assert e.type_name == "ValueError"
    assert "invalid literal" in e.message
    assert "return int(s)   # the user's failing line" in e.traceback
    # Starts at the user's code: not at ember/sql/udf.py's loop that called it.
    assert "test_sql_udf_worker.py" in e.traceback.split("\n")[1], e.traceback
    assert "ember/sql/udf.py" not in e.traceback


def test_a_result_of_the_wrong_type_is_a_type_error_naming_the_udf(worker):
    def label(x):
        return "n%d" % x
    e = run(worker, label, "int", ["integer"], [(1,)]).error
    assert e.type_name == "TypeError"
    assert "UDF label returned" in e.message and "'n1'" in e.message
    e = run(worker, lambda x: x << 40, "int", ["integer"], [(1,)]).error
    assert e.type_name == "TypeError" and "out of the range of int" in e.message
    assert run(worker, lambda x: True, "bigint", ["integer"], [(1,)]).error.type_name == "TypeError"


def test_a_call_with_the_wrong_number_of_arguments_fails_when_it_is_built():
    plus = udf(lambda x, y=1: x + y, "int")
    plus("a")
    plus("a", "b")
    with pytest.raises(AnalysisException) as info:
        plus("a", "b", "c")
    assert info.value.getErrorClass() == "WRONG_NUM_ARGS.WITHOUT_SUGGESTION"
    assert "`<lambda>` requires [1, 2] parameters but the actual number is 3" in str(info.value)


def test_registered_udfs_are_called_by_name(spark):
    spark.udf.register("twice", lambda x: 2 * x, "bigint")
    try:
        expr = F.call_udf("twice", "id")._expr
        assert expr["kind"] == "udf" and expr["name"] == "twice"
        assert expr["args"] == [{"kind": "col", "name": "id"}] and expr["returnType"] == "bigint"
        assert F.call_function("TWICE", "id")._expr == expr
        assert F.call_function("upper", "s")._expr["kind"] == "fn"
        with pytest.raises(AnalysisException) as info:
            F.call_udf("twice", "a", "b")
        assert info.value.getErrorClass() == "WRONG_NUM_ARGS.WITHOUT_SUGGESTION"
        assert "`twice` requires 1 parameters" in str(info.value)
    finally:
        spark.udf.unregister("twice")
    with pytest.raises(AnalysisException, match="UNRESOLVED_ROUTINE"):
        F.call_udf("twice", "id")
