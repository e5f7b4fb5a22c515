"""XML source, from_xml/to_xml/schema_of_xml, against PySpark 4.3's answers (same inputs)."""
import datetime
import os

import pytest

from ember.sql import functions as F

BOOKS = """<?xml version="1.0"?>
<catalog>
   <book id="bk101">
      <author>Gambardella, Matthew</author>
      <title>XML Developer's Guide</title>
      <price>44.95</price>
      <publish_date>2000-10-01</publish_date>
      <tags><tag>a</tag><tag>b</tag></tags>
   </book>
   <book id="bk102" lang="en">
      <author>Ralls, Kim</author>
      <title>Midnight Rain</title>
      <price>5</price>
      <publish_date>2000-12-16</publish_date>
      <tags><tag>c</tag></tags>
      <edition num="2">second</edition>
   </book>
   <book id="bk103">
      <author>Corets, Eva</author>
      <author>Other, Person</author>
      <title>Maeve &amp; Ascendant</title>
      <price/>
      <count>3</count>
      <flag>true</flag>
      <ts>2020-01-01T10:00:00</ts>
   </book>
</catalog>
"""


def R(*values):
    """A row as PySpark printed it, by position."""
    return tuple(values)


def plain(v):
    """Rows (nested too) as tuples, to compare with the R(...) rows above."""
    if isinstance(v, tuple):
        return tuple(plain(x) for x in v)
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


@pytest.fixture
def books(tmp_path):
    p = tmp_path / "books.xml"
    p.write_text(BOOKS)
    return str(p)

READ_SCHEMA = 'struct<_id:string,_lang:string,author:array<string>,count:bigint,edition:struct<_VALUE:string,_num:bigint>,flag:boolean,price:double,publish_date:date,tags:struct<tag:array<string>>,title:string,ts:timestamp>'
READ_ROWS = [R('bk101', None, ['Gambardella, Matthew'], None, None, None, 44.95, datetime.date(2000, 10, 1), R(['a', 'b']), "XML Developer's Guide", None), R('bk102', 'en', ['Ralls, Kim'], None, R('second', 2), None, 5.0, datetime.date(2000, 12, 16), R(['c']), 'Midnight Rain', None), R('bk103', None, ['Corets, Eva', 'Other, Person'], 3, None, True, None, None, None, 'Maeve & Ascendant', datetime.datetime(2020, 1, 1, 10, 0))]

NOINFER_SCHEMA = 'struct<_id:string,_lang:string,author:array<string>,count:string,edition:struct<_VALUE:string,_num:string>,flag:string,price:string,publish_date:string,tags:struct<tag:array<string>>,title:string,ts:string>'
NOINFER_ROWS = [R('bk101', None, ['Gambardella, Matthew'], None, None, None, '44.95', '2000-10-01', R(['a', 'b']), "XML Developer's Guide", None), R('bk102', 'en', ['Ralls, Kim'], None, R('second', '2'), None, '5', '2000-12-16', R(['c']), 'Midnight Rain', None), R('bk103', None, ['Corets, Eva', 'Other, Person'], '3', None, 'true', '', None, None, 'Maeve & Ascendant', '2020-01-01T10:00:00')]

PREFIX_SCHEMA = 'struct<@id:string,@lang:string,author:array<string>,count:bigint,edition:struct<@num:bigint,v:string>,flag:boolean,price:double,publish_date:date,tags:struct<tag:array<string>>,title:string,ts:timestamp>'
PREFIX_ROWS = [R('bk101', None, ['Gambardella, Matthew'], None, None, None, 44.95, datetime.date(2000, 10, 1), R(['a', 'b']), "XML Developer's Guide", None), R('bk102', 'en', ['Ralls, Kim'], None, R(2, 'second'), None, 5.0, datetime.date(2000, 12, 16), R(['c']), 'Midnight Rain', None), R('bk103', None, ['Corets, Eva', 'Other, Person'], 3, None, True, None, None, None, 'Maeve & Ascendant', datetime.datetime(2020, 1, 1, 10, 0))]

USER_SCHEMA_SCHEMA = 'struct<_id:string,author:string,price:double,tags:struct<tag:array<string>>>'
USER_SCHEMA_ROWS = [R('bk101', 'Gambardella, Matthew', 44.95, R(['a', 'b'])), R('bk102', 'Ralls, Kim', 5.0, R(['c'])), R('bk103', 'Other, Person', None, None)]

TAGS_SCHEMA = 'struct<tag:array<string>>'
TAGS_ROWS = [R(['a', 'b']), R(['c'])]


# (SQL expression, the value PySpark 4.3 gives) for the XML record functions.
FUNCTION_CASES = [
    ("from_xml('<p><a>1</a><b>0.8</b></p>', 'a INT, b DOUBLE')",
     R(1, 0.8)),
    ("from_xml('<p><time>26/08/2015</time></p>', 'time Timestamp', map('timestampFormat', 'dd/MM/yyyy'))",
     R(datetime.datetime(2015, 8, 26, 0, 0))),
    ("from_xml('<p><teacher>Alice</teacher><student><name>Bob</name><rank>1</rank></student><student><name>Charlie</name><rank>2</rank></student></p>', 'STRUCT<teacher: STRING, student: ARRAY<STRUCT<name: STRING, rank: INT>>>')",
     R('Alice', [R('Bob', 1), R('Charlie', 2)])),
    ('from_xml(\'<p a="1"><b>x</b></p>\', \'a INT, b STRING\')',
     R(None, 'x')),
    ('from_xml(\'<p a="1"><b>x</b></p>\', \'_a INT, b STRING\')',
     R(1, 'x')),
    ("from_xml('<p>bad', 'a INT')",
     R(None)),
    ("from_xml('<p><a>x</a></p>', 'a INT')",
     R(None)),
    ("from_xml(NULL, 'a INT')",
     None),
    ('from_xml(\'<p><b c="1">t</b></p>\', \'b STRUCT<_c: INT, _VALUE: STRING>\')',
     R(R(1, 't'))),
    ("schema_of_xml('<p><a>1</a></p>')",
     'STRUCT<a: BIGINT>'),
    ('schema_of_xml(\'<p><a attr="2">1</a></p>\')',
     'STRUCT<a: STRUCT<_VALUE: BIGINT, _attr: BIGINT>>'),
    ("schema_of_xml('<p><a>1</a><a>2</a><b>x</b><c>1.5</c><d>true</d><e/></p>')",
     'STRUCT<a: ARRAY<BIGINT>, b: STRING, c: DOUBLE, d: BOOLEAN, e: STRING>'),
    ("schema_of_xml('<p><a>1</a></p>', map('excludeAttribute', 'true'))",
     'STRUCT<a: BIGINT>'),
    ('schema_of_xml(\'<p x="1"><a><b>2020-01-01</b><c>2020-01-01 10:00:00</c></a></p>\')',
     'STRUCT<_x: BIGINT, a: STRUCT<b: DATE, c: TIMESTAMP>>'),
    ("schema_of_xml('<p><a>12345678901</a><b>1e3</b></p>')",
     'STRUCT<a: BIGINT, b: DOUBLE>'),
    ("to_xml(named_struct('a', 1, 'b', 2))",
     '<ROW>\n    <a>1</a>\n    <b>2</b>\n</ROW>'),
    ("to_xml(named_struct('time', to_timestamp('2015-08-26', 'yyyy-MM-dd')), map('timestampFormat', 'dd/MM/yyyy'))",
     '<ROW>\n    <time>26/08/2015</time>\n</ROW>'),
    ("to_xml(named_struct('_a', 1, 'b', array(1,2), 'c', named_struct('d', 'x<y'), 'n', CAST(NULL AS INT)))",
     '<ROW a="1">\n    <b>1</b>\n    <b>2</b>\n    <c>\n        <d>x&lt;y</d>\n    </c>\n</ROW>'),
    ("to_xml(named_struct('a', 1), map('rowTag', 'r'))",
     '<r>\n    <a>1</a>\n</r>'),
    ("to_xml(named_struct('c', named_struct('_x', 1, '_VALUE', 'v')))",
     '<ROW>\n    <c x="1">v</c>\n</ROW>'),
    ("to_xml(named_struct('d', DATE'2020-01-02', 'b', true, 'f', 1.5D))",
     '<ROW>\n    <d>2020-01-02</d>\n    <b>true</b>\n    <f>1.5</f>\n</ROW>'),
]


def test_read_infers_spark_schema_and_rows(spark, books):
    df = spark.read.option("rowTag", "book").xml(books)
    assert df.schema.simpleString() == READ_SCHEMA
    assert plain(df.collect()) == READ_ROWS


def test_format_xml_load_is_the_same_reader(spark, books):
    df = spark.read.format("xml").option("rowTag", "book").load(books)
    assert df.schema.simpleString() == READ_SCHEMA
    assert plain(df.collect()) == READ_ROWS


def test_without_inference_every_value_is_a_string(spark, books):
    df = spark.read.option("rowTag", "book").option("inferSchema", "false").xml(books)
    assert df.schema.simpleString() == NOINFER_SCHEMA
    assert plain(df.collect()) == NOINFER_ROWS


def test_attribute_prefix_and_value_tag_options(spark, books):
    df = spark.read.option("rowTag", "book").option("attributePrefix", "@").option("valueTag", "v").xml(books)
    assert df.schema.simpleString() == PREFIX_SCHEMA
    assert plain(df.collect()) == PREFIX_ROWS


def test_user_schema_takes_the_last_of_repeated_elements(spark, books):
    df = spark.read.option("rowTag", "book").schema(
        "_id STRING, author STRING, price DOUBLE, tags STRUCT<tag: ARRAY<STRING>>").xml(books)
    assert df.schema.simpleString() == USER_SCHEMA_SCHEMA
    assert plain(df.collect()) == USER_SCHEMA_ROWS


def test_row_tag_matches_nested_elements(spark, books):
    df = spark.read.xml(books, rowTag="tags")
    assert df.schema.simpleString() == TAGS_SCHEMA
    assert plain(df.collect()) == TAGS_ROWS


def test_row_tag_is_required_for_reading_and_writing(spark, books, tmp_path):
    with pytest.raises(Exception) as e:
        spark.read.xml(books)
    assert "[XML_ROW_TAG_MISSING]" in str(e.value)
    with pytest.raises(Exception) as e:
        spark.range(1).write.xml(str(tmp_path / "out"))
    assert "[XML_ROW_TAG_MISSING]" in str(e.value)


def _written(directory):
    parts = [f for f in sorted(os.listdir(directory)) if f.startswith("part-")]
    assert len(parts) == 1 and parts[0].endswith(".xml")
    with open(os.path.join(directory, parts[0])) as f:
        return f.read()


def test_write_matches_spark_layout(spark, tmp_path):
    out = str(tmp_path / "out")
    df = spark.createDataFrame([(1, "a<b", 2.5, None, [1, 2], ("x", 3))],
                               "id INT, name STRING, v DOUBLE, n STRING, arr ARRAY<INT>, s STRUCT<p: STRING, q: INT>")
    df.coalesce(1).write.option("rowTag", "row").option("rootTag", "rows").xml(out)
    assert _written(out) == WRITTEN


def test_write_attributes_then_read_back(spark, tmp_path):
    out = str(tmp_path / "out")
    spark.createDataFrame([(1, "x")], "_id INT, name STRING").coalesce(1).write.option("rowTag", "ROW").xml(out)
    assert _written(out) == WRITTEN_ATTRIBUTES
    back = spark.read.xml(out, rowTag="ROW")
    assert back.schema.simpleString() == "struct<_id:bigint,name:string>"
    assert plain(back.collect()) == [(1, "x")]


@pytest.mark.parametrize("sql, expected", FUNCTION_CASES)
def test_record_functions_match_pyspark(spark, sql, expected):
    assert plain(spark.sql("SELECT " + sql).collect()[0][0]) == expected


def test_dataframe_functions(spark):
    df = spark.createDataFrame([("<p><a>1</a><b>x</b></p>",)], "s STRING")
    row = df.select(F.from_xml("s", "a INT, b STRING").alias("v"),
                    F.schema_of_xml(F.lit("<p><a>1</a></p>")).alias("t"),
                    F.to_xml(F.struct(F.lit(1).alias("a")), {"rowTag": "r"}).alias("x")).collect()[0]
    assert plain(row) == ((1, "x"), "STRUCT<a: BIGINT>", "<r>\n    <a>1</a>\n</r>")


WRITTEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<rows>\n    <row>\n        <id>1</id>\n        <name>a&lt;b</name>\n        <v>2.5</v>\n        <arr>1</arr>\n        <arr>2</arr>\n        <s>\n            <p>x</p>\n            <q>3</q>\n        </s>\n    </row>\n</rows>'
WRITTEN_ATTRIBUTES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ROWS>\n    <ROW id="1">\n        <name>x</name>\n    </ROW>\n</ROWS>'
