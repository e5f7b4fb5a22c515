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


MORE = '<?xml version="1.0"?>\n<!-- a comment -->\n<root xmlns:x="http://example.com/x">\n  <r a="1">\n    <v>1</v>\n    <w>  padded  </w>\n    <mix>1</mix>\n    <cd><![CDATA[<raw> & stuff]]></cd>\n    <x:ns>n1</x:ns>\n    <nested><inner k="a">t1</inner><inner k="b">t2</inner></nested>\n    <e></e>\n    <nv>NULL</nv>\n  </r>\n  <r a="2.5">\n    <v>2.5</v>\n    <w>x</w>\n    <mix>abc</mix>\n    <cd>plain</cd>\n    <nested><inner k="c">t3</inner></nested>\n    <obj><p>1</p></obj>\n  </r>\n  <r>\n    <obj>text only</obj>\n    <v/>\n  </r>\n</root>\n'
MORE_SCHEMA = 'struct<_a:double,cd:string,e:string,mix:string,nested:struct<inner:array<struct<_VALUE:string,_k:string>>>,nv:string,obj:string,v:double,w:string,x:ns:string>'
MORE_ROWS = [R(1.0, '<raw> & stuff', '', '1', R([R('t1', 'a'), R('t2', 'b')]), 'NULL', None, 1.0, 'padded', 'n1'), R(2.5, 'plain', None, 'abc', R([R('t3', 'c')]), None, '<p>1</p>', 2.5, 'x', None), R(None, None, None, None, None, None, 'text only', None, None, None)]
MORE_NOSPACES_SCHEMA = 'struct<_a:double,cd:string,e:string,mix:string,nested:struct<inner:array<struct<_VALUE:string,_k:string>>>,nv:string,obj:string,v:double,w:string,x:ns:string>'
MORE_NOSPACES_ROWS = [R(1.0, '<raw> & stuff', '', '1', R([R('t1', 'a'), R('t2', 'b')]), 'NULL', None, 1.0, '  padded  ', 'n1'), R(2.5, 'plain', None, 'abc', R([R('t3', 'c')]), None, '<p>1</p>', 2.5, 'x', None), R(None, None, None, None, None, None, 'text only', None, None, None)]
MORE_NULL_SCHEMA = 'struct<_a:double,cd:string,e:string,mix:string,nested:struct<inner:array<struct<_VALUE:string,_k:string>>>,nv:string,obj:string,v:double,w:string,x:ns:string>'
MORE_NULL_ROWS = [R(1.0, '<raw> & stuff', '', '1', R([R('t1', 'a'), R('t2', 'b')]), None, None, 1.0, 'padded', 'n1'), R(2.5, 'plain', None, 'abc', R([R('t3', 'c')]), None, '<p>1</p>', 2.5, 'x', None), R(None, None, None, None, None, None, 'text only', None, None, None)]
MORE_EXCL_SCHEMA = 'struct<cd:string,e:string,mix:string,nested:struct<inner:array<string>>,nv:string,obj:string,v:double,w:string,x:ns:string>'
MORE_EXCL_ROWS = [R('<raw> & stuff', '', '1', R(['t1', 't2']), 'NULL', None, 1.0, 'padded', 'n1'), R('plain', None, 'abc', R(['t3']), None, '<p>1</p>', 2.5, 'x', None), R(None, None, None, None, None, 'text only', None, None, None)]
BAD_SCHEMA = 'struct<_corrupt_record:string,a:bigint>'
BAD_ROWS = [R(None, 1), R('<rows><r><a>1</a></r><r><a>2</a><r><a>3</a></r></rows>', None)]
BAD2_SCHEMA = 'struct<_corrupt_record:string,a:bigint>'
BAD2_ROWS = [R(None, 1), R('<rows><r><a>1</a></r><r><a>2</b></r><r><a>3</a></r></rows>', None)]
BAD2_SCHEMA_SCHEMA = 'struct<a:int,_corrupt_record:string>'
BAD2_SCHEMA_ROWS = [R(1, None), R(None, '<rows><r><a>1</a></r><r><a>2</b></r><r><a>3</a></r></rows>')]

MORE_FUNCTION_CASES = [
    ("to_xml(named_struct('ts', TIMESTAMP'2020-01-01 10:00:00', 'dec', 1.50BD, 'bin', X'6162'))",
     '<ROW>\n    <ts>2020-01-01T10:00:00.000Z</ts>\n    <dec>1.50</dec>\n    <bin>[61 62]</bin>\n</ROW>'),
    ("to_xml(named_struct('m', map('k', 1)))",
     '<ROW>\n    <m>\n        <k>1</k>\n    </m>\n</ROW>'),
    ("to_xml(named_struct('aa', array(array(1,2), array(3))))",
     '<ROW>\n    <aa>\n        <item>1</item>\n        <item>2</item>\n    </aa>\n    <aa>\n        <item>3</item>\n    </aa>\n</ROW>'),
    ("to_xml(named_struct('a', CAST(NULL AS INT)))",
     '<ROW/>'),
    ("to_xml(named_struct('_a', 1))",
     '<ROW a="1"/>'),
    ("to_xml(named_struct('s', named_struct('_p', 1)))",
     '<ROW>\n    <s p="1"/>\n</ROW>'),
    ("to_xml(named_struct('s', named_struct('p', CAST(NULL AS INT))))",
     '<ROW>\n    <s/>\n</ROW>'),
    ("schema_of_xml('<p><a>1</a><a>x</a></p>')",
     'STRUCT<a: ARRAY<STRING>>'),
    ("schema_of_xml('<p><a>1</a><a>1.5</a></p>')",
     'STRUCT<a: ARRAY<DOUBLE>>'),
    ("schema_of_xml('<p><a><b>1</b></a><a>txt</a></p>')",
     'STRUCT<a: ARRAY<STRING>>'),
    ("schema_of_xml('<p>just text</p>')",
     'STRUCT<_VALUE: STRING>'),
    ('schema_of_xml(\'<p a="x">text</p>\')',
     'STRUCT<_VALUE: STRING, _a: STRING>'),
    ("schema_of_xml('<p><a>2020-01-01</a><a>2020-01-01T10:00:00</a></p>')",
     'STRUCT<a: ARRAY<TIMESTAMP>>'),
    ("schema_of_xml('<p><a> 1 </a></p>')",
     'STRUCT<a: BIGINT>'),
    ("schema_of_xml('bad')",
     'STRUCT<_corrupt_record: STRING>'),
    ("schema_of_xml('<p><a>TRUE</a><b>1.0</b><c>-5</c><d>NaN</d></p>')",
     'STRUCT<a: BOOLEAN, b: DOUBLE, c: BIGINT, d: STRING>'),
    ("from_xml('<p>  <a> 1 </a>  </p>', 'a INT')",
     R(1)),
    ("from_xml('<p><a>1</a></p>', 'a ARRAY<INT>')",
     R([1])),
    ("from_xml('<p><a><b>1</b></a></p>', 'a STRING')",
     R('<b>1</b>')),
    ("from_xml('<p><a></a></p>', 'a STRING')",
     R('')),
    ("from_xml('<p>txt</p>', '_VALUE STRING')",
     R('txt')),
    ("from_xml('<p><a>2020-01-01</a></p>', 'a DATE')",
     R(datetime.date(2020, 1, 1))),
    ("from_xml('<p><a>x</a></p>', 'a STRING, _corrupt_record STRING')",
     R('x', None)),
    ("from_xml('<p><a>1</a></p>', 'a MAP<STRING,INT>')",
     R(None)),
    ("from_xml('<p><m><k>1</k></m></p>', 'm MAP<STRING,INT>')",
     R({'k': 1})),
]
WRITTEN_NESTED = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ROWS>\n    <r>\n        <aa>\n            <item>1</item>\n            <item>2</item>\n        </aa>\n        <aa>\n            <item>3</item>\n        </aa>\n        <m>\n            <k1>1</k1>\n        </m>\n        <an>x</an>\n        <s p="a"/>\n        <ts>2020-01-01T10:00:00.000Z</ts>\n        <d>2020-01-01</d>\n        <dec>1.50</dec>\n        <bin>[61 62]</bin>\n    </r>\n</ROWS>'
NULLVAL = '<ROWS>\n    <r>\n        <a>1</a>\n        <b>NIL</b>\n    </r>\n</ROWS>'
ALLNULL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ROWS>\n    <r/>\n</ROWS>'


def _read_more(spark, tmp_path, **options):
    p = tmp_path / "more.xml"
    p.write_text(MORE)
    reader = spark.read.option("rowTag", "r")
    for k, v in options.items():
        reader = reader.option(k, v)
    return reader.xml(str(p))


@pytest.mark.parametrize("options, schema, rows", [
    ({}, "MORE", "MORE"),
    ({"ignoreSurroundingSpaces": "false"}, "MORE_NOSPACES", "MORE_NOSPACES"),
    ({"nullValue": "NULL"}, "MORE_NULL", "MORE_NULL"),
    ({"excludeAttribute": "true"}, "MORE_EXCL", "MORE_EXCL"),
    ({"mode": "FAILFAST"}, "MORE", "MORE"),
])
def test_namespaces_cdata_inner_xml_and_options(spark, tmp_path, options, schema, rows):
    df = _read_more(spark, tmp_path, **options)
    assert df.schema.simpleString() == globals()[schema + "_SCHEMA"]
    assert plain(df.collect()) == globals()[rows + "_ROWS"]


@pytest.mark.parametrize("text, label, schema", [
    ("<rows><r><a>1</a></r><r><a>2</a><r><a>3</a></r></rows>", "BAD", None),
    ("<rows><r><a>1</a></r><r><a>2</b></r><r><a>3</a></r></rows>", "BAD2", None),
    ("<rows><r><a>1</a></r><r><a>2</b></r><r><a>3</a></r></rows>", "BAD2_SCHEMA", "a INT, _corrupt_record STRING"),
])
def test_malformed_file_gives_a_corrupt_record(spark, tmp_path, text, label, schema):
    p = tmp_path / "bad.xml"
    p.write_text(text)
    reader = spark.read.option("rowTag", "r")
    if schema:
        reader = reader.schema(schema)
    df = reader.xml(str(p))
    assert df.schema.simpleString() == globals()[label + "_SCHEMA"]
    assert plain(df.collect()) == globals()[label + "_ROWS"]
    with pytest.raises(Exception) as e:
        spark.read.option("rowTag", "r").option("mode", "FAILFAST").xml(str(p)).collect()
    assert "MALFORMED_RECORD_IN_PARSING" in str(e.value)


def test_write_nested_arrays_maps_binary_and_timestamps(spark, tmp_path):
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    try:
        out = str(tmp_path / "out")
        df = spark.createDataFrame([([[1, 2], [3]], {"k1": 1, "k2": None}, [None, "x"], ("a", None))],
                                   "aa ARRAY<ARRAY<INT>>, m MAP<STRING,INT>, an ARRAY<STRING>, s STRUCT<_p: STRING, q: STRING>")
        df = df.withColumn("ts", F.lit("2020-01-01 10:00:00").cast("timestamp")) \
            .withColumn("d", F.lit("2020-01-01").cast("date")) \
            .withColumn("dec", F.lit("1.50").cast("decimal(5,2)")).withColumn("bin", F.lit("ab").cast("binary"))
        df.coalesce(1).write.option("rowTag", "r").xml(out)
        assert _written(out) == WRITTEN_NESTED
    finally:
        spark.conf.unset("spark.sql.session.timeZone")


def test_write_options_empty_files_and_empty_rows(spark, tmp_path):
    empty = str(tmp_path / "empty")
    spark.createDataFrame([], "a INT").coalesce(1).write.option("rowTag", "r").xml(empty)
    assert _written(empty) == ""
    nulls = str(tmp_path / "nulls")
    spark.createDataFrame([(1, None)], "a INT, b STRING").coalesce(1).write.option("rowTag", "r") \
        .option("nullValue", "NIL").option("declaration", "").xml(nulls)
    assert _written(nulls) == NULLVAL
    all_null = str(tmp_path / "allnull")
    spark.createDataFrame([(None, None)], "_a INT, b STRING").coalesce(1).write.option("rowTag", "r").xml(all_null)
    assert _written(all_null) == ALLNULL


@pytest.mark.parametrize("sql, expected", MORE_FUNCTION_CASES)
def test_more_record_functions_match_pyspark(spark, sql, expected):
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    try:
        assert plain(spark.sql("SELECT " + sql).collect()[0][0]) == expected
    finally:
        spark.conf.unset("spark.sql.session.timeZone")
