"""SQL statements about tables and functions, checked against PySpark 4.3's answers:
INSERT with a column list or BY NAME, table properties (CREATE ... TBLPROPERTIES, SHOW
TBLPROPERTIES, ALTER TABLE SET/UNSET), SHOW CREATE TABLE, DESCRIBE FUNCTION, SHOW
USER/SYSTEM FUNCTIONS, VALUES rows of arrays/maps/structs, and Column.alias with several
names over a generator."""

from decimal import Decimal

import pytest

from ember.errors import AnalysisException
from ember.sql import Row
from ember.sql import functions as F


@pytest.fixture
def wh(spark, tmp_path):
    """A session with a warehouse of its own."""
    from ember.sql import SparkSession
    session = SparkSession(spark.sparkContext)
    session.conf.set("spark.sql.warehouse.dir", str(tmp_path / "warehouse"))
    return session


def tuples(df):
    return [tuple(r) for r in df.collect()]


def error_class(excinfo):
    return excinfo.value.getErrorClass()


# -- INSERT with a column list / BY NAME -----------------------------------------------------

def test_insert_into_listed_columns_and_by_name(wh):
    wh.sql("CREATE TABLE t1 (a INT, b STRING, c DOUBLE) USING parquet")
    wh.sql("INSERT INTO t1 (b, a, c) VALUES ('x', 1, 2.0)")
    wh.sql("INSERT INTO t1 (a, b) VALUES (2, 'y')")
    wh.sql("INSERT INTO t1 (a) SELECT 3")
    wh.sql("INSERT INTO t1 BY NAME SELECT 'z' AS b, 4 AS a, 1.5 AS c")
    wh.sql("INSERT INTO t1 BY NAME SELECT 'z' AS b, 5 AS a")
    assert tuples(wh.sql("SELECT * FROM t1 ORDER BY a")) == [
        (1, "x", 2.0), (2, "y", None), (3, None, None), (4, "z", 1.5), (5, "z", None)]
    wh.sql("INSERT OVERWRITE t1 (a, b) VALUES (9, 'q')")
    wh.sql("INSERT INTO t1 (a, b, c) VALUES (7, 'q', 1.0), (8, 'r', 2.0)")
    assert tuples(wh.sql("SELECT * FROM t1 ORDER BY a")) == [(7, "q", 1.0), (8, "r", 2.0), (9, "q", None)]


def test_insert_column_list_into_a_partitioned_table(wh):
    wh.sql("CREATE TABLE p (a INT, b STRING) USING parquet PARTITIONED BY (b)")
    wh.sql("INSERT INTO p (b, a) VALUES ('x', 1)")
    wh.sql("INSERT INTO p BY NAME SELECT 'y' AS b, 2 AS a")
    assert tuples(wh.sql("SELECT * FROM p ORDER BY a")) == [(1, "x"), (2, "y")]


def test_insert_column_list_errors(wh):
    wh.sql("CREATE TABLE t1 (a INT, b STRING, c DOUBLE) USING parquet")
    with pytest.raises(AnalysisException) as e:
        wh.sql("INSERT INTO t1 BY NAME SELECT 'z' AS b, 5 AS nope")
    assert str(e.value).startswith("[INCOMPATIBLE_DATA_FOR_TABLE.EXTRA_COLUMNS] Cannot write incompatible data "
                                   "for the table `spark_catalog`.`default`.`t1`: Cannot write extra columns `nope`.")
    with pytest.raises(AnalysisException) as e:
        wh.sql("INSERT INTO t1 (a, nope) VALUES (2, 'y')")
    assert str(e.value).startswith("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter "
                                   "with name `nope` cannot be resolved. Did you mean one of the following? "
                                   "[`a`, `b`, `c`].")
    with pytest.raises(AnalysisException) as e:
        wh.sql("INSERT INTO t1 (a, a) VALUES (2, 3)")
    assert str(e.value).startswith("[COLUMN_ALREADY_EXISTS] The column `a` already exists. Choose another name "
                                   "or rename the existing column.")
    with pytest.raises(AnalysisException) as e:
        wh.sql("INSERT INTO t1 (a, b) VALUES (2, 'y', 3)")
    assert str(e.value).startswith(
        "[INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS] Cannot write to `spark_catalog`.`default`.`t1`, "
        "the reason is too many data columns:\nTable columns: `a`, `b`.\nData columns: `col1`, `col2`, `col3`.")
    assert wh.table("t1").count() == 0


# -- table properties, SHOW CREATE TABLE --------------------------------------------------------

def test_table_properties_set_unset_and_show(wh):
    wh.sql("CREATE TABLE t2 (a INT, b STRING) USING parquet TBLPROPERTIES ('k1'='v1', k2.sub = 'v2') "
           "COMMENT 'hello'")
    show = wh.sql("SHOW TBLPROPERTIES t2")
    assert show.columns == ["key", "value"]
    assert tuples(show) == [("k1", "v1"), ("k2.sub", "v2")]
    assert tuples(wh.sql("SHOW TBLPROPERTIES t2 ('k1')")) == [("k1", "v1")]
    assert tuples(wh.sql("SHOW TBLPROPERTIES t2 ('nope')")) == [
        ("nope", "Table spark_catalog.default.t2 does not have property: nope")]
    wh.sql("ALTER TABLE t2 SET TBLPROPERTIES ('k3'='v3', 'k1'='new')")
    assert tuples(wh.sql("SHOW TBLPROPERTIES t2")) == [("k1", "new"), ("k2.sub", "v2"), ("k3", "v3")]
    wh.sql("ALTER TABLE t2 UNSET TBLPROPERTIES ('k3')")
    wh.sql("ALTER TABLE t2 UNSET TBLPROPERTIES ('nope')")
    wh.sql("ALTER TABLE t2 UNSET TBLPROPERTIES IF EXISTS ('nope')")
    assert tuples(wh.sql("SHOW TBLPROPERTIES t2")) == [("k1", "new"), ("k2.sub", "v2")]
    wh.sql("INSERT INTO t2 VALUES (1, 'a')")
    assert tuples(wh.sql("SHOW TBLPROPERTIES t2")) == [("k1", "new"), ("k2.sub", "v2")], "a write keeps them"
    assert wh.sql("SHOW CREATE TABLE t2").collect()[0][0] == (
        "CREATE TABLE spark_catalog.default.t2 (\n  a INT,\n  b STRING COLLATE UTF8_BINARY)\nUSING parquet\n"
        "COMMENT 'hello'\nTBLPROPERTIES (\n  'k1' = 'new',\n  'k2.sub' = 'v2')\n")


def test_table_properties_of_views_and_unknown_names(wh):
    wh.range(3).createOrReplaceTempView("tv")
    assert tuples(wh.sql("SHOW TBLPROPERTIES tv")) == []
    with pytest.raises(AnalysisException) as e:
        wh.sql("SHOW TBLPROPERTIES nope")
    assert error_class(e) == "TABLE_OR_VIEW_NOT_FOUND"
    with pytest.raises(AnalysisException) as e:
        wh.sql("SHOW CREATE TABLE tv")
    assert str(e.value).startswith("[EXPECT_PERMANENT_VIEW_NOT_TEMP] 'SHOW CREATE TABLE' expects a permanent view "
                                   "but `tv` is a temp view.")
    with pytest.raises(AnalysisException) as e:
        wh.sql("SHOW CREATE TABLE nope")
    assert error_class(e) == "TABLE_OR_VIEW_NOT_FOUND"


def test_show_create_table_as_spark_prints_it(wh):
    wh.sql("CREATE TABLE t3 (a INT NOT NULL COMMENT 'the a', b STRING, p INT) USING csv PARTITIONED BY (p) "
           "OPTIONS (header 'true') COMMENT 'cmt' TBLPROPERTIES ('x'='y')")
    stmt = wh.sql("SHOW CREATE TABLE t3")
    assert stmt.columns == ["createtab_stmt"]
    assert stmt.collect()[0][0] == (
        "CREATE TABLE spark_catalog.default.t3 (\n  a INT COMMENT 'the a',\n  b STRING COLLATE UTF8_BINARY,\n"
        "  p INT)\nUSING csv\nOPTIONS (\n  'header' = 'true')\nPARTITIONED BY (p)\nCOMMENT 'cmt'\n"
        "TBLPROPERTIES (\n  'x' = 'y')\n")
    wh.sql("CREATE TABLE t4 USING json AS SELECT 1 AS a, array(1,2) AS arr, map('a', 1) AS m, "
           "named_struct('x', 1, 'y', 'z') AS s")
    assert wh.sql("SHOW CREATE TABLE t4").collect()[0][0] == (
        "CREATE TABLE spark_catalog.default.t4 (\n  a INT,\n  arr ARRAY<INT>,\n"
        "  m MAP<STRING COLLATE UTF8_BINARY, INT>,\n  s STRUCT<x: INT, y: STRING COLLATE UTF8_BINARY>)\n"
        "USING json\n")
    with pytest.raises(AnalysisException) as e:
        wh.sql("SHOW CREATE TABLE t4 AS SERDE")
    assert error_class(e) == "UNSUPPORTED_SHOW_CREATE_TABLE.ON_DATA_SOURCE_TABLE_WITH_AS_SERDE"


def test_table_properties_survive_a_new_session(wh, tmp_path):
    from ember.sql import SparkSession
    wh.sql("CREATE TABLE kept (a INT) USING parquet TBLPROPERTIES ('owner'='me')")
    other = SparkSession(wh.sparkContext)
    other.conf.set("spark.sql.warehouse.dir", str(tmp_path / "warehouse"))
    assert tuples(other.sql("SHOW TBLPROPERTIES kept")) == [("owner", "me")]


# -- functions ---------------------------------------------------------------------------------

def test_describe_function_layout(spark):
    desc = spark.sql("DESCRIBE FUNCTION upper")
    assert desc.columns == ["function_desc"]
    lines = [r[0] for r in desc.collect()]
    assert lines[0] == "Function: upper"
    assert lines[1].startswith("Class: io.ember.")
    assert lines[2].startswith("Usage: upper(str) - ")
    assert len(lines) == 3
    assert [r[0] for r in spark.sql("DESCRIBE FUNCTION 'upper'").collect()] == lines
    ext = [r[0] for r in spark.sql("DESCRIBE FUNCTION EXTENDED upper").collect()]
    assert ext[:3] == lines
    assert ext[3].startswith("Extended Usage:\n    Examples:\n      > SELECT upper(")
    plus = [r[0] for r in spark.sql("DESCRIBE FUNCTION +").collect()]
    assert plus[0] == "Function: +" and plus[2].startswith("Usage: expr1 + expr2 - ")
    assert spark.sql("DESC FUNCTION count").collect()[0][0] == "Function: count"


def test_describe_function_without_usage_and_unknown(spark):
    spark.udf.register("describe_me", lambda x: x, "int")
    try:
        lines = [r[0] for r in spark.sql("DESCRIBE FUNCTION EXTENDED describe_me").collect()]
        assert lines[2] == "Usage: N/A."
        assert lines[3] == "Extended Usage:\n    No example/argument for describe_me.\n"
        assert ("describe_me",) in tuples(spark.sql("SHOW USER FUNCTIONS"))
        assert ("upper",) not in tuples(spark.sql("SHOW USER FUNCTIONS"))
    finally:
        spark.udf.unregister("describe_me") if hasattr(spark.udf, "unregister") else None
    with pytest.raises(AnalysisException) as e:
        spark.sql("DESCRIBE FUNCTION nope")
    assert str(e.value).startswith("[UNRESOLVED_ROUTINE] Cannot resolve routine `nope` on search path "
                                   "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].")


def test_show_functions_kinds(spark):
    assert tuples(spark.sql("SHOW SYSTEM FUNCTIONS LIKE 'ab*'")) == [("abs",)]
    assert tuples(spark.sql("SHOW FUNCTIONS 'upp*|low*'")) == [("lower",), ("upper",)]


# -- VALUES with complex values; alias with several names -------------------------------------

def test_values_of_maps_arrays_and_structs(spark):
    df = spark.sql("SELECT * FROM VALUES (map('a', 1), array(1, 2), struct(1, 'x')) AS v(m, a, s)")
    assert df.schema.simpleString() == "struct<m:map<string,int>,a:array<int>,s:struct<col1:int,col2:string>>"
    assert tuples(df) == [({"a": 1}, [1, 2], Row(col1=1, col2="x"))]
    df = spark.sql("SELECT * FROM VALUES (array(1,2)), (array(1.5)) AS v(a)")
    assert df.schema.simpleString() == "struct<a:array<decimal(11,1)>>"
    assert tuples(df) == [([Decimal("1.0"), Decimal("2.0")],), ([Decimal("1.5")],)]
    df = spark.sql("SELECT * FROM VALUES (map('a', 1)), (map('b', 2.5)) AS v(m)")
    assert df.schema.simpleString() == "struct<m:map<string,decimal(11,1)>>"
    assert tuples(df) == [({"a": Decimal("1.0")},), ({"b": Decimal("2.5")},)]
    df = spark.sql("SELECT * FROM VALUES (1, array(1)), (2, array(2.5)) AS v(a, b)")
    assert tuples(df) == [(1, [Decimal("1.0")]), (2, [Decimal("2.5")])]
    assert tuples(spark.sql("SELECT * FROM VALUES (named_struct('x', 1)), (null) AS v(s)")) == [(Row(x=1),), (None,)]


def test_alias_with_several_names_over_generators(spark):
    df = spark.createDataFrame([(1, [10, 20]), (2, [30])], "id int, xs array<int>")
    out = df.select("id", F.posexplode("xs").alias("p", "v"))
    assert out.columns == ["id", "p", "v"]
    assert tuples(out) == [(1, 0, 10), (1, 1, 20), (2, 0, 30)]
    inl = spark.range(1).select(F.inline(F.array(F.struct(F.lit(1).alias("a"), F.lit("x").alias("b"))))
                                .alias("x", "y"))
    assert inl.columns == ["x", "y"] and tuples(inl) == [(1, "x")]
    with pytest.raises(AnalysisException) as e:
        df.select(F.explode("xs").alias("p", "v"))
    assert error_class(e) == "UDTF_ALIAS_NUMBER_MISMATCH"
    with pytest.raises(AnalysisException) as e:
        df.select(F.col("id").alias("p", "v"))
    assert error_class(e) == "MULTI_ALIAS_WITHOUT_GENERATOR"


def test_external_table_ddl_options_as_properties_and_comment_key(wh, tmp_path):
    ext = tmp_path / "ext" / "e"
    wh.sql(f"CREATE TABLE e (a INT, `odd name` STRING) USING csv OPTIONS (path '{ext}', sep ';') "
           "COMMENT 'cm' TBLPROPERTIES ('z'='1', 'a'='2')")
    assert wh.sql("SHOW CREATE TABLE e").collect()[0][0] == (
        "CREATE TABLE spark_catalog.default.e (\n  a INT,\n  `odd name` STRING COLLATE UTF8_BINARY)\nUSING csv\n"
        "OPTIONS (\n  'sep' = ';')\nCOMMENT 'cm'\nLOCATION 'file:" + str(ext) + "'\n"
        "TBLPROPERTIES (\n  'a' = '2',\n  'z' = '1')\n")
    assert tuples(wh.sql("SHOW TBLPROPERTIES e")) == [("a", "2"), ("option.sep", ";"), ("z", "1")]
    wh.sql("ALTER TABLE e SET TBLPROPERTIES ('comment'='x')")
    assert tuples(wh.sql("SHOW TBLPROPERTIES e")) == [("a", "2"), ("option.sep", ";"), ("z", "1")]
    assert "\nCOMMENT 'x'\n" in wh.sql("SHOW CREATE TABLE e").collect()[0][0]


def test_alter_properties_errors(wh):
    from ember.errors import ParseException
    wh.range(3).createOrReplaceTempView("tv")
    with pytest.raises(AnalysisException) as e:
        wh.sql("ALTER TABLE tv SET TBLPROPERTIES ('a'='b')")
    assert str(e.value).startswith("[EXPECT_TABLE_NOT_VIEW.USE_ALTER_VIEW] 'ALTER TABLE ... SET TBLPROPERTIES' "
                                   "expects a table but `tv` is a view. Please use ALTER VIEW instead.")
    with pytest.raises(AnalysisException) as e:
        wh.sql("ALTER VIEW tv SET TBLPROPERTIES ('a'='b')")
    assert str(e.value).startswith("[EXPECT_PERMANENT_VIEW_NOT_TEMP] 'ALTER VIEW ... SET TBLPROPERTIES' expects a "
                                   "permanent view but `tv` is a temp view.")
    wh.sql("CREATE TABLE t (a INT) USING parquet")
    with pytest.raises(ParseException) as e:
        wh.sql("ALTER TABLE t UNSET TBLPROPERTIES ('a'='b')")
    assert error_class(e) == "_LEGACY_ERROR_TEMP_0035"
    assert "Operation not allowed: Values should not be specified for key(s): [a]." in str(e.value)
    with pytest.raises(AnalysisException) as e:
        wh.sql("INSERT INTO t (a) SELECT 1, 2")
    assert error_class(e) == "INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS"
