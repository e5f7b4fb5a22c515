"""Table-driven checks for ``ember.sql.functions``: many expressions evaluated in one query.

A case is ``(column, name, type, values)``: the column's default name and simple type string
as PySpark 4.3 gives them, and its value for each input row (the expected tables were
checked against PySpark). Values compare after ``norm``: structs as tuples, maps as dicts,
dates and timestamps as their ``str``, floats rounded to 9 places.
"""

import datetime
import decimal


def R(*values):
    """A struct value in an expected table."""
    return tuple(values)


def norm(v):
    if isinstance(v, tuple):
        return tuple(norm(x) for x in v)
    if isinstance(v, list):
        return [norm(x) for x in v]
    if isinstance(v, dict):
        return {norm(k): norm(x) for k, x in v.items()}
    if isinstance(v, float):
        return round(v, 9) if v == v else "NaN"
    if isinstance(v, (datetime.date, datetime.datetime, decimal.Decimal)):
        return str(v)
    return v


def check_cases(df, cases, order_by=None):
    """Selects every case's column at once (one job) and reports every mismatch together."""
    cols = [c.alias("c%d" % i) for i, (c, _, _, _) in enumerate(cases)]
    out = df.select(*cols)
    rows = out.collect()
    failures = []
    for i, (c, name, type_, values) in enumerate(cases):
        got_name = df.select(c).columns[0]
        got_type = out.schema.fields[i].dataType.simpleString()
        got = [norm(r[i]) for r in rows]
        if (got_name, got_type, got) != (name, type_, norm(values)):
            failures.append("%s: expected %r %r %r, got %r %r %r"
                            % (name, name, type_, values, got_name, got_type, got))
    assert not failures, "\n".join(failures)


def check_groups(df, key, cases):
    """Aggregate cases: ``values`` are per group of ``key``, in key order."""
    aggs = [c.alias("c%d" % i) for i, (c, _, _, _) in enumerate(cases)]
    out = df.groupBy(key).agg(*aggs).orderBy(key)
    rows = out.collect()
    failures = []
    for i, (c, name, type_, values) in enumerate(cases):
        got_name = df.groupBy(key).agg(c).columns[1]
        got_type = out.schema.fields[i + 1].dataType.simpleString()
        got = [norm(r[i + 1]) for r in rows]
        if (got_name, got_type, got) != (name, type_, norm(values)):
            failures.append("%s: expected %r %r %r, got %r %r %r"
                            % (name, name, type_, values, got_name, got_type, got))
    assert not failures, "\n".join(failures)
