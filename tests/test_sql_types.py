"""ember.sql.types against PySpark's behaviour (expected values taken from PySpark 4.3):
reprs, equality, simple strings, the JSON schema format, DDL strings, Row, inference."""

import datetime
import decimal
import pickle
from collections import namedtuple

import pytest

from ember.errors import ParseException, PySparkTypeError, PySparkValueError
from ember.sql.types import (ArrayType, BinaryType, BooleanType, ByteType, DataType, DateType,
                             DecimalType, DoubleType, FloatType, IntegerType, LongType, MapType,
                             NullType, Row, ShortType, StringType, StructField, StructType,
                             TimestampNTZType, TimestampType, _infer_schema, _merge_type,
                             _parse_datatype_json_string, _parse_datatype_string)
from ember.sql.inference import infer_schema_of_rows

NESTED = StructType([StructField("a", IntegerType()),
                     StructField("c", ArrayType(StructType([StructField("x", IntegerType(), False)]), False)),
                     StructField("m", MapType(StringType(), ArrayType(LongType()))),
                     StructField("d", DecimalType(5, 2))])


def test_reprs_simple_strings_and_type_names_are_pysparks():
    assert repr(NESTED) == (
        "StructType([StructField('a', IntegerType(), True), StructField('c', ArrayType(StructType("
        "[StructField('x', IntegerType(), False)]), False), True), StructField('m', MapType("
        "StringType(), ArrayType(LongType(), True), True), True), StructField('d', DecimalType(5,2), True)])")
    assert NESTED.simpleString() == "struct<a:int,c:array<struct<x:int>>,m:map<string,array<bigint>>,d:decimal(5,2)>"
    names = [(t.simpleString(), t.typeName()) for t in (
        ByteType(), ShortType(), IntegerType(), LongType(), FloatType(), DoubleType(), StringType(),
        BinaryType(), BooleanType(), DateType(), TimestampType(), TimestampNTZType(), NullType(), DecimalType())]
    assert names == [("tinyint", "byte"), ("smallint", "short"), ("int", "integer"), ("bigint", "long"),
                     ("float", "float"), ("double", "double"), ("string", "string"), ("binary", "binary"),
                     ("boolean", "boolean"), ("date", "date"), ("timestamp", "timestamp"),
                     ("timestamp_ntz", "timestamp_ntz"), ("void", "void"), ("decimal(10,0)", "decimal")]


def test_equality_singletons_and_hashing():
    assert IntegerType() is IntegerType()
    assert DecimalType(5, 2) == DecimalType(5, 2) != DecimalType(5, 3)
    assert ArrayType(IntegerType()) != ArrayType(IntegerType(), False)
    assert len({StructType([StructField("a", LongType())]), StructType([StructField("a", LongType())])}) == 1


def test_json_is_pysparks_exact_text_and_reads_back():
    s = StructType([StructField("a", IntegerType(), False, {"comment": "id"}),
                    StructField("m", MapType(StringType(), DoubleType(), False))])
    assert s.json() == (
        '{"fields":[{"metadata":{"comment":"id"},"name":"a","nullable":false,"type":"integer"},'
        '{"metadata":{},"name":"m","nullable":true,"type":{"keyType":"string","type":"map",'
        '"valueContainsNull":false,"valueType":"double"}}],"type":"struct"}')
    assert _parse_datatype_json_string(s.json()) == s
    assert _parse_datatype_json_string(NESTED.json()) == NESTED
    assert StructType.fromJson(NESTED.jsonValue()) == NESTED
    assert DecimalType(10, 2).json() == '"decimal(10,2)"'
    assert NullType().json() == '"void"'
    jvm_order = ('{"type":"struct","fields":[{"name":"t","type":"timestamp_ntz","nullable":true,'
                 '"metadata":{}}]}')
    assert _parse_datatype_json_string(jvm_order) == StructType([StructField("t", TimestampNTZType())])
    with pytest.raises(PySparkValueError, match="CANNOT_PARSE_DATATYPE"):
        _parse_datatype_json_string('"intx"')


def test_struct_type_access_add_and_errors():
    s = StructType().add("a", "integer").add(StructField("b", StringType())).add("c", IntegerType(), False)
    assert s.fieldNames() == ["a", "b", "c"] and s.names == ["a", "b", "c"]
    assert s["c"] == StructField("c", IntegerType(), False) and s[0].name == "a" and len(s) == 3
    assert s[1:] == StructType([StructField("b", StringType()), StructField("c", IntegerType(), False)])
    assert [f.name for f in s] == ["a", "b", "c"]
    with pytest.raises(KeyError, match=r"\[KEY_NOT_EXISTS\] Key `zz` does not exist."):
        s["zz"]
    with pytest.raises(IndexError, match=r"\[INDEX_OUT_OF_RANGE\] StructType index out of range, got '10'."):
        s[10]
    with pytest.raises(PySparkTypeError, match="NOT_EXPECTED_TYPE"):
        s[1.5]
    with pytest.raises(PySparkValueError, match="ARGUMENT_REQUIRED"):
        StructType().add("a")


def test_tree_string_is_sparks():
    assert NESTED.treeString() == (
        "root\n |-- a: integer (nullable = true)\n |-- c: array (nullable = true)\n"
        " |    |-- element: struct (containsNull = false)\n"
        " |    |    |-- x: integer (nullable = false)\n |-- m: map (nullable = true)\n"
        " |    |-- key: string\n |    |-- value: array (valueContainsNull = true)\n"
        " |    |    |-- element: long (containsNull = true)\n |-- d: decimal(5,2) (nullable = true)\n")
    assert NESTED.treeString(1).count("\n") == 5


def test_ddl_strings_parse_as_pyspark():
    assert _parse_datatype_string("int") == IntegerType()
    assert _parse_datatype_string("a INT, b STRING NOT NULL, c ARRAY<STRUCT<x: INT>>") == StructType([
        StructField("a", IntegerType()), StructField("b", StringType(), False),
        StructField("c", ArrayType(StructType([StructField("x", IntegerType())])))])
    assert _parse_datatype_string("a: int, b: string") == _parse_datatype_string("a int, b string")
    assert _parse_datatype_string("`a b` int comment 'hi'")["a b"].metadata == {"comment": "hi"}
    assert _parse_datatype_string("decimal(5)") == DecimalType(5, 0)
    assert _parse_datatype_string("map<string, array<int>>") == MapType(StringType(), ArrayType(IntegerType()))
    assert _parse_datatype_string("timestamp_ltz") == TimestampType()
    assert _parse_datatype_string("") == StructType([])
    assert DataType.fromDDL("x double, y real").simpleString() == "struct<x:double,y:float>"


def test_ddl_errors_name_the_position():
    with pytest.raises(ParseException) as e:
        _parse_datatype_string("a int b")
    assert str(e.value) == ("[PARSE_SYNTAX_ERROR] Syntax error at or near 'b'. SQLSTATE: 42601 "
                            "(line 1, pos 6)\n\n== SQL ==\na int b\n------^^^\n")
    assert e.value.getErrorClass() == "PARSE_SYNTAX_ERROR"
    with pytest.raises(ParseException, match=r'UNSUPPORTED_DATATYPE\] Unsupported data type "INTT".*pos 2'):
        _parse_datatype_string("a INTT")
    with pytest.raises(ParseException, match=r"end of input.*pos 6"):
        _parse_datatype_string("a int,")
    with pytest.raises(ParseException, match="DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION"):
        _parse_datatype_string("decimal(40,2)")
    with pytest.raises(ParseException, match=r"Decimal scale \(6\) cannot be greater than precision \(5\)"):
        _parse_datatype_string("decimal(5,6)")


def test_row_forms_access_and_repr():
    r = Row(a=1, b="x")
    assert repr(r) == "Row(a=1, b='x')" and (r.a, r["b"], r[0]) == (1, "x", 1)
    assert r == (1, "x") and "a" in r and r.asDict() == {"a": 1, "b": "x"}
    Person = Row("name", "age")
    assert repr(Person) == "<Row('name', 'age')>"
    assert repr(Person("Al", 3)) == "Row(name='Al', age=3)" and Person("Al", 3).age == 3
    assert Row(b=1, a=2).__fields__ == ["b", "a"]
    n = Row(a=Row(b=[Row(c=1)], d={"k": Row(e=2)}))
    assert n.asDict(True) == {"a": {"b": [{"c": 1}], "d": {"k": {"e": 2}}}}
    assert pickle.loads(pickle.dumps(r)) == r and repr(pickle.loads(pickle.dumps(r))) == "Row(a=1, b='x')"


def test_row_errors_are_pysparks():
    r = Row(a=1)
    with pytest.raises(AttributeError, match=r"\[ATTRIBUTE_NOT_SUPPORTED\] Attribute `zz` is not supported."):
        r.zz
    with pytest.raises(ValueError, match="^zz$"):
        r["zz"]
    with pytest.raises(RuntimeError, match=r"\[READ_ONLY\] Row is read-only."):
        r.a = 3
    with pytest.raises(PySparkValueError, match="CANNOT_SET_TOGETHER"):
        Row(1, a=2)
    with pytest.raises(PySparkValueError, match=r"\[TOO_MANY_VALUES\] Expected 2 values for `fields`, got 3."):
        Row("a", "b")(1, 2, 3)
    with pytest.raises(PySparkTypeError, match=r"Cannot convert Row into dict"):
        Row(1, 2).asDict()


def test_inference_follows_pysparks_rules():
    P = namedtuple("P", "x y")
    s = _infer_schema((1, 1.5, "s", True, datetime.date(2020, 1, 1), datetime.datetime(2020, 1, 1),
                       decimal.Decimal("1.5"), b"b", bytearray(b"c"), [1], {"k": 1}, Row(z=1), P(1, None)))
    assert s.simpleString() == ("struct<_1:bigint,_2:double,_3:string,_4:boolean,_5:date,_6:timestamp,"
                                "_7:decimal(38,18),_8:binary,_9:binary,_10:array<bigint>,_11:map<string,bigint>,"
                                "_12:struct<z:bigint>,_13:struct<x:bigint,y:void>>")
    assert _infer_schema({"b": 1, "a": "x"}).names == ["a", "b"]
    assert _infer_schema((1, 2), ["k"]).names == ["k", "_2"]
    rows = [Row(a=1, b=None), Row(a=None, b="x")]
    assert infer_schema_of_rows(rows).simpleString() == "struct<a:bigint,b:string>"
    assert _merge_type(LongType(), StringType()) == StringType()


def test_inference_errors():
    with pytest.raises(PySparkTypeError, match=r"\[CANNOT_INFER_SCHEMA_FOR_TYPE\] Can not infer schema for type: `int`."):
        _infer_schema(5)
    with pytest.raises(PySparkValueError, match=r"\[CANNOT_DETERMINE_TYPE\] Some of types cannot be determined"):
        infer_schema_of_rows([(1, None)])
    with pytest.raises(PySparkValueError, match="CANNOT_INFER_EMPTY_SCHEMA"):
        infer_schema_of_rows([])
    with pytest.raises(PySparkTypeError, match=r"\[CANNOT_MERGE_TYPE\] Can not merge type `LongType` and `DoubleType`."):
        infer_schema_of_rows([(1,), (1.5,)])
