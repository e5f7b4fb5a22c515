"""String and binary functions."""

from typing import Any, Optional

from ember.errors import PySparkNotImplementedError
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


def _call_opt(name: str, *cols: Any) -> Column:
    """``name`` over the columns given, leaving out trailing ``None``s (the JVM fills defaults)."""
    args = list(cols)
    while args and args[-1] is None:
        args.pop()
    return call(name, *args)


def _int_or_column(v: Any) -> dict:
    return literal(v) if isinstance(v, int) else to_expr(v)


ucase = _unary("ucase")
lcase = _unary("lcase")
character_length = _unary("character_length")
char = _unary("char")
chr = _unary("chr")
quote = _unary("quote")
url_encode = _unary("url_encode")
url_decode = _unary("url_decode")
try_url_decode = _unary("try_url_decode")
is_valid_utf8 = _unary("is_valid_utf8")
make_valid_utf8 = _unary("make_valid_utf8")
validate_utf8 = _unary("validate_utf8")
try_validate_utf8 = _unary("try_validate_utf8")


def btrim(str: Any, trim: Optional[Any] = None) -> Column:
    """``str`` without the characters of ``trim`` (spaces by default) at both ends."""
    return _call_opt("btrim", str, trim)


def elt(*inputs: Any) -> Column:
    """The ``inputs[0]``-th (1-based) of the other inputs; null when out of range."""
    return call("elt", *inputs)


def find_in_set(str: Any, str_array: Any) -> Column:
    return call("find_in_set", str, str_array)


def overlay(src: Any, replace: Any, pos: Any, len: Any = -1) -> Column:
    """``src`` with ``len`` characters from ``pos`` replaced by ``replace``."""
    return fn("overlay", to_expr(src), to_expr(replace), _int_or_column(pos), _int_or_column(len))


def replace(src: Any, search: Any, replace: Optional[Any] = None) -> Column:
    return _call_opt("replace", src, search, replace)


def split_part(src: Any, delimiter: Any, partNum: Any) -> Column:
    return call("split_part", src, delimiter, partNum)


def substr(str: Any, pos: Any, len: Optional[Any] = None) -> Column:
    return _call_opt("substr", str, pos, len)


def position(substr: Any, str: Any, start: Optional[Any] = None) -> Column:
    return _call_opt("position", substr, str, start)


def printf(format: Any, *cols: Any) -> Column:
    return call("printf", format, *cols)


def _like(name: str, str: Any, pattern: Any, escapeChar: Optional[Any]) -> Column:
    if escapeChar is not None:
        raise PySparkNotImplementedError(errorClass="NOT_IMPLEMENTED",
                                         messageParameters={"feature": name + " with escapeChar"})
    return call(name, str, pattern)


def like(str: Any, pattern: Any, escapeChar: Optional[Any] = None) -> Column:
    return _like("like", str, pattern, escapeChar)


def ilike(str: Any, pattern: Any, escapeChar: Optional[Any] = None) -> Column:
    return _like("ilike", str, pattern, escapeChar)


def rlike(str: Any, regexp: Any) -> Column:
    return call("rlike", str, regexp)


def regexp(str: Any, regexp: Any) -> Column:
    return call("regexp", str, regexp)


def regexp_count(str: Any, regexp: Any) -> Column:
    return call("regexp_count", str, regexp)


def regexp_substr(str: Any, regexp: Any) -> Column:
    return call("regexp_substr", str, regexp)


def regexp_extract_all(str: Any, regexp: Any, idx: Optional[Any] = None) -> Column:
    return fn("regexp_extract_all", to_expr(str), to_expr(regexp),
              _int_or_column(1 if idx is None else idx))


def regexp_instr(str: Any, regexp: Any, idx: Optional[Any] = None) -> Column:
    return fn("regexp_instr", to_expr(str), to_expr(regexp),
              _int_or_column(0 if idx is None else idx))


def mask(col: Any, upperChar: Optional[Any] = None, lowerChar: Optional[Any] = None,
         digitChar: Optional[Any] = None, otherChar: Optional[Any] = None) -> Column:
    """Masks upper-case letters (``X``), lower-case letters (``x``) and digits (``n``)."""
    defaults = [literal("X"), literal("x"), literal("n"), literal(None)]
    given = [upperChar, lowerChar, digitChar, otherChar]
    return fn("mask", to_expr(col), *[d if g is None else to_expr(g) for g, d in zip(given, defaults)])


def parse_url(url: Any, partToExtract: Any, key: Optional[Any] = None) -> Column:
    return _call_opt("parse_url", url, partToExtract, key)


def try_parse_url(url: Any, partToExtract: Any, key: Optional[Any] = None) -> Column:
    return _call_opt("try_parse_url", url, partToExtract, key)


def to_binary(col: Any, format: Optional[Any] = None) -> Column:
    return _call_opt("to_binary", col, format)


def try_to_binary(col: Any, format: Optional[Any] = None) -> Column:
    return _call_opt("try_to_binary", col, format)


def str_to_map(text: Any, pairDelim: Optional[Any] = None, keyValueDelim: Optional[Any] = None) -> Column:
    return fn("str_to_map", to_expr(text), literal(",") if pairDelim is None else to_expr(pairDelim),
              literal(":") if keyValueDelim is None else to_expr(keyValueDelim))


def sentences(string: Any, language: Optional[Any] = None, country: Optional[Any] = None) -> Column:
    return fn("sentences", to_expr(string), literal("") if language is None else to_expr(language),
              literal("") if country is None else to_expr(country))


def schema_of_json(json: Any, options: Optional[dict] = None) -> Column:
    """The DDL type Spark infers for a JSON string (a literal or a foldable Column)."""
    return fn("schema_of_json", json._expr if isinstance(json, Column) else literal(json))


def json_array_length(col: Any) -> Column:
    return call("json_array_length", col)


def json_object_keys(col: Any) -> Column:
    return call("json_object_keys", col)


def jaro_winkler_similarity(left: Any, right: Any) -> Column:
    return call("jaro_winkler_similarity", left, right)


__all__ = [n for n, v in list(globals().items())
           if callable(v) and getattr(v, "__module__", None) == __name__ and not n.startswith("_")]
