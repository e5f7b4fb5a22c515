"""Spark's DDL type strings, parsed in Python (no JVM round trip): one type (``"int"``,
``"decimal(10,2)"``, ``"array<struct<x: int>>"``) or a schema (``"a INT, b STRING NOT NULL"``).
The twin of the JVM's ``io.ember.sql.types.DdlParser``: same names, aliases and errors.

>>> _parse_datatype_string("a int, b map<string, bigint> not null")
StructType([StructField('a', IntegerType(), True), StructField('b', MapType(StringType(), LongType(), True), False)])
>>> _parse_datatype_string("dec(4,2)")
DecimalType(4,2)
"""

import re
from typing import Any, List, NamedTuple, Optional

from ember.errors import ParseException
from ember.sql import types as T

__all__ = ["_parse_datatype_string", "parse_type", "parse_schema"]

_TOKEN = re.compile(r"\s*(?:(?P<word>[A-Za-z0-9_]+)|(?P<quoted>`(?:[^`]|``)*`)"
                    r"|(?P<string>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")|(?P<symbol>\S))")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}


def _atomic(name: str) -> Optional[T.DataType]:
    return {
        "boolean": T.BooleanType(), "tinyint": T.ByteType(), "byte": T.ByteType(),
        "smallint": T.ShortType(), "short": T.ShortType(), "int": T.IntegerType(),
        "integer": T.IntegerType(), "bigint": T.LongType(), "long": T.LongType(),
        "float": T.FloatType(), "real": T.FloatType(), "double": T.DoubleType(),
        "string": T.StringType(), "binary": T.BinaryType(), "date": T.DateType(),
        "timestamp": T.TimestampType(), "timestamp_ltz": T.TimestampType(),
        "timestamp_ntz": T.TimestampNTZType(), "void": T.NullType(),
    }.get(name)


class _Token(NamedTuple):
    kind: str       # word, integer, quoted, string, symbol, end
    value: str      # the meaning: a name unquoted, a string unescaped
    text: str       # as written
    offset: int


def _tokens(text: str) -> List[_Token]:
    out, pos = [], 0
    while True:
        m = _TOKEN.match(text, pos)
        if m is None or m.lastgroup is None:
            out.append(_Token("end", "", "", len(text)))
            return out
        kind, raw, start = m.lastgroup, m.group(m.lastgroup), m.start(m.lastgroup)
        pos = m.end()
        if kind == "word":
            out.append(_Token("integer" if raw.isdigit() else "word", raw, raw, start))
        elif kind == "quoted":
            out.append(_Token(kind, raw[1:-1].replace("``", "`"), raw, start))
        elif kind == "string":
            body = re.sub(r"\\(.)", lambda e: _ESCAPES.get(e.group(1), e.group(1)), raw[1:-1])
            out.append(_Token(kind, body, raw, start))
        else:
            out.append(_Token(kind, raw, raw, start))


class _Parser:
    """One parse of one text; errors are ParseExceptions with Spark's positions."""

    def __init__(self, text: str):
        self.text = text
        self.toks = _tokens(text)
        self.i = 0

    @property
    def tok(self) -> _Token:
        return self.toks[self.i]

    def error(self, error_class: str, message: str, sql_state: str, offset: int,
              **params: str) -> ParseException:
        line = self.text.count("\n", 0, offset) + 1
        pos = offset - (self.text.rfind("\n", 0, offset) + 1)
        lines = self.text.split("\n")
        marked = "".join(l + "\n" + ("-" * pos + "^^^\n" if n == line - 1 else "")
                         for n, l in enumerate(lines))
        e = ParseException("%s. SQLSTATE: %s (line %d, pos %d)\n\n== SQL ==\n%s"
                           % (message, sql_state, line, pos, marked), error_class, params)
        e.line, e.position = line, pos
        return e

    def syntax_error(self) -> ParseException:
        near = "end of input" if self.tok.kind == "end" else "'%s'" % self.tok.text
        return self.error("PARSE_SYNTAX_ERROR", "Syntax error at or near " + near, "42601",
                          self.tok.offset, error=near)

    def accept(self, symbol: str) -> bool:
        if self.tok.kind == "symbol" and self.tok.value == symbol:
            self.i += 1
            return True
        return False

    def expect(self, symbol: str) -> None:
        if not self.accept(symbol):
            raise self.syntax_error()

    def keyword(self, word: str) -> bool:
        if self.tok.kind == "word" and self.tok.value.lower() == word:
            self.i += 1
            return True
        return False

    def end(self) -> None:
        if self.tok.kind != "end":
            raise self.syntax_error()

    def integer(self) -> int:
        if self.tok.kind != "integer":
            raise self.syntax_error()
        self.i += 1
        return int(self.toks[self.i - 1].value)

    def schema(self) -> T.StructType:
        if self.tok.kind == "end":
            return T.StructType([])
        fields = self.fields()
        self.end()
        return T.StructType(fields)

    def fields(self) -> List[T.StructField]:
        out = [self.field()]
        while self.accept(","):
            out.append(self.field())
        return out

    def field(self) -> T.StructField:
        if self.tok.kind not in ("word", "quoted"):
            raise self.syntax_error()
        name = self.tok.value
        self.i += 1
        self.accept(":")
        data_type = self.type()
        nullable = True
        if self.keyword("not"):
            if not self.keyword("null"):
                raise self.syntax_error()
            nullable = False
        metadata = {}
        if self.keyword("comment"):
            if self.tok.kind != "string":
                raise self.syntax_error()
            metadata = {"comment": self.tok.value}
            self.i += 1
        return T.StructField(name, data_type, nullable, metadata)

    def type(self) -> T.DataType:
        start = self.tok
        if start.kind != "word":
            raise self.syntax_error()
        name = start.value.lower()
        self.i += 1
        if name == "array":
            self.expect("<")
            element = self.type()
            self.expect(">")
            return T.ArrayType(element, True)
        if name == "map":
            self.expect("<")
            key = self.type()
            self.expect(",")
            value = self.type()
            self.expect(">")
            return T.MapType(key, value, True)
        if name == "struct":
            self.expect("<")
            if self.accept(">"):
                return T.StructType([])
            fields = self.fields()
            self.expect(">")
            return T.StructType(fields)
        if name in ("decimal", "dec", "numeric"):
            return self.decimal(start)
        if name == "interval":
            return self.interval()
        if name in ("varchar", "char", "character"):
            self.expect("(")
            self.integer()
            self.expect(")")
            return T.StringType()
        atomic = _atomic(name)
        if atomic is None:
            shown = '"%s"' % start.value.upper()
            raise self.error("UNSUPPORTED_DATATYPE", "Unsupported data type " + shown, "0A000",
                             start.offset, typeName=shown)
        return atomic

    def interval(self) -> T.DataType:
        """After ``interval``: nothing (the calendar type), ``day``, ``day to second``, ..."""
        families = [T.DayTimeIntervalType, T.YearMonthIntervalType]

        def field(tok: _Token) -> Any:
            if tok.kind == "word":
                for cls in families:
                    for k, v in cls._fields.items():
                        if v == tok.value.lower():
                            return cls, k
            return None, None
        cls, start = field(self.tok)
        if cls is None:
            return T.CalendarIntervalType()
        self.i += 1
        end = start
        if self.keyword("to"):
            cls2, end = field(self.tok)
            if cls2 is not cls or end < start:
                raise self.syntax_error()
            self.i += 1
        return cls(start, end)

    def decimal(self, start: _Token) -> T.DecimalType:
        if not self.accept("("):
            return T.DecimalType(10, 0)
        precision = self.integer()
        scale = self.integer() if self.accept(",") else 0
        self.expect(")")
        if not 1 <= precision <= 38:
            raise self.error("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
                             "Decimal precision %d exceeds max precision 38" % precision,
                             "22003", start.offset, precision=str(precision), maxPrecision="38")
        if scale > precision:
            raise self.error("DECIMAL_SCALE_EXCEEDS_PRECISION",
                             "Decimal scale (%d) cannot be greater than precision (%d)"
                             % (scale, precision), "22003", start.offset,
                             scale=str(scale), precision=str(precision))
        return T.DecimalType(precision, scale)


def parse_type(text: str) -> T.DataType:
    """One data type; the whole text must be that type."""
    p = _Parser(text)
    t = p.type()
    p.end()
    return t


def parse_schema(text: str) -> T.StructType:
    """Comma-separated fields (an empty text is the empty schema)."""
    return _Parser(text).schema()


def _parse_datatype_string(s: str) -> T.DataType:
    """A schema or a single type, whichever ``s`` is (``"int"`` is a type, ``"a int"`` and
    ``"a: int, b: string"`` schemas); when neither parses, the error of the reading that got
    further, with its position."""
    as_type = _Parser(s)
    try:
        t = as_type.type()
        as_type.end()
        return t
    except ParseException as type_error:
        as_schema = _Parser(s)
        try:
            return as_schema.schema()
        except ParseException as schema_error:
            further = as_type.tok.offset >= as_schema.tok.offset
            raise (type_error if further else schema_error) from None
