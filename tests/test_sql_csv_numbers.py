"""from_csv/to_csv/schema_of_csv, to_char/to_number and the input-file functions, against
PySpark 4.3's answers (same inputs; ANSI off)."""

import datetime
import os
from decimal import Decimal

import pytest

from ember.sql import functions as F


def R(*values):
    """A row as PySpark printed it, by position."""
    return tuple(values)


def plain(v):
    if isinstance(v, tuple):
        return tuple(plain(x) for x in v)
    return v


# (SQL expression, result type, value) as PySpark 4.3 answered.
VALUE_CASES = [
    ("from_csv('1,abc,2.5', 'a INT, b STRING, c DOUBLE')", 'struct<a:int,b:string,c:double>', R(1, 'abc', 2.5)),
    ("from_csv('1;x', 'a INT, b STRING', map('sep',';'))", 'struct<a:int,b:string>', R(1, 'x')),
    ("from_csv('x,2', 'a INT, b INT')", 'struct<a:int,b:int>', R(None, 2)),
    ("from_csv('1', 'a INT, b INT')", 'struct<a:int,b:int>', R(1, None)),
    ("from_csv('1,2,3', 'a INT, b INT')", 'struct<a:int,b:int>', R(1, 2)),
    ("from_csv(NULL, 'a INT')", 'struct<a:int>', None),
    ("from_csv('26/08/2015', 'time Timestamp', map('timestampFormat', 'dd/MM/yyyy'))", 'struct<time:timestamp>', R(datetime.datetime(2015, 8, 26, 0, 0))),
    ('from_csv(\'"a,b",c\', \'a STRING, b STRING\')', 'struct<a:string,b:string>', R('a,b', 'c')),
    ("from_csv(',', 'a STRING, b STRING')", 'struct<a:string,b:string>', R(None, None)),
    ("to_csv(named_struct('a', 1, 'b', 2))", 'string', '1,2'),
    ("to_csv(named_struct('a', 1, 'b', CAST(NULL AS STRING), 'c', 'x,y', 'd', ''))", 'string', '1,,"x,y",""'),
    ("to_csv(named_struct('time', to_timestamp('2015-08-26', 'yyyy-MM-dd')), map('timestampFormat', 'dd/MM/yyyy'))", 'string', '26/08/2015'),
    ("to_csv(named_struct('d', DATE'2020-01-02', 'f', 1.5D, 'b', true, 'dec', 1.20BD))", 'string', '2020-01-02,1.5,true,1.20'),
    ('to_csv(named_struct(\'a\', 1, \'b\', \'q"x\'), map(\'sep\', \'|\'))', 'string', '1|"q\\"x"'),
    ("to_csv(named_struct('a', array(1,2)))", 'string', '"[1, 2]"'),
    ("schema_of_csv('1,abc')", 'string', 'STRUCT<_c0: INT, _c1: STRING>'),
    ("schema_of_csv('1|abc|2.5|true|2020-01-01|2020-01-01 10:00:00|99999999999|', map('sep','|'))", 'string', 'STRUCT<_c0: INT, _c1: STRING, _c2: DOUBLE, _c3: BOOLEAN, _c4: DATE, _c5: TIMESTAMP, _c6: BIGINT, _c7: STRING>'),
    ("to_char(454, '999')", 'string', '454'),
    ("to_char(454.00, '000D00')", 'string', '454.00'),
    ("to_char(12454, '99G999')", 'string', '12,454'),
    ("to_char(78.12, '$99.99')", 'string', '$78.12'),
    ("to_char(-12454.8, '99G999D9S')", 'string', '12,454.8-'),
    ("to_char(12454.8, '99G999D9S')", 'string', '12,454.8+'),
    ("to_char(-12.5, '99.99MI')", 'string', '12.50-'),
    ("to_char(12.5, '99.99MI')", 'string', '12.50 '),
    ("to_char(-12.5, '99.99PR')", 'string', '<12.50>'),
    ("to_char(12.5, '99.99PR')", 'string', '12.50  '),
    ("to_char(12345, '999')", 'string', '###'),
    ("to_char(1.235, '9.99')", 'string', '#.##'),
    ("to_char(0.5, '9.99')", 'string', '0.50'),
    ("to_char(0.5, '0.99')", 'string', '0.50'),
    ("to_char(5, '00000')", 'string', '00005'),
    ("to_char(-5, 'S999')", 'string', '  -5'),
    ("to_char(5, 'S999')", 'string', '  +5'),
    ("to_char(1234567, '9,999,999')", 'string', '1,234,567'),
    ("to_char(12, '9,999')", 'string', '   12'),
    ("to_char(12, '0,000')", 'string', '0,012'),
    ("to_char(12, '$9,999')", 'string', '$   12'),
    ("to_char(CAST(NULL AS INT), '999')", 'string', None),
    ("to_char(DATE'2016-04-08', 'y')", 'string', '2016'),
    ("to_char(TIMESTAMP'2016-04-08 10:11:12', 'yyyy-MM-dd HH:mm')", 'string', '2016-04-08 10:11'),
    ("to_char(X'537061726B2053514C', 'base64')", 'string', 'U3BhcmsgU1FM'),
    ("to_char(X'537061726B2053514C', 'hex')", 'string', '537061726B2053514C'),
    ("to_char(X'537061726B2053514C', 'utf-8')", 'string', 'Spark SQL'),
    ("to_varchar(454, '999')", 'string', '454'),
    ("to_char(-0.1, '9.9')", 'string', '0.1'),
    ("to_char(123, '9999.99')", 'string', ' 123.00'),
    ("to_char(123, '0999')", 'string', '0123'),
    ("to_char(12.3, '99D9')", 'string', '12.3'),
    ("to_char(1.5D, '9.9')", 'string', '1.5'),
    ("to_char(CAST(5 AS BIGINT), '99')", 'string', ' 5'),
    ("to_char(12345.678, '99,999.99')", 'string', '## ###.##'),
    ("to_number('454', '999')", 'decimal(3,0)', Decimal('454')),
    ("to_number('454.00', '000.00')", 'decimal(5,2)', Decimal('454.00')),
    ("to_number('12,454', '99,999')", 'decimal(5,0)', Decimal('12454')),
    ("to_number('$78.12', '$99.99')", 'decimal(4,2)', Decimal('78.12')),
    ("to_number('12,454.8-', '99G999D9S')", 'decimal(6,1)', Decimal('-12454.8')),
    ("to_number('12,454.8+', '99G999D9S')", 'decimal(6,1)', Decimal('12454.8')),
    ("to_number('<12.5>', '99.99PR')", 'decimal(4,2)', Decimal('-12.50')),
    ("to_number('12.5-', '99.99MI')", 'decimal(4,2)', Decimal('-12.50')),
    ("to_number('12.5', '99.99MI')", 'decimal(4,2)', Decimal('12.50')),
    ("to_number('-12.5', 'S99.99')", 'decimal(4,2)', Decimal('-12.50')),
    ("to_number('5', '999')", 'decimal(3,0)', Decimal('5')),
    ("to_number('12', '99.99')", 'decimal(4,2)', Decimal('12.00')),
    ("to_number('.5', '9.9')", 'decimal(2,1)', Decimal('0.5')),
    ("to_number('1,2', '9,9')", 'decimal(2,0)', Decimal('12')),
    ("to_number(' 12', '999')", 'decimal(3,0)', Decimal('12')),
    ("to_number(NULL, '999')", 'decimal(3,0)', None),
    ("try_to_number('abc', '999')", 'decimal(3,0)', None),
    ("try_to_number('454', '999')", 'decimal(3,0)', Decimal('454')),
    ("to_number('1,234,567', '9G999G999')", 'decimal(7,0)', Decimal('1234567')),
    ("to_number('+5', 'S9')", 'decimal(1,0)', Decimal('5')),
    ("to_number('0012', '0000')", 'decimal(4,0)', Decimal('12')),
    ("to_number('1,234', '9,999')", 'decimal(4,0)', Decimal('1234')),
    ("to_char(123456, '$99G999D9S')", 'string', '$## ###.#+'),
    ("to_char(123456, '0,000MI')", 'string', '# ### '),
    ("to_char(-1234, 'S999')", 'string', '-###'),
    ("to_char(-123, '99PR')", 'string', '<##>'),
    ("to_char(-5, '999PR')", 'string', '  <5>'),
    ("to_char(-5, '999MI')", 'string', '  5-'),
    ("to_char(-5, '999S')", 'string', '  5-'),
    ("to_char(-5, '$999')", 'string', '$  5'),
    ("to_char(-5, 'S$999')", 'string', '-$  5'),
    ("to_char(1.55D, '9.9')", 'string', '#.#'),
    ("to_char(0.1D, '9.99')", 'string', '0.10'),
    ("to_char(1.0D/3, '9.99')", 'string', '#.##'),
    ("to_char(0, '999')", 'string', '   '),
    ("to_char(0, '9.9')", 'string', '0.0'),
    ("to_char(0.05, '.99')", 'string', '.05'),
    ("to_char(5, '99.')", 'string', ' 5 '),
    ("to_char(12.30, '99.9')", 'string', '12.3'),
    ("to_char(1234567, '9G999')", 'string', '# ###'),
    ("to_char(1, 'MI9')", 'string', ' 1'),
    ("to_char(1, '9d9')", 'string', '1.0'),
    ("to_char(12.5, '9,9.9')", 'string', '1,2.5'),
    ("to_char('12', '99')", 'string', '12'),
    ("to_char(CAST(12.345 AS DECIMAL(10,3)), '99.999')", 'string', '12.345'),
    ("to_char(CAST(12 AS DECIMAL(10,3)), '99.9')", 'string', '12.0'),
    ("to_char(12.5, 'S9,999.99')", 'string', '   +12.50'),
    ("to_char(-1234.5, '9,999.99PR')", 'string', '<1,234.50>'),
    ("to_number('12,454.8', '99,999.9S')", 'decimal(6,1)', Decimal('12454.8')),
    ("to_number('-12,454.8', 'S99,999.9')", 'decimal(6,1)', Decimal('-12454.8')),
    ("to_number('12', '99S')", 'decimal(2,0)', Decimal('12')),
    ("to_number('12 ', '999')", 'decimal(3,0)', Decimal('12')),
    ("to_number(' 12 ', '999')", 'decimal(3,0)', Decimal('12')),
    ("to_number('1 2', '999')", 'decimal(3,0)', Decimal('12')),
    ("to_number('12.', '99.9')", 'decimal(3,1)', Decimal('12.0')),
    ("to_number('1,23', '9,999')", 'decimal(4,0)', Decimal('123')),
    ("to_number('0012.50', '0000.00')", 'decimal(6,2)', Decimal('12.50')),
    ("to_number('$ 12', '$99')", 'decimal(2,0)', Decimal('12')),
    ("to_number('-$12', 'S$99')", 'decimal(2,0)', Decimal('-12')),
    ("to_number('12-', '99MI')", 'decimal(2,0)', Decimal('-12')),
    ("to_number('12 ', '99MI')", 'decimal(2,0)', Decimal('12')),
    ("to_number('12.34', '99D99')", 'decimal(4,2)', Decimal('12.34')),
    ("to_number('1,2,3', '9G9G9')", 'decimal(3,0)', Decimal('123')),
    ("to_number('12,34', '99G99')", 'decimal(4,0)', Decimal('1234')),
    ("to_number('0', '9')", 'decimal(1,0)', Decimal('0')),
    ("to_number('5.', '9.9')", 'decimal(2,1)', Decimal('5.0')),
    ("to_number(12, '99')", 'decimal(2,0)', Decimal('12')),
    ("to_number('12', NULL)", 'decimal(10,0)', None),
    ("to_number('01', '09')", 'decimal(2,0)', Decimal('1')),
    ("to_number('1', '90')", 'decimal(2,0)', Decimal('1')),
    ("to_char(1, '9999999999999999999999999999999999999999')", 'string', '                                       1'),
    ("try_to_number(NULL, '99')", 'decimal(2,0)', None),
    ("to_char(12, 'mi99')", 'string', ' 12'),
    ("to_char(-12, '99mi')", 'string', '12-'),
    ("to_char(-12, '99s')", 'string', '12-'),
]

# Expressions Spark rejects while analysing, with its error class.
ANALYSIS_ERRORS = [
    ("to_char(12, '9.99.9')", 'INVALID_FORMAT.WRONG_NUM_TOKEN'),
    ("to_char(12, 'abc')", 'INVALID_FORMAT.WRONG_NUM_DIGIT'),
    ("to_number('12', 'abc')", 'INVALID_FORMAT.WRONG_NUM_DIGIT'),
    ("to_number('12', '9.9.9')", 'INVALID_FORMAT.WRONG_NUM_TOKEN'),
    ("try_to_number('12', 'abc')", 'INVALID_FORMAT.WRONG_NUM_DIGIT'),
    ("to_char(5, '$S999')", 'INVALID_FORMAT.UNEXPECTED_TOKEN'),
    ("to_char(5, '999$')", 'INVALID_FORMAT.CUR_MUST_BEFORE_DIGIT'),
    ("to_char(1234, '9,,99')", 'INVALID_FORMAT.CONT_THOUSANDS_SEPS'),
    ("to_char(1, '9.9,9')", 'INVALID_FORMAT.THOUSANDS_SEPS_MUST_BEFORE_DEC'),
    ("to_char(1, '9$9')", 'INVALID_FORMAT.CUR_MUST_BEFORE_DIGIT'),
    ("to_char(1, '9S9')", 'INVALID_FORMAT.UNEXPECTED_TOKEN'),
    ("to_char(1, '9x9')", 'INVALID_FORMAT.UNEXPECTED_TOKEN'),
    ("to_char(1, '9MIS')", 'INVALID_FORMAT.UNEXPECTED_TOKEN'),
    ("to_char(1, '$$9')", 'INVALID_FORMAT.WRONG_NUM_TOKEN'),
    ("to_char(1, '.9$')", 'INVALID_FORMAT.CUR_MUST_BEFORE_DIGIT'),
    ("to_char(1, ',99')", 'INVALID_FORMAT.CONT_THOUSANDS_SEPS'),
    ("to_char(1, '99,')", 'INVALID_FORMAT.CONT_THOUSANDS_SEPS'),
    ("to_char(1, 'PR9')", 'INVALID_FORMAT.UNEXPECTED_TOKEN'),
    ("to_char(true, '9')", 'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE'),
    ("to_number('12$', '99$')", 'INVALID_FORMAT.CUR_MUST_BEFORE_DIGIT'),
    ("to_number('$-12', '$S99')", 'INVALID_FORMAT.UNEXPECTED_TOKEN'),
    ("try_to_number('12', '9.9.9')", 'INVALID_FORMAT.WRONG_NUM_TOKEN'),
    ("to_char(12, '')", 'INVALID_FORMAT.EMPTY'),
    ("to_number('12', '')", 'INVALID_FORMAT.EMPTY'),
    ("to_char(1.5, '9v9')", 'INVALID_FORMAT.UNEXPECTED_TOKEN'),
]

# Expressions that fail when they run, with Spark's error class.
RUNTIME_ERRORS = [
    ("to_number('5', '000')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('1234', '999')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('abc', '999')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('1.2345', '9.99')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('12', '9,9')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('-5', '9')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('5', '$9')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('$5', '9')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('12', '0000')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('1234', '9,999')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('<12>', '99')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('12.', '99')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('12,3', '9,999')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('012.50', '0000.00')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('12.5', '0000.00')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('', '99')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('-', 'S99')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('12+', '99MI')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('<12', '99PR')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('1,234', '99G99')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('123', '99G99')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('.', '9.9')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('+12', '99')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('12', '$99')", 'INVALID_FORMAT.MISMATCH_INPUT'),
    ("to_number('1', '9999999999999999999999999999999999999999')", 'DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION'),
    ("to_number('1', '09')", 'INVALID_FORMAT.MISMATCH_INPUT'),
]


@pytest.mark.parametrize("sql, type_name, expected", VALUE_CASES)
def test_values_and_types_match_pyspark(spark, sql, type_name, expected):
    df = spark.sql("SELECT " + sql)
    assert df.schema.fields[0].dataType.simpleString() == type_name
    assert plain(df.collect()[0][0]) == expected


@pytest.mark.parametrize("sql, error_class", ANALYSIS_ERRORS)
def test_analysis_errors_match_pyspark(spark, sql, error_class):
    from ember.errors import AnalysisException
    with pytest.raises(AnalysisException) as e:
        spark.sql("SELECT " + sql).collect()
    assert "[%s]" % error_class in str(e.value)


@pytest.mark.parametrize("sql, error_class", RUNTIME_ERRORS)
def test_runtime_errors_match_pyspark(spark, sql, error_class):
    with pytest.raises(Exception) as e:
        spark.sql("SELECT " + sql).collect()
    assert "[%s]" % error_class in str(e.value)


def test_column_names_as_spark(spark):
    df = spark.sql("SELECT from_csv('1,abc', 'a INT, b STRING'), schema_of_csv('1,abc'), "
                   "to_char(454, '999'), to_varchar(454, '999'), to_number('454', '999'), "
                   "try_to_number('454', '999'), to_char(DATE'2016-04-08', 'y')")
    assert df.columns == ["from_csv(1,abc)", "schema_of_csv(1,abc)", "to_char(454, 999)", "to_char(454, 999)",
                          "to_number(454, 999)", "try_to_number(454, 999)", "date_format(DATE '2016-04-08', y)"]


def test_dataframe_functions(spark):
    df = spark.createDataFrame([("1;x", "12,454.8-", Decimal("12454.8"))], "line STRING, text STRING, n DECIMAL(10,1)")
    row = df.select(F.from_csv("line", "a INT, b STRING", {"sep": ";"}),
                    F.to_csv(F.struct(F.lit(1).alias("a"), F.lit("p,q").alias("b"))),
                    F.schema_of_csv(F.lit("1,abc")),
                    F.to_number("text", F.lit("99G999D9S")), F.try_to_number(F.lit("x"), F.lit("9")),
                    F.to_char("n", F.lit("99G999D9")), F.to_varchar(F.col("n"), F.lit("$99,999.99"))).collect()[0]
    assert plain(row) == ((1, "x"), '1,"p,q"', "STRUCT<_c0: INT, _c1: STRING>", Decimal("-12454.8"), None,
                          "12,454.8", "$12,454.80")


def _files(directory, ext):
    return sorted(os.path.join(directory, f) for f in os.listdir(directory)
                  if f.startswith("part-") and f.endswith(ext))


@pytest.mark.parametrize("fmt, ext", [("parquet", ".parquet"), ("csv", ".csv"), ("json", ".json"), ("text", ".txt")])
def test_input_file_functions_name_the_block_read(spark, tmp_path, fmt, ext):
    out = str(tmp_path / fmt)
    data = spark.range(6).selectExpr("cast(id as string) as value").repartition(2)
    getattr(data.write, fmt)(out)
    files = _files(out, ext)
    rows = spark.read.format(fmt).load(out).select(
        F.input_file_name().alias("f"), F.input_file_block_start().alias("s"),
        F.input_file_block_length().alias("l")).collect()
    assert len(files) == 2 and len(rows) == 6
    assert set((r.f, r.s, r.l) for r in rows) == {("file://" + f, 0, os.path.getsize(f)) for f in files}


def test_input_file_functions_without_a_file(spark):
    row = spark.range(1).select(F.input_file_name(), F.input_file_block_start(),
                                F.input_file_block_length()).collect()[0]
    assert tuple(row) == ("", -1, -1)


def test_input_file_name_in_sql_over_a_file_view(spark, tmp_path):
    out = str(tmp_path / "pq")
    spark.range(3).coalesce(1).write.parquet(out)
    spark.read.parquet(out).createOrReplaceTempView("ifn_view")
    try:
        df = spark.sql("SELECT input_file_name() AS f, id FROM ifn_view")
        assert {r.f for r in df.collect()} == {"file://" + f for f in _files(out, ".parquet")}
        assert spark.sql("SELECT input_file_name() FROM ifn_view").columns == ["input_file_name()"]
    finally:
        spark.catalog.dropTempView("ifn_view")


# More CSV record cases, as PySpark 4.3 answered (session time zone UTC).
MORE_CSV_CASES = [
    ("from_csv('a,b', 'x STRING, y STRING', map('header', 'true'))", ("a", "b")),
    ("to_csv(named_struct('a', TIMESTAMP'2020-01-01 10:00:00', 'b', DATE'2020-01-01'))",
     "2020-01-01T10:00:00.000Z,2020-01-01"),
    ("to_csv(named_struct('a', map('k', 1)))", "{k -> 1}"),
    ("to_csv(named_struct('a', named_struct('x', 1)))", "{1}"),
    ("from_csv('1,x', 'a INT, b STRING, _corrupt_record STRING')", (1, "x", None)),
    ("schema_of_csv('1,,x')", "STRUCT<_c0: INT, _c1: STRING, _c2: STRING>"),
    ("schema_of_csv('\"a,b\",1.5e3,2020-01-01T10:00:00')", "STRUCT<_c0: STRING, _c1: DOUBLE, _c2: TIMESTAMP>"),
    ("schema_of_csv('2147483648,true,TRUE')", "STRUCT<_c0: BIGINT, _c1: BOOLEAN, _c2: BOOLEAN>"),
]


@pytest.mark.parametrize("sql, expected", MORE_CSV_CASES)
def test_more_csv_cases(spark, sql, expected):
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    try:
        assert plain(spark.sql("SELECT " + sql).collect()[0][0]) == expected
    finally:
        spark.conf.unset("spark.sql.session.timeZone")


def test_from_csv_malformed_records(spark):
    row = spark.sql("SELECT from_csv('x,x', 'a INT, b STRING, _corrupt_record STRING')").collect()[0][0]
    assert tuple(row) == (None, "x", "x,x")
    with pytest.raises(Exception) as e:
        spark.sql("SELECT from_csv('x,x', 'a INT, b STRING', map('mode', 'FAILFAST'))").collect()
    assert "MALFORMED_RECORD_IN_PARSING" in str(e.value)
