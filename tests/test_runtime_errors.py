"""Runtime errors as PySpark users catch them: a task failed by Spark's error condition raises
PySpark's class (``ArithmeticException``, ``NumberFormatException``, ``DateTimeException``,
``SparkRuntimeException``, ...) with its error class, message parameters, SQLSTATE and message;
a Python UDF's exception is a ``PythonException``. Expected values are PySpark 4.3's for the
same queries (ANSI on); PySpark's query context (``== SQL ==``) is not produced, Ember's task
context (``== Task ==``) follows the message instead."""

import datetime

import pytest

import ember.errors as E
from ember.sql import functions as F

VIEW = ("select * from values (0, 1, 9223372036854775807L, 'abc', cast(null as string), array(1), "
        "3000000000L, '%', 'zz', 'x', cast('2020-01-01' as date), interval '1' day, 'true1') "
        "as t(z, n, big, s, ns, a, l, pct, hx, x, d, iv, b)")

# (query, PySpark's class, SQLSTATE, message parameters, getMessage())
CASES = [
    ('select n / z from t',
     'ArithmeticException', '22012', {'config': '"spark.sql.ansi.enabled"'},
     '[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22012'),
    ('select n % z from t',
     'ArithmeticException', '22012', {'config': '"spark.sql.ansi.enabled"'},
     '[REMAINDER_BY_ZERO] Remainder by zero. Use `try_mod` to tolerate divisor being 0 and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22012'),
    ('select big + n from t',
     'ArithmeticException', '22003', {'message': 'overflow', 'alternative': " Use 'try_add' to tolerate overflow and return NULL instead.", 'config': '"spark.sql.ansi.enabled"'},
     '[ARITHMETIC_OVERFLOW] overflow. Use \'try_add\' to tolerate overflow and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003'),
    ('select -(big + 1 - n - 1 - 1 + 1 + 1) from t',
     'ArithmeticException', '22003', {'message': 'overflow', 'alternative': " Use 'try_add' to tolerate overflow and return NULL instead.", 'config': '"spark.sql.ansi.enabled"'},
     '[ARITHMETIC_OVERFLOW] overflow. Use \'try_add\' to tolerate overflow and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003'),
    ('select cast(s as int) from t',
     'NumberFormatException', '22018', {'expression': "'abc'", 'sourceType': '"STRING"', 'targetType': '"INT"', 'ansiConfig': '"spark.sql.ansi.enabled"'},
     '[CAST_INVALID_INPUT] The value \'abc\' of the type "STRING" cannot be cast to "INT" because it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018'),
    ('select cast(s as date) from t',
     'DateTimeException', '22018', {'expression': "'abc'", 'sourceType': '"STRING"', 'targetType': '"DATE"', 'ansiConfig': '"spark.sql.ansi.enabled"'},
     '[CAST_INVALID_INPUT] The value \'abc\' of the type "STRING" cannot be cast to "DATE" because it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018'),
    ('select cast(b as boolean) from t',
     'SparkRuntimeException', '22018', {'expression': "'true1'", 'sourceType': '"STRING"', 'targetType': '"BOOLEAN"', 'ansiConfig': '"spark.sql.ansi.enabled"'},
     '[CAST_INVALID_INPUT] The value \'true1\' of the type "STRING" cannot be cast to "BOOLEAN" because it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018'),
    ('select cast(l as int) from t',
     'ArithmeticException', '22003', {'value': '3000000000L', 'sourceType': '"BIGINT"', 'targetType': '"INT"', 'ansiConfig': '"spark.sql.ansi.enabled"'},
     '[CAST_OVERFLOW] The value 3000000000L of the type "BIGINT" cannot be cast to "INT" due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead. SQLSTATE: 22003'),
    ('select element_at(a, z) from t',
     'SparkRuntimeException', '22003', {},
     '[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1). SQLSTATE: 22003'),
    ('select raise_error(s) from t',
     'SparkRuntimeException', 'P0001', {'errorMessage': 'abc'},
     '[USER_RAISED_EXCEPTION] abc SQLSTATE: P0001'),
    ('select map(ns, 1) from t',
     'SparkRuntimeException', '2200E', {},
     '[NULL_MAP_KEY] Cannot use null as map key. SQLSTATE: 2200E'),
    ('select slice(a, 1, -n) from t',
     'SparkRuntimeException', '22023', {'parameter': '`length`', 'length': '-1', 'functionName': '`slice`'},
     '[INVALID_PARAMETER_VALUE.LENGTH] The value of parameter(s) `length` in `slice` is invalid: Expects `length` greater than or equal to 0, but got -1. SQLSTATE: 22023'),
    ('select iv / z from t',
     'ArithmeticException', '22012', {},
     '[INTERVAL_DIVIDED_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. SQLSTATE: 22012'),
    ('select url_decode(pct) from t',
     'IllegalArgumentException', '22546', {'url': '%'},
     '[CANNOT_DECODE_URL] The provided URL cannot be decoded: %. Please ensure that the URL is properly formatted and try again. SQLSTATE: 22546'),
    ("select to_number(s, '999') from t",
     'IllegalArgumentException', '42601', {'inputType': '"STRING"', 'input': 'abc', 'format': '999'},
     '[INVALID_FORMAT.MISMATCH_INPUT] The format is invalid: 999. The input "STRING" abc does not match the format. SQLSTATE: 42601'),
    ('select getbit(n, 100 + z) from t',
     'IllegalArgumentException', '22023', {'parameter': '`pos`', 'functionName': '`getbit`', 'upper': '32', 'invalidValue': '100'},
     '[INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE] The value of parameter(s) `pos` in `getbit` is invalid: expects an integer value in [0, 32), but got 100. SQLSTATE: 22023'),
    ('select d + make_interval(0,0,0,0,n,0,0) from t',
     'IllegalArgumentException', '22006', {},
     '[INVALID_INTERVAL_WITH_MICROSECONDS_ADDITION] Cannot add an interval to a date because its microseconds part is not 0. To resolve this, cast the input date to a timestamp, which supports the addition of intervals with non-zero microseconds. SQLSTATE: 22006'),
    ('select bitmap_construct_agg(-n) from t',
     'ArrayIndexOutOfBoundsException', '22003', {'bitPosition': '-1', 'bitmapNumBytes': '4096', 'bitmapNumBits': '32768'},
     '[INVALID_BITMAP_POSITION] The 0-indexed bitmap position -1 is out of bounds. The bitmap has 32768 bits (4096 bytes). SQLSTATE: 22003'),
    ('select vector_cosine_similarity(array(1.0f), array(1.0f, 2.0f)) from t',
     'SparkRuntimeException', '22000', {'functionName': '`vector_cosine_similarity`', 'leftDim': '1', 'rightDim': '2'},
     '[VECTOR_DIMENSION_MISMATCH] Vectors passed to `vector_cosine_similarity` must have the same dimension, but got 1 and 2. SQLSTATE: 22000'),
]


@pytest.fixture
def ansi(spark):
    spark.sql(VIEW).createOrReplaceTempView("t")
    spark.conf.set("spark.sql.ansi.enabled", "true")
    yield spark
    spark.conf.set("spark.sql.ansi.enabled", "false")
    spark.catalog.dropTempView("t")


@pytest.mark.parametrize("query, cls, sql_state, params, message", CASES,
                         ids=[c[1] + ":" + c[4][1:c[4].index("]")] for c in CASES])
def test_runtime_error_is_pysparks_class_with_its_condition(ansi, query, cls, sql_state, params,
                                                            message):
    with pytest.raises(getattr(E, cls)) as info:
        ansi.sql(query).collect()
    e = info.value
    assert isinstance(e, E.PySparkException) and isinstance(e, E.TaskFailedError)
    assert e.getCondition() == e.getErrorClass() == message[1:message.index("]")]
    assert (e.getSqlState(), e.getMessageParameters(), e.getMessage()) == \
        (sql_state, params, message)
    assert str(e).startswith(message + "\n== Task ==\nTask for partition ")


def test_number_format_is_an_illegal_argument(ansi):
    with pytest.raises(E.IllegalArgumentException) as info:
        ansi.sql("select cast(s as int) from t").collect()
    assert type(info.value).__name__ == "NumberFormatException"


def test_condition_found_below_a_write_job(ansi, tmp_path):
    """A write job fails through a Py4J call, not the result stream; same class and values."""
    with pytest.raises(E.ArithmeticException) as info:
        ansi.sql("select n / z as q from t").write.parquet(str(tmp_path / "out"))
    assert info.value.getCondition() == "DIVIDE_BY_ZERO"
    assert info.value.getSqlState() == "22012"
    assert isinstance(info.value, E.TaskFailedError)


def test_condition_pyspark_does_not_convert_is_unknown_exception(ansi):
    # PySpark leaves this one a Py4JJavaError around Spark's SparkException
    with pytest.raises(E.UnknownException) as info:
        ansi.sql("select (select id from range(3)) from t").collect()
    assert info.value.getCondition() == "SCALAR_SUBQUERY_TOO_MANY_ROWS"
    assert info.value.getSqlState() == "21000"


def test_udf_error_is_python_exception_with_the_traceback(spark):
    def bad(x):
        return 1 // 0

    with pytest.raises(E.PythonException) as info:
        spark.range(3).select(F.udf(bad, "int")("id")).collect()
    e = info.value
    assert isinstance(e, ZeroDivisionError) and isinstance(e, E.PythonTaskError)
    assert (e.getCondition(), e.getSqlState()) == ("PYTHON_EXCEPTION", "38000")
    params = e.getMessageParameters()
    assert params["msg"] == "An exception was thrown from the Python worker"
    assert "return 1 // 0" in params["traceback"]
    assert str(e).startswith("An exception was thrown from the Python worker:\nTraceback")
    assert str(e).endswith("ZeroDivisionError: integer division or modulo by zero")


# -- interval overflow (PySpark 4.3's answers, the same with ANSI on or off) -----------------

INTERVAL_SUM_OVERFLOW = (
    "[INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION] Integer overflow while operating with "
    "intervals. Use `try_add` to tolerate overflow and return NULL instead. SQLSTATE: 22015")


@pytest.mark.parametrize("query", [
    "select sum(x) from values (interval '106751991' day), (interval '106751991' day) t(x)",
    "select sum(x) from values (interval '178956970' year), (interval '178956970' year) t(x)",
    "select avg(x) from values (interval '106751991' day), (interval '106751991' day) t(x)",
    "select sum(x) over (order by x) from values (interval '106751991' day), "
    "(interval '106751991' day) t(x)",
])
def test_interval_sum_overflow_fails_instead_of_wrapping(spark, query):
    with pytest.raises(E.ArithmeticException) as info:
        spark.sql(query).collect()
    assert info.value.getMessage() == INTERVAL_SUM_OVERFLOW
    assert info.value.getMessageParameters() == {"functionName": "`try_add`"}


def test_interval_sum_per_group(spark):
    rows = spark.sql("select k, sum(x) from values (1, interval '100' day), (1, interval '-1' day), "
                     "(2, interval '3' day), (3, cast(null as interval day)) t(k, x) "
                     "group by k order by k").collect()
    assert [tuple(r) for r in rows] == [(1, datetime.timedelta(days=99)),
                                        (2, datetime.timedelta(days=3)), (3, None)]


def test_negating_the_smallest_interval_fails(spark):
    with pytest.raises(E.ArithmeticException) as info:
        spark.sql("select -x from values (interval '-178956970-8' year to month) t(x)").collect()
    assert info.value.getMessage() == (
        "[INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION] Integer overflow while operating with "
        "intervals. Try devising appropriate values for the interval parameters. SQLSTATE: 22015")
