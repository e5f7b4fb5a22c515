"""String and binary functions."""

from typing import Any, Optional

from ember.sql.column import Column, fn, to_expr
from ember.sql.functions.base import call, call_values
from ember.sql.literals import literal


def _unary(name: str):
    def f(col: Any) -> Column:
        return call(name, col)
    f.__name__ = f.__qualname__ = name
    f.__doc__ = "``%s`` of a string column." % name
    return f


upper = _unary("upper")
lower = _unary("lower")
trim = _unary("trim")
ltrim = _unary("ltrim")
rtrim = _unary("rtrim")
length = _unary("length")
char_length = _unary("char_length")
octet_length = _unary("octet_length")
bit_length = _unary("bit_length")
initcap = _unary("initcap")
ascii = _unary("ascii")
soundex = _unary("soundex")
md5 = _unary("md5")
sha1 = _unary("sha1")
crc32 = _unary("crc32")
base64 = _unary("base64")
unbase64 = _unary("unbase64")


def concat(*cols: Any) -> Column:
    return call("concat", *cols)


def concat_ws(sep: str, *cols: Any) -> Column:
    return fn("concat_ws", literal(sep), *[to_expr(c) for c in cols])


def substring(str: Any, pos: Any, len: Any) -> Column:
    """``len`` characters from 1-based ``pos``."""
    return call_values("substring", str, pos, len)


def substring_index(str: Any, delim: str, count: int) -> Column:
    return call_values("substring_index", str, delim, count)


def split(str: Any, pattern: str, limit: Any = -1) -> Column:
    return call_values("split", str, pattern, limit)


def regexp_replace(string: Any, pattern: Any, replacement: Any) -> Column:
    return call_values("regexp_replace", string, pattern, replacement)


def regexp_extract(str: Any, pattern: str, idx: int) -> Column:
    return call_values("regexp_extract", str, pattern, idx)


def regexp_like(str: Any, regexp: Any) -> Column:
    return fn("regexp_like", to_expr(str), to_expr(regexp))


def format_string(format: str, *cols: Any) -> Column:
    return fn("format_string", literal(format), *[to_expr(c) for c in cols])


def format_number(col: Any, d: int) -> Column:
    return call_values("format_number", col, d)


def lpad(col: Any, len: Any, pad: Any) -> Column:
    return call_values("lpad", col, len, pad)


def rpad(col: Any, len: Any, pad: Any) -> Column:
    return call_values("rpad", col, len, pad)


def instr(str: Any, substr: Any) -> Column:
    return call_values("instr", str, substr)


def locate(substr: str, str: Any, pos: int = 1) -> Column:
    return fn("locate", literal(substr), to_expr(str), literal(pos))


def sha2(col: Any, numBits: int) -> Column:
    return call_values("sha2", col, numBits)


def repeat(col: Any, n: Any) -> Column:
    return call_values("repeat", col, n)


def translate(srcCol: Any, matching: str, replace: str) -> Column:
    return call_values("translate", srcCol, matching, replace)


def levenshtein(left: Any, right: Any, threshold: Optional[int] = None) -> Column:
    if threshold is None:
        return call("levenshtein", left, right)
    return fn("levenshtein", to_expr(left), to_expr(right), literal(threshold))


def encode(col: Any, charset: str) -> Column:
    return call_values("encode", col, charset)


def decode(col: Any, charset: str) -> Column:
    return call_values("decode", col, charset)


def startswith(str: Any, prefix: Any) -> Column:
    return call("startswith", str, prefix)


def endswith(str: Any, suffix: Any) -> Column:
    return call("endswith", str, suffix)


def contains(left: Any, right: Any) -> Column:
    return call("contains", left, right)


def left(str: Any, len: Any) -> Column:
    return call("left", str, len)


def right(str: Any, len: Any) -> Column:
    return call("right", str, len)


def get_json_object(col: Any, path: str) -> Column:
    return call_values("get_json_object", col, path)


def to_json(col: Any, options: Optional[dict] = None) -> Column:
    return call("to_json", col) if not options else \
        call_values("to_json", col, {k: str(v) for k, v in options.items()})


def from_json(col: Any, schema: Any, options: Optional[dict] = None) -> Column:
    """Parses JSON strings by ``schema`` (a DataType or a DDL string)."""
    text = schema if isinstance(schema, str) else schema.simpleString()
    if not options:
        return call_values("from_json", col, text)
    return fn("from_json", to_expr(col), literal(text),
              fn("map", *[literal(x) for kv in options.items() for x in (kv[0], str(kv[1]))])._expr)


__all__ = [n for n, v in list(globals().items())
           if callable(v) and getattr(v, "__module__", None) == __name__ and not n.startswith("_")]
