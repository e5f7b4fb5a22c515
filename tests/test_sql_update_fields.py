"""Column.withField / dropFields (Spark's UpdateFields): names, types and values as PySpark 4.3
gives them for the same data."""

import pytest

from ember.errors import AnalysisException, PySparkTypeError
from ember.sql import Row
from ember.sql import functions as F

S = "s struct<a:int,b:int,c:struct<x:int,y:string>>"


@pytest.fixture
def df(spark):
    return spark.createDataFrame([Row(s=Row(a=1, b=2, c=Row(x=1, y="q"))), Row(s=None)], S)


def _answer(d):
    return d.schema.simpleString(), [tuple(r) for r in d.collect()]


CASES = [
    (lambda s: s.withField("b", F.lit("z")),
     "struct<update_fields(s, WithField(z)):struct<a:int,b:string,c:struct<x:int,y:string>>>",
     (1, "z", (1, "q"))),
    (lambda s: s.withField("d", F.lit(3)),
     "struct<update_fields(s, WithField(3)):struct<a:int,b:int,c:struct<x:int,y:string>,d:int>>",
     (1, 2, (1, "q"), 3)),
    (lambda s: s.withField("c.y", F.lit(9)),
     "struct<update_fields(s, WithField(update_fields(s.c, WithField(9)))):"
     "struct<a:int,b:int,c:struct<x:int,y:int>>>",
     (1, 2, (1, 9))),
    (lambda s: s.withField("B", F.lit(7)),     # replaced in place, under the new spelling
     "struct<update_fields(s, WithField(7)):struct<a:int,B:int,c:struct<x:int,y:string>>>",
     (1, 7, (1, "q"))),
    (lambda s: s.dropFields("a", "c"),
     "struct<update_fields(s, dropfield(), dropfield()):struct<b:int>>", (2,)),
    (lambda s: s.dropFields("c.x"),
     "struct<update_fields(s, WithField(update_fields(s.c, dropfield()))):"
     "struct<a:int,b:int,c:struct<y:string>>>",
     (1, 2, ("q",))),
    (lambda s: s.dropFields("zz"),
     "struct<update_fields(s, dropfield()):struct<a:int,b:int,c:struct<x:int,y:string>>>",
     (1, 2, (1, "q"))),
    (lambda s: s.withField("c.z", F.lit(None).cast("int")).dropFields("a"),
     "struct<update_fields(s, WithField(update_fields(s.c, WithField(CAST(NULL AS INT)))), dropfield()):"
     "struct<b:int,c:struct<x:int,y:string,z:int>>>",
     (2, (1, "q", None))),
]


@pytest.mark.parametrize("build, schema, value", CASES)
def test_update_fields(df, build, schema, value):
    got_schema, rows = _answer(df.select(build(F.col("s"))))
    assert got_schema == schema
    assert rows == [(value,), (None,)]      # a null struct stays null


def test_with_field_reads_other_fields(df):
    out = df.withColumn("s", F.col("s").withField("a", F.col("s.b") * 10))
    assert _answer(out) == ("struct<s:struct<a:int,b:int,c:struct<x:int,y:string>>>",
                            [((20, 2, (1, "q")),), (None,)])


def test_every_field_of_a_name_is_replaced(spark):
    d = spark.sql("select named_struct('a', 1, 'A', 2) s").select(F.col("s").withField("a", F.lit(5)))
    assert _answer(d) == ("struct<update_fields(s, WithField(5)):struct<a:int,a:int>>", [((5, 5),)])


@pytest.mark.parametrize("build, error, text", [
    (lambda s: s.dropFields("a", "b", "c"), "DATATYPE_MISMATCH.CANNOT_DROP_ALL_FIELDS",
     'Cannot resolve "update_fields(s, dropfield(), dropfield(), dropfield())" due to data type '
     'mismatch: Cannot drop all fields in struct.'),
    (lambda s: s.getField("a").withField("q", F.lit(1)), "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
     'Cannot resolve "update_fields(s.a, WithField(1))" due to data type mismatch: The first '
     'parameter requires the "STRUCT" type, however "s.a" has the type "INT".'),
    (lambda s: s.withField("a.q", F.lit(1)), "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
     'Cannot resolve "update_fields(s.a, WithField(1))"'),
    (lambda s: s.withField("zz.q", F.lit(1)), "FIELD_NOT_FOUND",
     "No such struct field `zz` in `a`, `b`, `c`."),
])
def test_update_fields_errors(df, build, error, text):
    with pytest.raises(AnalysisException) as e:
        df.select(build(F.col("s")))
    assert e.value.getErrorClass() == error
    assert text in str(e.value)


def test_python_argument_checks_and_repr():
    with pytest.raises(PySparkTypeError, match=r"Argument `fieldName` should be str, got int"):
        F.col("s").withField(1, F.lit(1))
    with pytest.raises(PySparkTypeError, match=r"Argument `col` should be Column, got int"):
        F.col("s").withField("a", 1)
    assert repr(F.col("s").withField("b", F.lit(1))) == "Column<'update_field(s, b, 1)'>"
    assert repr(F.col("s").dropFields("b")) == "Column<'drop_field(s, b)'>"
