"""Date and time functions."""

from typing import Any, Optional

from ember.errors import PySparkTypeError, PySparkValueError
from ember.sql.column import Column, fn, to_expr
from ember.sql.functions.base import call, call_values
from ember.sql.literals import literal


def _unary(name: str):
    def f(col: Any) -> Column:
        return call(name, col)
    f.__name__ = f.__qualname__ = name
    f.__doc__ = "``%s`` of a date or timestamp column." % name
    return f


year = _unary("year")
quarter = _unary("quarter")
month = _unary("month")
dayofmonth = _unary("dayofmonth")
day = _unary("day")
dayofweek = _unary("dayofweek")
dayofyear = _unary("dayofyear")
weekofyear = _unary("weekofyear")
hour = _unary("hour")
minute = _unary("minute")
second = _unary("second")
last_day = _unary("last_day")
timestamp_seconds = _unary("timestamp_seconds")
timestamp_millis = _unary("timestamp_millis")
timestamp_micros = _unary("timestamp_micros")
unix_date = _unary("unix_date")
unix_seconds = _unary("unix_seconds")
unix_millis = _unary("unix_millis")
unix_micros = _unary("unix_micros")
dayname = _unary("dayname")
monthname = _unary("monthname")
weekday = _unary("weekday")


def date_from_unix_date(days: Any) -> Column:
    return call("date_from_unix_date", days)


def curdate() -> Column:
    return fn("curdate")


def current_timezone() -> Column:
    return fn("current_timezone")


def localtimestamp() -> Column:
    return fn("localtimestamp")


def date_diff(end: Any, start: Any) -> Column:
    return call("date_diff", end, start)


def dateadd(start: Any, days: Any) -> Column:
    return fn("dateadd", to_expr(start), days._expr if isinstance(days, Column) else
              to_expr(days) if isinstance(days, str) else literal(days))


def _field(field: Any) -> Any:
    return field._expr if isinstance(field, Column) else literal(field)


def date_part(field: Any, source: Any) -> Column:
    """A field (``YEAR``, ``MONTH``, ``DOW``, ``SECOND``, ...) of a date or timestamp."""
    return fn("date_part", _field(field), to_expr(source))


def datepart(field: Any, source: Any) -> Column:
    return fn("datepart", _field(field), to_expr(source))


def extract(field: Any, source: Any) -> Column:
    return fn("extract", _field(field), to_expr(source))


def _make_timestamp(name: str, parts: tuple, timezone: Any = None) -> Column:
    if any(p is None for p in parts):
        raise PySparkValueError(errorClass="CANNOT_BE_NONE",
                                messageParameters={"arg_name": "years, months, days, hours, mins, secs"})
    args = [to_expr(p) for p in parts]
    if timezone is not None:
        args.append(to_expr(timezone))
    return fn(name, *args)


def make_timestamp(years: Any = None, months: Any = None, days: Any = None, hours: Any = None,
                   mins: Any = None, secs: Any = None, timezone: Any = None, date: Any = None,
                   time: Any = None) -> Column:
    return _make_timestamp("make_timestamp", (years, months, days, hours, mins, secs), timezone)


def make_timestamp_ltz(years: Any, months: Any, days: Any, hours: Any, mins: Any, secs: Any,
                       timezone: Any = None) -> Column:
    return _make_timestamp("make_timestamp_ltz", (years, months, days, hours, mins, secs), timezone)


def make_timestamp_ntz(years: Any = None, months: Any = None, days: Any = None, hours: Any = None,
                       mins: Any = None, secs: Any = None, date: Any = None, time: Any = None) -> Column:
    return _make_timestamp("make_timestamp_ntz", (years, months, days, hours, mins, secs))


def try_make_timestamp(years: Any = None, months: Any = None, days: Any = None, hours: Any = None,
                       mins: Any = None, secs: Any = None, timezone: Any = None, date: Any = None,
                       time: Any = None) -> Column:
    return _make_timestamp("try_make_timestamp", (years, months, days, hours, mins, secs), timezone)


def try_make_timestamp_ltz(years: Any, months: Any, days: Any, hours: Any, mins: Any, secs: Any,
                           timezone: Any = None) -> Column:
    return _make_timestamp("try_make_timestamp_ltz", (years, months, days, hours, mins, secs), timezone)


def try_make_timestamp_ntz(years: Any = None, months: Any = None, days: Any = None, hours: Any = None,
                           mins: Any = None, secs: Any = None, date: Any = None, time: Any = None) -> Column:
    return _make_timestamp("try_make_timestamp_ntz", (years, months, days, hours, mins, secs))


def _with_format_col(name: str, col: Any, format: Any) -> Column:
    if format is None:
        return call(name, col)
    return fn(name, to_expr(col), format._expr if isinstance(format, Column) else literal(format))


def to_timestamp_ltz(timestamp: Any, format: Any = None) -> Column:
    return _with_format_col("to_timestamp_ltz", timestamp, format)


def to_timestamp_ntz(timestamp: Any, format: Any = None) -> Column:
    return _with_format_col("to_timestamp_ntz", timestamp, format)


def try_to_timestamp(col: Any, format: Any = None) -> Column:
    return _with_format_col("try_to_timestamp", col, format)


def try_to_date(col: Any, format: Optional[str] = None) -> Column:
    return _with_format_col("try_to_date", col, format)


def to_unix_timestamp(timestamp: Any, format: Any = None) -> Column:
    return _with_format_col("to_unix_timestamp", timestamp, format)


def convert_timezone(sourceTz: Any, targetTz: Any, sourceTs: Any) -> Column:
    """``sourceTs`` read in ``sourceTz`` (the session's when None) as a wall clock in ``targetTz``."""
    if sourceTz is None:
        return fn("convert_timezone", to_expr(targetTz), to_expr(sourceTs))
    return fn("convert_timezone", to_expr(sourceTz), to_expr(targetTz), to_expr(sourceTs))


def timestamp_add(unit: str, quantity: Any, ts: Any) -> Column:
    return fn("timestampadd", literal(unit), to_expr(quantity), to_expr(ts))


def timestamp_diff(unit: str, start: Any, end: Any) -> Column:
    return fn("timestampdiff", literal(unit), to_expr(start), to_expr(end))


def current_date() -> Column:
    return fn("current_date")


def current_timestamp() -> Column:
    return fn("current_timestamp")


now = current_timestamp


def _with_format(name: str, col: Any, format: Optional[str]) -> Column:
    return call(name, col) if format is None else call_values(name, col, format)


def to_date(col: Any, format: Optional[str] = None) -> Column:
    return _with_format("to_date", col, format)


def to_timestamp(col: Any, format: Optional[str] = None) -> Column:
    return _with_format("to_timestamp", col, format)


def date_format(date: Any, format: str) -> Column:
    return call_values("date_format", date, format)


def datediff(end: Any, start: Any) -> Column:
    return call("datediff", end, start)


def date_add(start: Any, days: Any) -> Column:
    return call_values("date_add", start, days)


def date_sub(start: Any, days: Any) -> Column:
    return call_values("date_sub", start, days)


def add_months(start: Any, months: Any) -> Column:
    return call_values("add_months", start, months)


def months_between(date1: Any, date2: Any, roundOff: bool = True) -> Column:
    return fn("months_between", to_expr(date1), to_expr(date2), literal(roundOff))


def next_day(date: Any, dayOfWeek: str) -> Column:
    return call_values("next_day", date, dayOfWeek)


def trunc(date: Any, format: str) -> Column:
    return call_values("trunc", date, format)


def date_trunc(format: str, timestamp: Any) -> Column:
    return fn("date_trunc", literal(format), to_expr(timestamp))


def unix_timestamp(timestamp: Any = None, format: str = "yyyy-MM-dd HH:mm:ss") -> Column:
    if timestamp is None:
        return fn("unix_timestamp", fn("current_timestamp")._expr, literal(format))
    return call_values("unix_timestamp", timestamp, format)


def from_unixtime(timestamp: Any, format: str = "yyyy-MM-dd HH:mm:ss") -> Column:
    return call_values("from_unixtime", timestamp, format)


def from_utc_timestamp(timestamp: Any, tz: Any) -> Column:
    return call_values("from_utc_timestamp", timestamp, tz)


def to_utc_timestamp(timestamp: Any, tz: Any) -> Column:
    return call_values("to_utc_timestamp", timestamp, tz)


def make_date(year: Any, month: Any, day: Any) -> Column:
    return call("make_date", year, month, day)


def window(timeColumn: Any, windowDuration: str, slideDuration: Optional[str] = None,
           startTime: Optional[str] = None) -> Column:
    """The time window of a timestamp as ``struct<start, end>``, for grouping:
    ``df.groupBy(F.window("ts", "10 minutes")).count()``; sliding when ``slideDuration`` is
    shorter than the window (a row counts in every window that holds it). Rows with a null
    timestamp are dropped, as in PySpark."""
    for name, value in (("windowDuration", windowDuration), ("slideDuration", slideDuration),
                        ("startTime", startTime)):
        if value is not None and not isinstance(value, str):
            raise PySparkTypeError(errorClass="NOT_STR", messageParameters={
                "arg_name": name, "arg_type": type(value).__name__})
    args = [windowDuration]
    if slideDuration is not None or startTime is not None:
        args.append(slideDuration if slideDuration is not None else windowDuration)
    if startTime is not None:
        args.append(startTime)
    return call_values("window", timeColumn, *args)


def session_window(timeColumn: Any, gapDuration: Any) -> Column:
    """The session window of each event, as ``struct<start, end>``, for grouping:
    ``df.groupBy("user", F.session_window("ts", "10 minutes")).count()``. A session closes
    after ``gapDuration`` without an event; the gap is a string (``'10 minutes'``) or a column
    giving one per row (a dynamic gap)."""
    for name, value in (("timeColumn", timeColumn), ("gapDuration", gapDuration)):
        if value is None or not isinstance(value, (str, Column)):
            raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR", messageParameters={
                "arg_name": name, "arg_type": type(value).__name__})
    return call_values("session_window", timeColumn, gapDuration)


def window_time(windowColumn: Any) -> Column:
    """The event time of a ``window``/``session_window`` column: its end minus one microsecond."""
    return call("window_time", windowColumn)


def _zero(c: Any, secs: bool = False) -> Any:
    import decimal
    from ember.sql.functions.core import lit
    return (lit(decimal.Decimal(0)) if secs else lit(0)) if c is None else c


def make_dt_interval(days: Any = None, hours: Any = None, mins: Any = None,
                     secs: Any = None) -> Column:
    """A day-time interval (``datetime.timedelta`` when collected) from days, hours, minutes and
    seconds; missing parts are 0, as in PySpark."""
    return call("make_dt_interval", _zero(days), _zero(hours), _zero(mins), _zero(secs, True))


def make_ym_interval(years: Any = None, months: Any = None) -> Column:
    """A year-month interval from years and months (missing parts are 0)."""
    return call("make_ym_interval", _zero(years), _zero(months))


def make_interval(years: Any = None, months: Any = None, weeks: Any = None, days: Any = None,
                  hours: Any = None, mins: Any = None, secs: Any = None) -> Column:
    """A calendar interval (Spark's ``interval`` type) from its parts (missing parts are 0)."""
    return call("make_interval", _zero(years), _zero(months), _zero(weeks), _zero(days),
                _zero(hours), _zero(mins), _zero(secs, True))


def try_make_interval(years: Any = None, months: Any = None, weeks: Any = None,
                      days: Any = None, hours: Any = None, mins: Any = None,
                      secs: Any = None) -> Column:
    """``make_interval`` giving null instead of an overflow error."""
    return call("try_make_interval", _zero(years), _zero(months), _zero(weeks), _zero(days),
                _zero(hours), _zero(mins), _zero(secs, True))


__all__ = [n for n, v in list(globals().items())
           if callable(v) and getattr(v, "__module__", None) == __name__ and not n.startswith("_")]
