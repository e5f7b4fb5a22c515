"""Date and time functions against PySpark 4.3's answers (sql_function_cases), session zone UTC."""

import datetime

import pytest

from ember.sql import functions as F
from sql_function_cases import R, check_cases


@pytest.fixture(scope="module")
def tm(spark):
    before = spark.conf.get("spark.sql.session.timeZone", None)
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    dt = datetime.datetime
    yield spark.createDataFrame(
        [(datetime.date(2024, 2, 29), dt(2024, 3, 10, 1, 2, 3, 456789), 1700000000, "2024-05-06 07:08:09", 5),
         (datetime.date(1969, 12, 31), dt(1969, 12, 31, 23, 59, 59), -1, "bad", -2),
         (None, None, None, None, None)],
        "d date, t timestamp, sec bigint, str string, k int")
    if before is None:
        spark.conf.unset("spark.sql.session.timeZone")
    else:
        spark.conf.set("spark.sql.session.timeZone", before)


DATETIME_CASES = [
    (F.next_day('d', 'Mon'), 'next_day(d, Mon)', 'date', ['2024-03-04', '1970-01-05', None]),
    (F.next_day('d', 'friday'), 'next_day(d, friday)', 'date', ['2024-03-01', '1970-01-02', None]),
    (F.from_utc_timestamp('t', 'Asia/Tokyo'), 'from_utc_timestamp(t, Asia/Tokyo)', 'timestamp', ['2024-03-10 10:02:03.456789', '1970-01-01 08:59:59', None]),
    (F.to_utc_timestamp('t', 'America/New_York'), 'to_utc_timestamp(t, America/New_York)', 'timestamp', ['2024-03-10 06:02:03.456789', '1970-01-01 04:59:59', None]),
    (F.make_date(F.lit(2024), F.lit(2), F.col('k') + 10), 'make_date(2024, 2, (k + 10))', 'date', ['2024-02-15', '2024-02-08', None]),
    (F.timestamp_seconds('sec'), 'timestamp_seconds(sec)', 'timestamp', ['2023-11-14 22:13:20', '1969-12-31 23:59:59', None]),
    (F.timestamp_millis('sec'), 'timestamp_millis(sec)', 'timestamp', ['1970-01-20 16:13:20', '1969-12-31 23:59:59.999000', None]),
    (F.timestamp_micros('sec'), 'timestamp_micros(sec)', 'timestamp', ['1970-01-01 00:28:20', '1969-12-31 23:59:59.999999', None]),
    (F.unix_seconds('t'), 'unix_seconds(t)', 'bigint', [1710032523, -1, None]),
    (F.unix_millis('t'), 'unix_millis(t)', 'bigint', [1710032523456, -1000, None]),
    (F.unix_micros('t'), 'unix_micros(t)', 'bigint', [1710032523456789, -1000000, None]),
    (F.unix_date('d'), 'unix_date(d)', 'int', [19782, -1, None]),
    (F.date_from_unix_date('k'), 'date_from_unix_date(k)', 'date', ['1970-01-06', '1969-12-30', None]),
    (F.dayname('d'), 'dayname(d)', 'string', ['Thu', 'Wed', None]),
    (F.monthname('t'), 'monthname(t)', 'string', ['Mar', 'Dec', None]),
    (F.weekday('d'), 'weekday(d)', 'int', [3, 2, None]),
    (F.date_diff('d', F.lit('2024-01-01').cast('date')), 'date_diff(d, CAST(2024-01-01 AS DATE))', 'int', [59, -19724, None]),
    (F.dateadd('d', 3), 'date_add(d, 3)', 'date', ['2024-03-03', '1970-01-03', None]),
    (F.date_part(F.lit('YEAR'), 't'), 'date_part(YEAR, t)', 'int', [2024, 1969, None]),
    (F.datepart(F.lit('dayofweek'), 'd'), 'datepart(dayofweek FROM d)', 'int', [5, 4, None]),
    (F.extract(F.lit('second'), 't'), 'extract(second FROM t)', 'decimal(8,6)', ['3.456789', '59.000000', None]),
    (F.extract(F.lit('minute'), 't'), 'extract(minute FROM t)', 'int', [2, 59, None]),
    (F.extract(F.lit('doy'), 'd'), 'extract(doy FROM d)', 'int', [60, 365, None]),
    (F.extract(F.lit('week'), 'd'), 'extract(week FROM d)', 'int', [9, 1, None]),
    (F.extract(F.lit('quarter'), 't'), 'extract(quarter FROM t)', 'int', [1, 4, None]),
    (F.make_timestamp(F.lit(2024), F.lit(1), F.lit(2), F.lit(3), F.lit(4), F.lit(5.5)), 'make_timestamp(2024, 1, 2, 3, 4, 5.5)', 'timestamp', ['2024-01-02 03:04:05.500000', '2024-01-02 03:04:05.500000', '2024-01-02 03:04:05.500000']),
    (F.make_timestamp(F.lit(2024), F.lit(1), F.lit(2), F.lit(3), F.lit(4), F.lit(5.5), F.lit('Asia/Tokyo')), 'make_timestamp(2024, 1, 2, 3, 4, 5.5, Asia/Tokyo)', 'timestamp', ['2024-01-01 18:04:05.500000', '2024-01-01 18:04:05.500000', '2024-01-01 18:04:05.500000']),
    (F.make_timestamp_ntz(F.lit(2024), F.lit(1), F.lit(2), F.lit(3), F.lit(4), F.lit(5)), 'make_timestamp_ntz(2024, 1, 2, 3, 4, 5)', 'timestamp_ntz', ['2024-01-02 03:04:05', '2024-01-02 03:04:05', '2024-01-02 03:04:05']),
    (F.make_timestamp_ltz(F.lit(2024), F.lit(1), F.lit(2), F.lit(3), F.lit(4), F.lit(5)), 'make_timestamp_ltz(2024, 1, 2, 3, 4, 5)', 'timestamp', ['2024-01-02 03:04:05', '2024-01-02 03:04:05', '2024-01-02 03:04:05']),
    (F.try_make_timestamp(F.lit(2024), F.lit(13), F.lit(2), F.lit(3), F.lit(4), F.lit(5)), 'try_make_timestamp(2024, 13, 2, 3, 4, 5)', 'timestamp', [None, None, None]),
    (F.try_to_timestamp('str'), 'try_to_timestamp(str)', 'timestamp', ['2024-05-06 07:08:09', None, None]),
    (F.try_to_timestamp('str', F.lit('yyyy-MM-dd HH:mm:ss')), 'try_to_timestamp(str, yyyy-MM-dd HH:mm:ss)', 'timestamp', ['2024-05-06 07:08:09', None, None]),
    (F.try_to_date('str'), 'try_to_date(str)', 'date', ['2024-05-06', None, None]),
    (F.convert_timezone(F.lit('UTC'), F.lit('Asia/Tokyo'), 't'), 'convert_timezone(UTC, Asia/Tokyo, t)', 'timestamp_ntz', ['2024-03-10 10:02:03.456789', '1970-01-01 08:59:59', None]),
    (F.convert_timezone(None, F.lit('America/Los_Angeles'), 't'), 'convert_timezone(current_timezone(), America/Los_Angeles, t)', 'timestamp_ntz', ['2024-03-09 17:02:03.456789', '1969-12-31 15:59:59', None]),
    (F.timestamp_add('HOUR', F.lit(5), 't'), 'timestampadd(HOUR, 5, t)', 'timestamp', ['2024-03-10 06:02:03.456789', '1970-01-01 04:59:59', None]),
    (F.timestamp_add('MONTH', 'k', 't'), 'timestampadd(MONTH, k, t)', 'timestamp', ['2024-08-10 01:02:03.456789', '1969-10-31 23:59:59', None]),
    (F.timestamp_diff('DAY', F.lit('2024-01-01').cast('timestamp'), 't'), 'timestampdiff(DAY, CAST(2024-01-01 AS TIMESTAMP), t)', 'bigint', [69, -19723, None]),
    (F.timestamp_diff('MONTH', F.lit('2024-01-31').cast('timestamp'), 't'), 'timestampdiff(MONTH, CAST(2024-01-31 AS TIMESTAMP), t)', 'bigint', [1, -648, None]),
    (F.date_format('t', 'EEE, d MMM yyyy HH:mm:ss.SSS'), 'date_format(t, EEE, d MMM yyyy HH:mm:ss.SSS)', 'string', ['Sun, 10 Mar 2024 01:02:03.456', 'Wed, 31 Dec 1969 23:59:59.000', None]),
    (F.date_format('d', "yyyy-MM-dd'T'HH:mm Q E a"), "date_format(d, yyyy-MM-dd'T'HH:mm Q E a)", 'string', ['2024-02-29T00:00 1 Thu AM', '1969-12-31T00:00 4 Wed AM', None]),
    (F.from_unixtime('sec'), 'from_unixtime(sec, yyyy-MM-dd HH:mm:ss)', 'string', ['2023-11-14 22:13:20', '1969-12-31 23:59:59', None]),
    (F.months_between('t', 'd'), 'months_between(t, d, true)', 'double', [0.38848678, 0.0, None]),
    (F.add_months('d', 1), 'add_months(d, 1)', 'date', ['2024-03-29', '1970-01-31', None]),
    (F.date_trunc('quarter', 't'), 'date_trunc(quarter, t)', 'timestamp', ['2024-01-01 00:00:00', '1969-10-01 00:00:00', None]),
    (F.trunc('d', 'MM'), 'trunc(d, MM)', 'date', ['2024-02-01', '1969-12-01', None]),
    (F.last_day('d'), 'last_day(d)', 'date', ['2024-02-29', '1969-12-31', None]),
    (F.weekofyear('d'), 'weekofyear(d)', 'int', [9, 1, None]),
]

# Where PySpark 4.3 (ANSI on by default) raises for unparseable text, Ember's default
# (spark.sql.ansi.enabled=false) gives null, as Spark without ANSI mode does.
NON_ANSI_CASES = [
    (F.to_timestamp_ntz('str'), 'to_timestamp_ntz(str)', 'timestamp_ntz', ['2024-05-06 07:08:09', None, None]),
    (F.to_unix_timestamp('str'), 'to_unix_timestamp(str, yyyy-MM-dd HH:mm:ss)', 'bigint', [1714979289, None, None]),
    (F.to_date('str', 'yyyy-MM-dd HH:mm:ss'), 'to_date(str, yyyy-MM-dd HH:mm:ss)', 'date', ['2024-05-06', None, None]),
    (F.current_timezone(), 'current_timezone()', 'string', ['UTC', 'UTC', 'UTC']),
]


def test_datetime_functions(tm):
    check_cases(tm, DATETIME_CASES + NON_ANSI_CASES)


@pytest.mark.parametrize("col, error", [
    (F.extract(F.lit("fortnight"), "d"), "INVALID_EXTRACT_FIELD"),
    (F.timestamp_add("EON", F.lit(1), "t"), "DATETIME_UNIT"),
    (F.date_part(F.col("str"), "d"), "NON_FOLDABLE_INPUT"),
])
def test_datetime_errors(tm, col, error):
    with pytest.raises(Exception, match=error):
        tm.select(col).collect()
