"""Runs a family of ``cases`` in one ``select`` and compares each column with the PySpark
answer stored in ``expected_<family>.py`` (written by ``reference.py``)."""

import importlib
import math

from ember.sql import functions as F
from ember.sql.types import Row

from tests.functions_a import cases


def _same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b or abs(a - b) <= 1e-12 * max(abs(a), abs(b))
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (bytes, bytearray)) and isinstance(b, (bytes, bytearray)):
        return bytes(a) == bytes(b)
    return a == b


def check_family(spark, family):
    expected = importlib.import_module("tests.functions_a.expected_" + family).EXPECTED
    df = spark.createDataFrame(cases.rows(), cases.COLUMNS).coalesce(1)
    good = [e for e in expected if e[1] != "ERROR"]
    out = df.select(*[eval(code, {"F": F}) for code, *_ in good])
    rows = out.collect()
    problems = []
    for i, (code, name, type_name, values) in enumerate(good):
        got = [r[i] for r in rows]
        got_type = out.schema[i].dataType.simpleString()
        if out.columns[i] != name or got_type != type_name or not _same(got, values):
            problems.append("%s: got %r %s %r, want %r %s %r" % (
                code, out.columns[i], got_type, got, name, type_name, values))
    assert not problems, "\n".join(problems)
