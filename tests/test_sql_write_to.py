"""df.writeTo (DataFrameWriterV2) over the session catalog's warehouse tables: what PySpark 4.3
(classic) answers for the same calls on a v1 (session catalog) table."""

import os

import pytest

from ember.errors import AnalysisException
from ember.sql import functions as F


@pytest.fixture
def wh(spark, tmp_path):
    from ember.sql import SparkSession
    session = SparkSession(spark.sparkContext)
    session.conf.set("spark.sql.warehouse.dir", str(tmp_path / "warehouse"))
    return session


@pytest.fixture
def df(wh):
    return wh.createDataFrame([(1, "a"), (2, "b")], "id int, v string")


def _rows(session, name):
    return sorted(tuple(r) for r in session.table(name).collect())


def test_create_writes_a_managed_table(wh, df, tmp_path):
    df.writeTo("t").using("json").option("compression", "none").create()
    assert _rows(wh, "t") == [(1, "a"), (2, "b")]
    assert wh.catalog.getTable("t").tableType == "MANAGED"
    assert any(f.endswith(".json") for f in os.listdir(tmp_path / "warehouse" / "t"))
    with pytest.raises(AnalysisException) as e:
        df.writeTo("t").create()
    assert e.value.getErrorClass() == "TABLE_OR_VIEW_ALREADY_EXISTS"
    assert "Cannot create table or view `spark_catalog`.`default`.`t` because it already exists." in str(e.value)


def test_create_partitioned_by_columns(wh, df, tmp_path):
    df.writeTo("p").partitionedBy(F.col("v")).partitionedBy("v").tableProperty("k", "x").create()
    assert sorted(os.listdir(tmp_path / "warehouse" / "p")) == ["_SUCCESS", "v=a", "v=b"]
    assert _rows(wh, "p") == [(1, "a"), (2, "b")]
    with pytest.raises(AnalysisException) as e:
        df.writeTo("q").partitionedBy(F.upper("v")).create()
    assert e.value.getErrorClass() == "UNSUPPORTED_PARTITION_TRANSFORM"
    assert not wh.catalog.tableExists("q")


@pytest.mark.parametrize("write", [
    lambda w: w.append(), lambda w: w.overwrite(F.col("id") == 1), lambda w: w.overwritePartitions()])
def test_writes_into_a_v1_table_are_refused(wh, df, write):
    df.writeTo("t").create()
    with pytest.raises(AnalysisException) as e:
        write(df.writeTo("t"))
    assert e.value.getErrorClass() == "_LEGACY_ERROR_TEMP_1012"
    assert e.value.getMessageParameters() == {"identifier": "`spark_catalog`.`default`.`t`"}
    assert "Cannot write into v1 table: `spark_catalog`.`default`.`t`." in str(e.value)
    assert _rows(wh, "t") == [(1, "a"), (2, "b")]
    with pytest.raises(AnalysisException) as e:
        write(df.writeTo("nope"))
    assert e.value.getErrorClass() == "TABLE_OR_VIEW_NOT_FOUND"


@pytest.mark.parametrize("name", ["t", "fresh"])
def test_replace_is_not_supported_by_the_session_catalog(wh, df, name):
    df.writeTo("t").create()
    for call in (lambda w: w.replace(), lambda w: w.createOrReplace()):
        with pytest.raises(AnalysisException) as e:
            call(df.writeTo(name))
        assert e.value.getErrorClass() == "UNSUPPORTED_FEATURE.TABLE_OPERATION"
        assert e.value.getMessageParameters() == {
            "tableName": "`spark_catalog`.`default`.`%s`" % name, "operation": "REPLACE TABLE AS SELECT"}
    assert _rows(wh, "t") == [(1, "a"), (2, "b")]
    assert not wh.catalog.tableExists("fresh")
