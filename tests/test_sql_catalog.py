"""The session catalog from Python: temporary and global temporary views in the JVM catalog,
``spark.table``, ``spark.catalog``'s view and cache calls, with PySpark 4.3's errors."""

import pytest

from ember.sql import functions as F
from ember.errors import AnalysisException, TempTableAlreadyExistsException

NOT_FOUND_TAIL = ("cannot be found. Verify the spelling and correctness of the schema and catalog.\n"
                  "Search path: [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].\n"
                  "If you did not qualify the name with a schema, verify the current_schema() output, or "
                  "qualify the name with the correct schema and catalog.\n"
                  "To tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.")


@pytest.fixture
def session(spark):
    """A session of its own, so views of one test never meet another's."""
    return spark.newSession()


def test_temp_view_is_read_back_by_name_case_insensitively(session):
    session.range(4).createOrReplaceTempView("nums")
    assert [r.id for r in session.table("NUMS").collect()] == [0, 1, 2, 3]
    assert session.read.table("nums").count() == 4


def test_unknown_name_raises_table_or_view_not_found_as_pyspark(session):
    with pytest.raises(AnalysisException) as e:
        session.table("db1.nope")
    assert str(e.value) == "[TABLE_OR_VIEW_NOT_FOUND] The table or view `db1`.`nope` " + NOT_FOUND_TAIL
    assert e.value.getErrorClass() == "TABLE_OR_VIEW_NOT_FOUND"
    assert e.value.getMessageParameters()["relationName"] == "`db1`.`nope`"


def test_create_temp_view_twice_fails_replace_does_not(session):
    session.range(1).createTempView("once")
    with pytest.raises(TempTableAlreadyExistsException) as e:
        session.range(2).createTempView("ONCE")
    assert str(e.value) == ("[TEMP_TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create the temporary view `ONCE` "
                            "because it already exists.\nChoose a different name, drop or replace the "
                            "existing view.")
    session.range(2).createOrReplaceTempView("once")
    assert session.table("once").count() == 2


def test_view_names_take_one_part(session):
    with pytest.raises(AnalysisException, match=r"TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS.*but got: a\.b\."):
        session.range(1).createTempView("a.b")
    session.range(1).createTempView("`a.b`")
    assert session.table("`a.b`").count() == 1


def test_temp_views_are_per_session_global_ones_per_application(session):
    session.range(3).createOrReplaceTempView("mine")
    session.range(5).createOrReplaceGlobalTempView("shared_v")
    other = session.newSession()
    with pytest.raises(AnalysisException, match="TABLE_OR_VIEW_NOT_FOUND"):
        other.table("mine")
    assert other.table("global_temp.shared_v").count() == 5
    with pytest.raises(AnalysisException, match="`shared_v` cannot be found"):
        other.table("shared_v")
    with pytest.raises(TempTableAlreadyExistsException):
        other.range(1).createGlobalTempView("shared_v")
    assert other.catalog.dropGlobalTempView("shared_v") is True
    assert session.catalog.dropGlobalTempView("shared_v") is False


def test_list_tables_and_columns(session):
    session.range(2).createOrReplaceTempView("lt_b")
    session.range(2).withColumn("s", F.col("id").cast("string")).createOrReplaceTempView("lt_a")
    names = [(t.name, t.tableType, t.isTemporary, t.namespace, t.catalog)
             for t in session.catalog.listTables()]
    assert names == [("lt_a", "TEMPORARY", True, [], None), ("lt_b", "TEMPORARY", True, [], None)]
    assert [t.name for t in session.catalog.listTables(pattern="*_b")] == ["lt_b"]
    cols = session.catalog.listColumns("lt_a")
    assert [(c.name, c.dataType, c.isPartition, c.isBucket) for c in cols] == \
        [("id", "bigint", False, False), ("s", "string", False, False)]
    assert cols[0].nullable is False
    t = session.catalog.getTable("lt_b")
    assert (t.name, t.tableType, t.isTemporary, t.database) == ("lt_b", "TEMPORARY", True, None)
    assert session.catalog.tableExists("lt_b") and not session.catalog.tableExists("lt_c")


def test_list_tables_of_an_unknown_database(session):
    with pytest.raises(AnalysisException) as e:
        session.catalog.listTables("nodb")
    assert str(e.value).startswith("[SCHEMA_NOT_FOUND] The schema `spark_catalog`.`nodb` cannot be found.")


def test_drop_temp_view_uncaches_it(session):
    session.range(10).createOrReplaceTempView("cached_v")
    session.catalog.cacheTable("cached_v")
    assert session.catalog.isCached("cached_v")
    assert session.table("cached_v").count() == 10
    assert session.catalog.dropTempView("cached_v") is True
    assert session.catalog.dropTempView("cached_v") is False
    session.range(10).createOrReplaceTempView("cached_v")
    assert not session.catalog.isCached("cached_v"), "the dropped view took its cache along"


def test_self_join_of_a_view(session):
    session.range(3).createOrReplaceTempView("sj")
    assert session.table("sj").join(session.table("sj"), "id").count() == 3


def test_new_session_leaves_the_active_session_alone(spark):
    from ember.sql import SparkSession
    before = SparkSession.getActiveSession()
    spark.newSession()
    assert SparkSession.getActiveSession() is before
