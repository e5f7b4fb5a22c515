"""Runtime errors as PySpark users catch them: a task failed by Spark's error condition raises
PySpark's class (``ArithmeticException``, ``NumberFormatException``, ``DateTimeException``,
``SparkRuntimeException``, ...) with its error class, message parameters, SQLSTATE and message;
a Python UDF's exception is a ``PythonException``. Expected values are PySpark 4.3's for the
same queries (ANSI on); PySpark's query context (``== SQL ==``) is not produced, Ember's task
context (``== Task ==``) follows the message instead."""

import datetime
import decimal

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
    # ANSI leftovers (PySpark 4.3's errors for the same queries)
    ('select make_date(2020, 13 + z, n) from t',
     'DateTimeException', '22023', {'rangeMessage': 'Invalid value for MonthOfYear (valid values 1 - 12): 13'},
     '[DATETIME_FIELD_OUT_OF_BOUNDS.WITHOUT_SUGGESTION] Invalid value for MonthOfYear (valid values 1 - 12): 13.  SQLSTATE: 22023'),
    ('select make_date(2020, 2, 30 + z) from t',
     'DateTimeException', '22023', {'rangeMessage': "Invalid date 'FEBRUARY 30'"},
     "[DATETIME_FIELD_OUT_OF_BOUNDS.WITHOUT_SUGGESTION] Invalid date 'FEBRUARY 30'.  SQLSTATE: 22023"),
    ('select make_date(2020, 1, 32 + z) from t',
     'DateTimeException', '22023', {'rangeMessage': 'Invalid value for DayOfMonth (valid values 1 - 28/31): 32'},
     '[DATETIME_FIELD_OUT_OF_BOUNDS.WITHOUT_SUGGESTION] Invalid value for DayOfMonth (valid values 1 - 28/31): 32.  SQLSTATE: 22023'),
    ('select element_at(a, n + 4) from t',
     'ArrayIndexOutOfBoundsException', '22003', {'indexValue': '5', 'arraySize': '1'},
     '[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] The index 5 is out of bounds. The array has 1 elements. Use `try_element_at` to tolerate accessing element at invalid index and return NULL instead. SQLSTATE: 22003'),
    ('select element_at(a, -n - 4) from t',
     'ArrayIndexOutOfBoundsException', '22003', {'indexValue': '-5', 'arraySize': '1'},
     '[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] The index -5 is out of bounds. The array has 1 elements. Use `try_element_at` to tolerate accessing element at invalid index and return NULL instead. SQLSTATE: 22003'),
    ('select elt(n + 3, s, x) from t',
     'ArrayIndexOutOfBoundsException', '22003', {'indexValue': '4', 'arraySize': '2'},
     '[INVALID_ARRAY_INDEX] The index 4 is out of bounds. The array has 2 elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead. SQLSTATE: 22003'),
    ('select elt(z, s, x) from t',
     'ArrayIndexOutOfBoundsException', '22003', {'indexValue': '0', 'arraySize': '2'},
     '[INVALID_ARRAY_INDEX] The index 0 is out of bounds. The array has 2 elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead. SQLSTATE: 22003'),
    ('select abs(cast(-2147483648 + z as int)) from t',
     'ArithmeticException', '22003', {'message': 'overflow', 'alternative': '', 'config': '"spark.sql.ansi.enabled"'},
     '[ARITHMETIC_OVERFLOW] overflow. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003'),
    ('select abs(-big - 1) from t',
     'ArithmeticException', '22003', {'message': 'overflow', 'alternative': '', 'config': '"spark.sql.ansi.enabled"'},
     '[ARITHMETIC_OVERFLOW] overflow. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003'),
    ('select abs(cast(-128 + z as tinyint)) from t',
     'ArithmeticException', '22003', {'message': 'overflow', 'alternative': '', 'config': '"spark.sql.ansi.enabled"'},
     '[ARITHMETIC_OVERFLOW] overflow. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003'),
    ('select abs(cast(-32768 + z as smallint)) from t',
     'ArithmeticException', '22003', {'message': 'overflow', 'alternative': '', 'config': '"spark.sql.ansi.enabled"'},
     '[ARITHMETIC_OVERFLOW] overflow. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003'),
    ('select sum(big) from (select big from t union all select n as big from t)',
     'ArithmeticException', '22003', {'message': 'overflow', 'alternative': " Use 'try_add' to tolerate overflow and return NULL instead.", 'config': '"spark.sql.ansi.enabled"'},
     '[ARITHMETIC_OVERFLOW] overflow. Use \'try_add\' to tolerate overflow and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003'),
    ('select cast(l as decimal(4,2)) from t',
     'ArithmeticException', '22003', {'value': '3000000000', 'precision': '4', 'scale': '2', 'config': '"spark.sql.ansi.enabled"'},
     '[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION]  3000000000 cannot be represented as Decimal(4, 2). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead. SQLSTATE: 22003'),
    ('select cast(l / 7 as decimal(4,2)) from t',
     'ArithmeticException', '22003', {'value': '428571428.5714286', 'precision': '4', 'scale': '2', 'config': '"spark.sql.ansi.enabled"'},
     '[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION]  428571428.5714286 cannot be represented as Decimal(4, 2). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead. SQLSTATE: 22003'),
    ('select cast(cast(l as double) as decimal(4,2)) from t',
     'ArithmeticException', '22003', {'value': '3000000000', 'precision': '4', 'scale': '2', 'config': '"spark.sql.ansi.enabled"'},
     '[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION]  3000000000 cannot be represented as Decimal(4, 2). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead. SQLSTATE: 22003'),
    ("select cast('12345.6789' as decimal(4,1)) from t",
     'ArithmeticException', '22003', {'value': '12345.6789', 'precision': '4', 'scale': '1', 'config': '"spark.sql.ansi.enabled"'},
     '[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION]  12345.6789 cannot be represented as Decimal(4, 1). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead. SQLSTATE: 22003'),
    ('select cast(cast(1234.5678 as decimal(8,4)) + z as decimal(4,2)) from t',
     'ArithmeticException', '22003', {'value': '1234.5678', 'precision': '4', 'scale': '2', 'config': '"spark.sql.ansi.enabled"'},
     '[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION]  1234.5678 cannot be represented as Decimal(4, 2). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead. SQLSTATE: 22003'),
    ('select cast(cast(99.999 as decimal(5,3)) + z as decimal(4,2)) from t',
     'ArithmeticException', '22003', {'value': '99.999', 'precision': '4', 'scale': '2', 'config': '"spark.sql.ansi.enabled"'},
     '[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION]  99.999 cannot be represented as Decimal(4, 2). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead. SQLSTATE: 22003'),
    ('select cast(cast(l as float) as decimal(4,2)) from t',
     'ArithmeticException', '22003', {'value': '3000000000', 'precision': '4', 'scale': '2', 'config': '"spark.sql.ansi.enabled"'},
     '[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION]  3000000000 cannot be represented as Decimal(4, 2). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead. SQLSTATE: 22003'),
    ('select cast(cast(1e-20 as double) * 1e30 as decimal(4,2)) from t',
     'ArithmeticException', '22003', {'value': '10000000000', 'precision': '4', 'scale': '2', 'config': '"spark.sql.ansi.enabled"'},
     '[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION]  10000000000 cannot be represented as Decimal(4, 2). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead. SQLSTATE: 22003'),
    ('select cast(true as decimal(1,1)) from t',
     'ArithmeticException', '22003', {'value': '1', 'precision': '1', 'scale': '1', 'config': '"spark.sql.ansi.enabled"'},
     '[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION]  1 cannot be represented as Decimal(1, 1). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead. SQLSTATE: 22003'),
    ('select array(1,2)[n + 4] from t',
     'ArrayIndexOutOfBoundsException', '22003', {'indexValue': '5', 'arraySize': '2'},
     '[INVALID_ARRAY_INDEX] The index 5 is out of bounds. The array has 2 elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead. SQLSTATE: 22003'),
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


# -- the same inputs outside ANSI mode (Ember's default): null or wrapped, PySpark 4.3's answers --

@pytest.mark.parametrize("query, value", [
    ("select make_date(2020, 13 + z, n) from t", None),
    ("select make_date(2020, 2, 30 + z) from t", None),
    ("select element_at(a, n + 4) from t", None),
    ("select element_at(a, -n - 4) from t", None),
    ("select elt(n + 3, s, x) from t", None),
    ("select elt(z, s, x) from t", None),
    ("select array(1, 2)[n + 4] from t", None),
    ("select abs(cast(-2147483648 + z as int)) from t", -2147483648),
    ("select abs(-big - 1) from t", -9223372036854775808),
    ("select abs(cast(-128 + z as tinyint)) from t", -128),
    ("select abs(cast(-32768 + z as smallint)) from t", -32768),
    ("select abs(cast(-127 + z as tinyint)) from t", 127),
    ("select sum(big) from (select big from t union all select n as big from t)",
     -9223372036854775808),
    ("select cast(l as decimal(4,2)) from t", None),
    ("select cast('12345.6789' as decimal(4,1)) from t", None),
    ("select size(cast(null as array<int>)) from t", -1),
])
def test_outside_ansi_invalid_input_gives_null_or_wraps(spark, query, value):
    spark.sql(VIEW).createOrReplaceTempView("t")
    try:
        assert spark.sql(query).collect()[0][0] == value
    finally:
        spark.catalog.dropTempView("t")


@pytest.mark.parametrize("query, value", [
    ("select size(cast(null as array<int>)) from t", None),
    ("select size(cast(null as map<int, int>)) from t", None),
    ("select try_element_at(a, n + 4) from t", None),
    ("select get(array(1, 2), n + 4) from t", None),
    ("select try_cast(l as decimal(4,2)) from t", None),
    ("select abs(cast(-2147483647 + z as int)) from t", 2147483647),
    ("select sum(big) from (select big from t union all select -n as big from t)",
     9223372036854775806),
    ("select cast(make_date(2020, 2, 29 + z) as string) from t", "2020-02-29"),
    ("select cast(cast('0.00000000001234' as double) as decimal(4,2)) from t",
     decimal.Decimal("0.00")),
])
def test_under_ansi_valid_or_tolerant_input_still_answers(ansi, query, value):
    assert ansi.sql(query).collect()[0][0] == value


@pytest.mark.parametrize("query", [
    "select - interval '-106751991 04:00:54.775808' day to second",
    "select -x from values (interval '-106751991 04:00:54.775808' day to second) t(x)",
    "select -x from values (interval '-9223372036854.775808' second) t(x)",
])
def test_negating_the_smallest_day_time_interval_fails(spark, query):
    with pytest.raises(E.ArithmeticException) as info:
        spark.sql(query).collect()
    assert info.value.getCondition() == "INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION"


def test_the_smallest_day_time_interval_parses(spark):
    row = spark.sql("select interval '-106751991 04:00:54.775808' day to second a, "
                    "cast(interval '-9223372036854.775808' second as string) b").collect()[0]
    assert row.a == datetime.timedelta(microseconds=-9223372036854775808)
    assert row.b == "INTERVAL '-9223372036854.775808' SECOND"
