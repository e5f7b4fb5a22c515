"""Date and time functions."""

from typing import Any, Optional

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
unix_date = _unary("unix_date")


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


__all__ = [n for n, v in list(globals().items())
           if callable(v) and getattr(v, "__module__", None) == __name__ and not n.startswith("_")]
