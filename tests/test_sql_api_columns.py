"""Column metadata end to end, colRegex, repartitionById and executionInfo: answers are what
PySpark 4.3 returns for the same calls (run side by side while writing these)."""

import pytest

from ember.errors import AnalysisException, PySparkTypeError, PySparkValueError
from ember.sql import functions as F
from ember.sql.types import IntegerType, StructField, StructType

META = {"k": 1, "s": "v"}


@pytest.fixture
def df(spark):
    return spark.createDataFrame([(1, "x")], "a int, b string")


@pytest.fixture
def tagged(df):
    return df.select(F.col("a").alias("a2", metadata=META), "b")


def test_alias_metadata_reaches_the_schema(tagged):
    assert tagged.schema["a2"].metadata == META
    assert tagged.schema.jsonValue()["fields"][0]["metadata"] == META


def test_metadata_follows_the_column_through_queries(tagged, df):
    assert tagged.select("a2").schema["a2"].metadata == META
    assert tagged.select(F.col("a2").alias("z")).schema["z"].metadata == META   # inherited
    assert tagged.select((F.col("a2") + 1).alias("p")).schema["p"].metadata == {}   # computed
    assert tagged.select(F.col("a2").alias("z", metadata={"o": 2})).schema["z"].metadata == {"o": 2}
    assert tagged.select(F.col("a2").alias("q", metadata={"k": 3}).alias("w")).schema["w"].metadata == {"k": 3}
    assert tagged.withColumnRenamed("a2", "r").schema["r"].metadata == META
    assert tagged.union(tagged).schema["a2"].metadata == META
    assert tagged.join(df, "b").schema["a2"].metadata == META
    assert tagged.selectExpr("a2").schema["a2"].metadata == META
    assert tagged.toDF("u", "v").schema["u"].metadata == META
    assert tagged.filter("a2 > 0").groupBy("a2").count().schema["a2"].metadata == META


def test_with_column_keeps_an_aliases_metadata(df):
    out = df.withColumn("c", F.col("a").alias("q", metadata={"m": [1, 2]}))
    assert out.schema["c"].metadata == {"m": [1, 2]}


def test_with_metadata(df):
    out = df.withMetadata("a", {"x": {"y": True}})
    assert out.schema["a"].metadata == {"x": {"y": True}}
    assert out.columns == ["a", "b"] and out.collect()[0].a == 1
    with pytest.raises(PySparkTypeError) as e:
        df.withMetadata("a", 3)
    assert e.value.getErrorClass() == "NOT_EXPECTED_TYPE"
    assert e.value.getMessageParameters() == {"expected_type": "dict", "arg_name": "metadata", "arg_type": "int"}
    with pytest.raises(AnalysisException) as e:
        df.withMetadata("nope", {})
    assert e.value.getErrorClass() == "UNRESOLVED_COLUMN.WITH_SUGGESTION"


def test_schema_metadata_from_python_reaches_the_jvm_and_back(spark):
    schema = StructType([StructField("a", IntegerType(), True, {"c": "hi"})])
    d = spark.createDataFrame([(1,)], schema)
    assert d.schema["a"].metadata == {"c": "hi"}
    assert d.filter("a > 0").groupBy("a").count().schema["a"].metadata == {"c": "hi"}


def test_parquet_keeps_metadata_in_sparks_footer_key(tagged, spark, tmp_path):
    path = str(tmp_path / "p")
    tagged.write.parquet(path)
    assert spark.read.parquet(path).schema["a2"].metadata == META


def test_parquet_footer_key_written_by_spark_is_read(spark):
    # Written by PySpark 4.3: a int with metadata {"k": 5}, b string.
    import os
    path = os.path.join(os.path.dirname(__file__), "data", "spark_metadata.parquet")
    assert spark.read.parquet(path).schema["a"].metadata == {"k": 5}


@pytest.fixture
def cols(spark):
    return spark.createDataFrame([("a", 1, 2)], ["Col1", "Col2", "c3"])


@pytest.mark.parametrize("regex, expected", [
    ("`(Col1)?+.+`", ["Col2", "c3"]),
    ("`Col.*`", ["Col1", "Col2"]),
    ("`col.*`", ["Col1", "Col2"]),      # case-insensitive by default
    ("`c`", []),                        # whole-name matches only
    ("`zz.*`", []),
    ("Col1", ["Col1"]),                 # no backquotes: a plain column
])
def test_col_regex(cols, regex, expected):
    assert cols.select(cols.colRegex(regex)).columns == expected


def test_col_regex_qualified_and_case_sensitive(cols, spark):
    t = cols.alias("t")
    assert t.select(t.colRegex("t.`C.*`")).columns == ["Col1", "Col2", "c3"]
    assert t.select(t.colRegex("u.`C.*`")).columns == []
    assert repr(cols.colRegex("`C.*`")) == "Column<'unresolvedregex()'>"
    spark.conf.set("spark.sql.caseSensitive", "true")
    try:
        assert cols.select(cols.colRegex("`col.*`")).columns == []
    finally:
        spark.conf.unset("spark.sql.caseSensitive")


def test_col_regex_outside_a_select_is_refused(cols):
    with pytest.raises(AnalysisException) as e:
        cols.filter(cols.colRegex("`C.*`")).collect()
    assert e.value.getErrorClass() == "INVALID_USAGE_OF_STAR_OR_REGEX"
    assert "Invalid usage of regular expression 'C.*' in Filter." in str(e.value)


def _placed(df):
    rows = df.select("p", F.spark_partition_id().alias("s")).collect()
    return sorted(((r.p, r.s) for r in rows), key=lambda x: (x[0] is None, x[0]))


def test_repartition_by_id(spark):
    df = spark.createDataFrame([(i,) for i in [-5, -1, 0, 1, 2, 3, 4, None, 7]], "p int")
    r = df.repartitionById(3, "p")
    assert r.rdd.getNumPartitions() == 3 and r.columns == ["p"]
    assert _placed(r) == [(-5, 1), (-1, 2), (0, 0), (1, 1), (2, 2), (3, 0), (4, 1), (7, 1), (None, 0)]
    by_expr = dict(_placed(df.repartitionById(2, F.col("p") + 1)))
    assert by_expr == {-5: 0, -1: 0, 0: 1, 1: 0, 2: 1, 3: 0, 4: 1, 7: 0, None: 0}


@pytest.mark.parametrize("t", ["bigint", "smallint", "string", "double"])
def test_repartition_by_id_needs_an_int(spark, t):
    df = spark.createDataFrame([(1,)], "p int").select(F.col("p").cast(t).alias("p"))
    with pytest.raises(AnalysisException) as e:
        df.repartitionById(2, "p")
    assert e.value.getErrorClass() == "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"
    assert ('Cannot resolve "direct_shuffle_partition_id(p)" due to data type mismatch: The first '
            'parameter requires the "INT" type, however "p" has the type "%s"' % t.upper()) in str(e.value)


@pytest.mark.parametrize("n", [0, -1])
def test_repartition_by_id_needs_a_positive_count(spark, n):
    with pytest.raises(PySparkValueError) as e:
        spark.range(3).repartitionById(n, "id")
    assert e.value.getErrorClass() == "VALUE_NOT_POSITIVE"
    assert "Value for `numPartitions` must be positive, got '%d'." % n in str(e.value)


def test_execution_info_is_refused_as_in_classic_pyspark(df):
    with pytest.raises(PySparkValueError) as e:
        df.executionInfo
    assert e.value.getErrorClass() == "CLASSIC_OPERATION_NOT_SUPPORTED_ON_DF"
    assert e.value.getMessageParameters() == {"member": "queryExecution"}
