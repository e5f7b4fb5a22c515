"""ANSI interval types and arithmetic, checked against PySpark 4.3's answers (session time
zone UTC): literals, show() text, collected values, casts, arithmetic, aggregates, make_*
functions and EXTRACT."""

import datetime

import pytest

from ember.errors import AnalysisException, ParseException, PySparkNotImplementedError
from ember.sql import functions as F
from ember.sql.types import (CalendarIntervalType, DayTimeIntervalType, StructField, StructType,
                             YearMonthIntervalType, _parse_datatype_string)

td = datetime.timedelta


@pytest.fixture
def utc(spark):
    old = spark.conf.get("spark.sql.session.timeZone", None)
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    yield spark
    if old is None:
        spark.conf.unset("spark.sql.session.timeZone")
    else:
        spark.conf.set("spark.sql.session.timeZone", old)


def strings(spark, sql):
    return [tuple(r) for r in spark.sql(
        "SELECT " + ", ".join("CAST(%s AS STRING)" % c for c in sql.split(" ;; "))).collect()][0]


def test_literal_types_names_and_values(utc):
    df = utc.sql("SELECT INTERVAL '1 2:03:04' DAY TO SECOND, INTERVAL 3 HOURS 4 MINUTES, "
                 "INTERVAL '1.5' SECOND, INTERVAL 2 WEEKS, INTERVAL '10' MINUTE, "
                 "INTERVAL '0 0:0:0.000001' DAY TO SECOND")
    assert df.schema.simpleString() == (
        "struct<INTERVAL '1 02:03:04' DAY TO SECOND:interval day to second,"
        "INTERVAL '03:04' HOUR TO MINUTE:interval hour to minute,"
        "INTERVAL '01.5' SECOND:interval second,INTERVAL '14' DAY:interval day,"
        "INTERVAL '10' MINUTE:interval minute,"
        "INTERVAL '0 00:00:00.000001' DAY TO SECOND:interval day to second>")
    assert tuple(df.collect()[0]) == (td(days=1, seconds=7384), td(seconds=11040),
                                      td(seconds=1, microseconds=500000), td(days=14),
                                      td(seconds=600), td(microseconds=1))
    ym = utc.sql("SELECT INTERVAL '1-2' YEAR TO MONTH, INTERVAL '5' YEAR, INTERVAL '5' MONTH, "
                 "INTERVAL '-1-2' YEAR TO MONTH, INTERVAL 1 YEAR 2 MONTHS")
    assert ym.columns == ["INTERVAL '1-2' YEAR TO MONTH", "INTERVAL '5' YEAR", "INTERVAL '5' MONTH",
                          "INTERVAL '-1-2' YEAR TO MONTH", "INTERVAL '1-2' YEAR TO MONTH"]
    assert [f.dataType for f in ym.schema.fields] == [
        YearMonthIntervalType(0, 1), YearMonthIntervalType(0, 0), YearMonthIntervalType(1, 1),
        YearMonthIntervalType(0, 1), YearMonthIntervalType(0, 1)]


def test_year_month_values_are_not_collected_as_in_pyspark(utc):
    with pytest.raises(PySparkNotImplementedError, match="YearMonthIntervalType.fromInternal"):
        utc.sql("SELECT INTERVAL '1-2' YEAR TO MONTH").collect()


def test_mixing_families_in_a_literal_is_a_parse_error(utc):
    with pytest.raises(ParseException, match="Cannot mix year-month and day-time fields"):
        utc.sql("SELECT INTERVAL 1 YEAR 2 DAYS")


def test_show_and_cast_to_string(utc):
    assert strings(utc, "INTERVAL '1 2:03:04' DAY TO SECOND ;; INTERVAL '1-2' YEAR TO MONTH ;; "
                        "INTERVAL '-3' HOUR ;; INTERVAL '1 2' DAY TO HOUR ;; -INTERVAL '1' DAY") == (
        "INTERVAL '1 02:03:04' DAY TO SECOND", "INTERVAL '1-2' YEAR TO MONTH", "INTERVAL '-03' HOUR",
        "INTERVAL '1 02' DAY TO HOUR", "INTERVAL '-1' DAY")


def test_show_prints_intervals(utc, capsys):
    utc.sql("SELECT INTERVAL '1' DAY a, INTERVAL '1' HOUR b, INTERVAL '1-2' YEAR TO MONTH c, "
            "INTERVAL '-3' MINUTE d").show(truncate=False)
    out = capsys.readouterr().out
    assert "|INTERVAL '1' DAY|INTERVAL '01' HOUR|INTERVAL '1-2' YEAR TO MONTH|INTERVAL '-03' MINUTE|" in out


def test_casts(utc):
    r = utc.sql("SELECT CAST('1 2:03:04' AS INTERVAL DAY TO SECOND) a, "
                "CAST('INTERVAL ''1 2:03:04'' DAY TO SECOND' AS INTERVAL DAY TO SECOND) b, "
                "CAST('3' AS INTERVAL HOUR) c, "
                "CAST(INTERVAL '1 2:03:04' DAY TO SECOND AS INTERVAL HOUR) d, "
                "CAST(INTERVAL '1 2:03:04' DAY TO SECOND AS INTERVAL DAY) e, "
                "CAST(INTERVAL '1' DAY AS BIGINT) f, CAST(INTERVAL '3' MONTH AS INT) g, "
                "CAST(5 AS INTERVAL DAY) h").collect()[0]
    assert tuple(r) == (td(days=1, seconds=7384), td(days=1, seconds=7384), td(hours=3),
                        td(days=1, hours=2), td(days=1), 1, 3, td(days=5))
    assert strings(utc, "CAST('1-2' AS INTERVAL YEAR TO MONTH) ;; CAST(14 AS INTERVAL MONTH)") == (
        "INTERVAL '1-2' YEAR TO MONTH", "INTERVAL '14' MONTH")
    with pytest.raises(Exception, match="INVALID_INTERVAL_FORMAT"):
        utc.sql("SELECT CAST('bad' AS INTERVAL DAY TO SECOND)").collect()


def test_datetime_plus_minus_interval(utc):
    r = utc.sql("SELECT TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1 2:03:04' DAY TO SECOND a, "
                "TIMESTAMP '2024-01-31 00:00:00' + INTERVAL '1' MONTH b, "
                "DATE '2024-01-31' + INTERVAL '1' MONTH c, DATE '2024-01-31' + INTERVAL '1' DAY d, "
                "DATE '2024-01-31' + INTERVAL '3' HOUR e, DATE '2024-01-31' - INTERVAL '1-1' YEAR TO MONTH f, "
                "INTERVAL '1 2:03:04' DAY TO SECOND + TIMESTAMP '2024-01-01 00:00:00' g, "
                "TIMESTAMP_NTZ '2024-01-01 00:00:00' + INTERVAL '1' DAY h, "
                "TIMESTAMP '2024-01-01 00:00:00' - INTERVAL '1-1' YEAR TO MONTH - INTERVAL '1' HOUR i, "
                "DATE '1998-12-01' - INTERVAL '90' DAY j")
    assert [f.dataType.simpleString() for f in r.schema.fields] == [
        "timestamp", "timestamp", "date", "date", "timestamp", "date", "timestamp", "timestamp_ntz",
        "timestamp", "date"]
    dt, d = datetime.datetime, datetime.date
    assert tuple(r.collect()[0]) == (dt(2024, 1, 2, 2, 3, 4), dt(2024, 2, 29), d(2024, 2, 29),
                                     d(2024, 2, 1), dt(2024, 1, 31, 3), d(2022, 12, 31),
                                     dt(2024, 1, 2, 2, 3, 4), dt(2024, 1, 2), dt(2022, 11, 30, 23),
                                     d(1998, 9, 2))


def test_datetime_differences_are_day_time_intervals(utc):
    r = utc.sql("SELECT TIMESTAMP '2024-01-02 03:00:00' - TIMESTAMP '2024-01-01 00:00:00' a, "
                "DATE '2024-03-01' - DATE '2024-01-01' b, "
                "TIMESTAMP_NTZ '2024-01-02 00:00:00' - TIMESTAMP_NTZ '2024-01-01 00:00:01' c, "
                "DATE '2024-01-01' - TIMESTAMP '2023-12-31 12:00:00' d")
    assert [f.dataType for f in r.schema.fields] == [
        DayTimeIntervalType(0, 3), DayTimeIntervalType(0, 0), DayTimeIntervalType(0, 3),
        DayTimeIntervalType(0, 3)]
    assert tuple(r.collect()[0]) == (td(days=1, hours=3), td(days=60), td(seconds=86399), td(hours=12))
    assert utc.sql("SELECT TIMESTAMP_NTZ '2024-01-02 00:00:00' - TIMESTAMP_NTZ '2024-01-01 00:00:01'").columns \
        == ["(TIMESTAMP_NTZ '2024-01-02 00:00:00' - TIMESTAMP_NTZ '2024-01-01 00:00:01')"]
    ts = utc.createDataFrame([(datetime.datetime(2024, 1, 1), datetime.datetime(2024, 1, 2, 3, 4, 5, 6))],
                             ["a", "b"])
    assert ts.select((F.col("b") - F.col("a")).alias("d")).collect()[0].d == \
        td(days=1, seconds=11045, microseconds=6)


def test_interval_arithmetic_and_comparisons(utc):
    r = utc.sql("SELECT INTERVAL '1 2:03:04' DAY TO SECOND * 2 a, INTERVAL '1 2:03:04' DAY TO SECOND / 3 b, "
                "INTERVAL '1' DAY * 1.5D c, 2 * INTERVAL '1' HOUR d, INTERVAL '1' DAY + INTERVAL '2' HOUR e, "
                "INTERVAL '1' DAY > INTERVAL '23' HOUR f, INTERVAL '1' DAY = INTERVAL '24' HOUR g, "
                "INTERVAL '1' YEAR = INTERVAL '12' MONTH h")
    assert r.schema["e"].dataType == DayTimeIntervalType(0, 1)
    assert r.schema["d"].dataType == DayTimeIntervalType(0, 3)
    assert tuple(r.collect()[0]) == (td(days=2, seconds=14768), td(seconds=31261, microseconds=333333),
                                     td(days=1, hours=12), td(hours=2), td(days=1, hours=2), True, True, True)
    assert strings(utc, "INTERVAL '1-2' YEAR TO MONTH * 1.5 ;; INTERVAL '1-2' YEAR TO MONTH / 4 ;; "
                        "INTERVAL '1' YEAR + INTERVAL '2' MONTH") == (
        "INTERVAL '1-9' YEAR TO MONTH", "INTERVAL '0-4' YEAR TO MONTH", "INTERVAL '1-2' YEAR TO MONTH")
    with pytest.raises(Exception, match="INTERVAL_DIVIDED_BY_ZERO"):
        utc.sql("SELECT INTERVAL '1 2:03:04' DAY TO SECOND / 0").collect()
    with pytest.raises(AnalysisException, match="BINARY_OP_DIFF_TYPES"):
        utc.sql("SELECT INTERVAL '1' DAY - INTERVAL '1' MONTH")


def test_aggregates_and_ordering(utc):
    r = utc.sql("SELECT sum(x), avg(x), max(x), min(x) FROM VALUES (INTERVAL '1' DAY), (INTERVAL '2' HOUR), "
                "(NULL) AS t(x)")
    assert [f.dataType for f in r.schema.fields] == [
        DayTimeIntervalType(0, 1), DayTimeIntervalType(0, 3), DayTimeIntervalType(0, 1),
        DayTimeIntervalType(0, 1)]
    assert tuple(r.collect()[0]) == (td(days=1, hours=2), td(hours=13), td(days=1), td(hours=2))
    ym = utc.sql("SELECT CAST(sum(x) AS STRING), CAST(avg(x) AS STRING) FROM VALUES (INTERVAL '1' YEAR), "
                 "(INTERVAL '2' MONTH) AS t(x)").collect()[0]
    assert tuple(ym) == ("INTERVAL '1-2' YEAR TO MONTH", "INTERVAL '0-7' YEAR TO MONTH")
    empty = utc.sql("SELECT sum(x), avg(x) FROM VALUES (INTERVAL '1' DAY) AS t(x) WHERE false").collect()[0]
    assert tuple(empty) == (None, None)
    ordered = utc.sql("SELECT x FROM VALUES (INTERVAL '1' DAY), (INTERVAL '2' HOUR), (INTERVAL '-3' MINUTE) "
                      "AS t(x) ORDER BY x")
    assert ordered.schema["x"].dataType == DayTimeIntervalType(0, 2)
    assert [r.x for r in ordered.collect()] == [td(minutes=-3), td(hours=2), td(days=1)]


def test_make_functions_and_extract(utc):
    r = utc.sql("SELECT make_dt_interval(1, 2, 3, 4.5) a, make_dt_interval(1) b, make_dt_interval() c, "
                "make_dt_interval(-1, 25, 0, 0) d").collect()[0]
    assert tuple(r) == (td(days=1, seconds=7384, microseconds=500000), td(days=1), td(0), td(hours=1))
    assert strings(utc, "make_ym_interval(1, 2) ;; make_ym_interval(1) ;; make_interval(1, 2, 3, 4, 5, 6, 7.5) ;; "
                        "make_interval(0, 0, 0, 1) ;; make_interval()") == (
        "INTERVAL '1-2' YEAR TO MONTH", "INTERVAL '1-0' YEAR TO MONTH",
        "1 years 2 months 25 days 5 hours 6 minutes 7.5 seconds", "1 days", "0 seconds")
    typed = utc.sql("SELECT typeof(make_interval(1))")
    assert typed.columns == ["typeof(make_interval(1, 0, 0, 0, 0, 0, 0.000000))"]
    assert typed.collect()[0][0] == "interval"
    ex = utc.sql("SELECT extract(DAY FROM INTERVAL '1 2:03:04' DAY TO SECOND) d, "
                 "extract(HOUR FROM INTERVAL '1 2:03:04' DAY TO SECOND) h, "
                 "extract(MINUTE FROM INTERVAL '1 2:03:04' DAY TO SECOND) mi, "
                 "extract(SECOND FROM INTERVAL '1 2:03:04.5' DAY TO SECOND) s, "
                 "extract(YEAR FROM INTERVAL '1-2' YEAR TO MONTH) y, "
                 "extract(MONTH FROM INTERVAL '-1-2' YEAR TO MONTH) nm, "
                 "extract(DAY FROM make_interval(1, 2, 3, 4, 5, 6, 7.5)) cd")
    assert ex.schema.simpleString() == "struct<d:int,h:tinyint,mi:tinyint,s:decimal(8,6),y:int,nm:tinyint,cd:int>"
    import decimal
    assert tuple(ex.collect()[0]) == (1, 2, 3, decimal.Decimal("4.500000"), 1, -2, 25)
    cal = utc.sql("SELECT TIMESTAMP '2024-01-01 00:00:00' + make_interval(0, 1, 0, 1, 2, 0, 0) a, "
                  "DATE '2024-01-31' + make_interval(0, 1) b").collect()[0]
    assert tuple(cal) == (datetime.datetime(2024, 2, 2, 2), datetime.date(2024, 2, 29))


def test_python_types_and_values(utc):
    assert repr(DayTimeIntervalType()) == "DayTimeIntervalType(0, 3)"
    assert repr(YearMonthIntervalType()) == "YearMonthIntervalType(0, 1)"
    assert repr(CalendarIntervalType()) == "CalendarIntervalType()"
    assert DayTimeIntervalType().json() == '"interval day to second"'
    assert YearMonthIntervalType(1).simpleString() == "interval month"
    assert _parse_datatype_string("interval hour") == DayTimeIntervalType(1, 1)
    assert _parse_datatype_string("interval year to month") == YearMonthIntervalType(0, 1)
    assert _parse_datatype_string("interval") == CalendarIntervalType()
    df = utc.createDataFrame([(td(days=1, seconds=5),), (None,)], ["d"])
    assert df.schema["d"].dataType == DayTimeIntervalType(0, 3)
    assert [r.d for r in df.collect()] == [td(days=1, seconds=5), None]
    hm = utc.createDataFrame([(td(hours=1),)], StructType([StructField(
        "d", DayTimeIntervalType(DayTimeIntervalType.HOUR, DayTimeIntervalType.MINUTE))]))
    assert hm.schema.simpleString() == "struct<d:interval hour to minute>"
    assert hm.collect()[0].d == td(hours=1)
    lit = utc.range(1).select(F.lit(td(days=2, microseconds=3)).alias("l"))
    assert lit.schema["l"].dataType == DayTimeIntervalType(0, 3)
    assert lit.collect()[0].l == td(days=2, microseconds=3)


def test_parquet_round_trip_keeps_interval_types(utc, tmp_path):
    df = utc.sql("SELECT INTERVAL '1 2:03:04' DAY TO SECOND a, INTERVAL '1-2' YEAR TO MONTH b, "
                 "INTERVAL '5' HOUR c, 1 AS i")
    df.write.parquet(str(tmp_path / "p"))
    back = utc.read.parquet(str(tmp_path / "p"))
    assert back.schema.simpleString() == \
        "struct<a:interval day to second,b:interval year to month,c:interval hour,i:int>"
    assert tuple(back.selectExpr("CAST(a AS STRING)", "CAST(b AS STRING)", "c").collect()[0]) == (
        "INTERVAL '1 02:03:04' DAY TO SECOND", "INTERVAL '1-2' YEAR TO MONTH", td(hours=5))


def test_json_reads_intervals_by_schema(utc, tmp_path):
    df = utc.sql("SELECT INTERVAL '1 2:03:04' DAY TO SECOND a, INTERVAL '1-2' YEAR TO MONTH b, 1 AS i")
    df.write.json(str(tmp_path / "j"))
    typed = utc.read.schema(df.schema).json(str(tmp_path / "j"))
    assert typed.selectExpr("a", "CAST(b AS STRING) b").collect()[0] == (
        td(days=1, seconds=7384), "INTERVAL '1-2' YEAR TO MONTH")


def test_python_make_functions(utc):
    df = utc.range(1)
    r = df.select(F.make_dt_interval(F.lit(1), F.lit(2), F.lit(3), F.lit(4.5)).alias("x"),
                  F.make_dt_interval(F.lit(1)))
    assert r.columns == ["x", "make_dt_interval(1, 0, 0, 0)"]
    assert tuple(r.collect()[0]) == (td(days=1, seconds=7384, microseconds=500000), td(days=1))
    m = df.select(F.make_interval(F.lit(1), F.lit(2)), F.make_ym_interval(F.lit(1), F.lit(2)).cast("string"))
    assert m.columns[0] == "make_interval(1, 2, 0, 0, 0, 0, 0)"
    assert m.schema.fields[0].dataType == CalendarIntervalType()
    assert m.select(m.columns[0]).selectExpr("CAST(`%s` AS STRING)" % m.columns[0]).collect()[0][0] == \
        "1 years 2 months"
    with pytest.raises(PySparkNotImplementedError, match="CalendarIntervalType.fromInternal"):
        m.collect()
    t = utc.sql("SELECT CAST(try_make_interval(2147483647, 1) AS STRING)").collect()[0][0]
    assert t is None


def test_date_part_and_bad_extract_fields(utc):
    import decimal
    r = utc.sql("SELECT date_part('day', INTERVAL '-1 2:03:04' DAY TO SECOND) nd, "
                "date_part('SECONDS', INTERVAL '1 2:03:04.5' DAY TO SECOND) s").collect()[0]
    assert tuple(r) == (-1, decimal.Decimal("4.500000"))
    with pytest.raises(AnalysisException, match="INVALID_EXTRACT_FIELD"):
        utc.sql("SELECT extract(HOUR FROM INTERVAL '1-2' YEAR TO MONTH)")


def test_json_writes_intervals_as_their_text(utc, tmp_path):
    df = utc.sql("SELECT INTERVAL '1 2:03:04' DAY TO SECOND a, INTERVAL '1-2' YEAR TO MONTH b, 1 AS i")
    df.write.json(str(tmp_path / "j"))
    j = utc.read.json(str(tmp_path / "j"))
    assert sorted(tuple(j.collect()[0].asDict().items())) == [
        ("a", "INTERVAL '1 02:03:04' DAY TO SECOND"), ("b", "INTERVAL '1-2' YEAR TO MONTH"), ("i", 1)]


def _events(spark):
    t = lambda s: datetime.datetime(2024, 1, 1, 0, 0, s)  # noqa: E731
    return spark.createDataFrame([("a", t(0)), ("a", t(10)), ("a", t(25)), ("a", t(30)), ("b", t(5)),
                                  ("b", None), ("a", t(50))], ["k", "ts"])


def _sessions(df):
    return sorted((r[0], r[1].start.second if r[1] else None, r[1].end.second if r[1] else None, r[2])
                  if len(r) == 3 else (None, r[0].start.second, r[0].end.second, r[1]) for r in df.collect())


def test_session_window_static_gap(utc):
    df = _events(utc).groupBy("k", F.session_window("ts", "10 seconds")).agg(F.count("*").alias("n"))
    assert df.schema.simpleString() == \
        "struct<k:string,session_window:struct<start:timestamp,end:timestamp>,n:bigint>"
    # PySpark 4.3: an event starting exactly at the session's end joins it
    assert _sessions(df) == [("a", 0, 20, 2), ("a", 25, 40, 2), ("a", 50, 0, 1), ("b", 5, 15, 1)]
    everyone = _events(utc).groupBy(F.session_window("ts", "10 seconds")).count()
    assert everyone.columns == ["session_window", "count"]
    assert _sessions(everyone) == [(None, 0, 20, 3), (None, 25, 40, 2), (None, 50, 0, 1)]


def test_session_window_dynamic_and_empty_gaps(utc):
    gap = F.when(F.col("k") == "a", "5 seconds").otherwise("20 seconds")
    df = _events(utc).groupBy("k", F.session_window("ts", gap)).count()
    assert _sessions(df) == [("a", 0, 5, 1), ("a", 10, 15, 1), ("a", 25, 35, 2), ("a", 50, 55, 1),
                             ("b", 5, 25, 1)]
    assert _events(utc).groupBy("k", F.session_window("ts", F.lit("0 seconds"))).count().collect() == []
    with pytest.raises(AnalysisException, match="must be CalendarIntervalType"):
        _events(utc).groupBy(F.session_window("ts", F.expr("INTERVAL '10' SECOND"))).count()


def test_session_window_in_sql_and_window_time(utc):
    t = lambda s: datetime.datetime(2024, 1, 1, 0, 0, s)  # noqa: E731
    utc.createDataFrame([("a", t(0)), ("a", t(10))], ["k", "ts"]).createOrReplaceTempView("iv_events")
    r = utc.sql("SELECT k, session_window.start, session_window.end, count(*) FROM iv_events "
                "GROUP BY k, session_window(ts, '10 seconds')")
    assert r.columns == ["k", "start", "end", "count(1)"]
    assert [tuple(x) for x in r.collect()] == [("a", t(0), t(20), 2)]
    w = _events(utc).groupBy(F.window("ts", "10 seconds")).count().select(F.window_time("window"), "count")
    assert w.columns == ["window_time(window)", "count"]
    assert sorted((r[0].second, r[0].microsecond, r[1]) for r in w.collect()) == [
        (9, 999999, 2), (19, 999999, 1), (29, 999999, 1), (39, 999999, 1), (59, 999999, 1)]
    s = _events(utc).groupBy("k", F.session_window("ts", "10 seconds")).count()\
        .select("k", F.window_time("session_window").alias("wt"))
    assert sorted((r.k, r.wt.second) for r in s.collect()) == [("a", 19), ("a", 39), ("a", 59), ("b", 14)]


def test_abs_of_intervals(utc):
    r = utc.sql("SELECT abs(INTERVAL '-1' DAY), CAST(abs(INTERVAL '-1-1' YEAR TO MONTH) AS STRING), "
                "abs(INTERVAL '2' HOUR)")
    assert r.columns[0] == "abs(INTERVAL '-1' DAY)"
    assert r.schema.fields[0].dataType == DayTimeIntervalType(0, 0)
    assert tuple(r.collect()[0]) == (td(days=1), "INTERVAL '1-1' YEAR TO MONTH", td(hours=2))
