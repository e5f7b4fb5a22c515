"""CSV and XML values in columns, and numbers as formatted text.

``from_csv``/``to_csv``/``schema_of_csv`` and ``from_xml``/``to_xml``/``schema_of_xml`` read
and write one record with the options of the CSV and XML sources; ``to_char``/``to_varchar``
and ``to_number``/``try_to_number`` use Spark's number format strings (``9 0 . , $ S MI PR G D``).

>>> from ember.sql import functions as F
>>> F.from_csv(F.col("line"), "a INT, b STRING")
Column<'from_csv(line)'>
"""

from typing import Any, Optional

from ember.sql.column import Column, fn, to_expr
from ember.sql.literals import literal


def _schema_expr(schema: Any) -> dict:
    if isinstance(schema, Column):
        return schema._expr
    return literal(schema if isinstance(schema, str) else schema.simpleString())


def _text_expr(value: Any) -> dict:
    return value._expr if isinstance(value, Column) else literal(value)


def _options(options: Optional[dict]) -> list:
    if not options:
        return []
    return [fn("map", *[literal(x) for kv in options.items() for x in (kv[0], str(kv[1]))])._expr]


def from_csv(col: Any, schema: Any, options: Optional[dict] = None) -> Column:
    """Parses CSV lines into a struct of ``schema`` (a DDL string, a StructType or a Column)."""
    return fn("from_csv", to_expr(col), _schema_expr(schema), *_options(options))


def to_csv(col: Any, options: Optional[dict] = None) -> Column:
    """A struct column as CSV lines."""
    return fn("to_csv", to_expr(col), *_options(options))


def schema_of_csv(csv: Any, options: Optional[dict] = None) -> Column:
    """The struct type Spark infers for one CSV line (a string or a foldable Column)."""
    return fn("schema_of_csv", _text_expr(csv), *_options(options))


def from_xml(col: Any, schema: Any, options: Optional[dict] = None) -> Column:
    """Parses XML strings into a struct of ``schema`` (a DDL string, a StructType or a Column)."""
    return fn("from_xml", to_expr(col), _schema_expr(schema), *_options(options))


def to_xml(col: Any, options: Optional[dict] = None) -> Column:
    """A struct column as XML text (one ``ROW`` element unless ``rowTag`` says otherwise)."""
    return fn("to_xml", to_expr(col), *_options(options))


def schema_of_xml(xml: Any, options: Optional[dict] = None) -> Column:
    """The struct type Spark infers for one XML record (a string or a foldable Column)."""
    return fn("schema_of_xml", _text_expr(xml), *_options(options))


def to_char(col: Any, format: Any) -> Column:
    """A number (or date, timestamp, binary) as text by ``format`` (a Column, usually ``lit``)."""
    return fn("to_char", to_expr(col), _text_expr(format))


def to_varchar(col: Any, format: Any) -> Column:
    """The same as :func:`to_char`."""
    return fn("to_varchar", to_expr(col), _text_expr(format))


def to_number(col: Any, format: Any) -> Column:
    """Text to a decimal by ``format``; text that does not match fails the query."""
    return fn("to_number", to_expr(col), _text_expr(format))


def try_to_number(col: Any, format: Any) -> Column:
    """Like :func:`to_number`, but text that does not match gives null."""
    return fn("try_to_number", to_expr(col), _text_expr(format))


__all__ = ["from_csv", "to_csv", "schema_of_csv", "from_xml", "to_xml", "schema_of_xml",
           "to_char", "to_varchar", "to_number", "try_to_number"]
