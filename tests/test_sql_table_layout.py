"""How a table's layout is recorded and checked: DESCRIBE's `# Partition Information`,
saveAsTable's append with a different partitioning (`_LEGACY_ERROR_TEMP_1163`), and
`DataFrameWriter.clusterBy` on v1 tables as PySpark classic keeps it (the `clusteringColumns`
property, `# Clustering Information`, `cluster_by(...)` in SHOW CREATE TABLE, isCluster and
isBucket in listColumns, `CLUSTERING_COLUMNS_MISMATCH` on append). Expected values are PySpark
4.3's answers."""

import pytest

from ember.errors import AnalysisException


@pytest.fixture
def wh(spark, tmp_path):
    """A session with a warehouse of its own (not shared with other tests' sessions)."""
    from ember.sql import SparkSession
    session = SparkSession(spark.sparkContext)
    session.conf.set("spark.sql.warehouse.dir", str(tmp_path / "warehouse"))
    return session


@pytest.fixture
def df(wh):
    return wh.createDataFrame([(1, "a", 10), (2, "b", 20)], "k int, s string, p int")


def described(wh, statement):
    return [tuple(r) for r in wh.sql(statement).collect()]


def test_describe_shows_partition_information(wh, df):
    df.write.partitionBy("p", "s").saveAsTable("pt")
    assert described(wh, "DESCRIBE pt") == [
        ("k", "int", None), ("p", "int", None), ("s", "string", None),
        ("# Partition Information", "", ""), ("# col_name", "data_type", "comment"),
        ("p", "int", None), ("s", "string", None)]
    extended = described(wh, "DESCRIBE TABLE EXTENDED pt")
    assert extended[:7] == described(wh, "DESCRIBE pt")
    assert extended[7:9] == [("", "", ""), ("# Detailed Table Information", "", "")]
    assert extended[-1] == ("Partition Provider", "Catalog", "")
    df.write.saveAsTable("plain")
    assert described(wh, "DESCRIBE plain") == [("k", "int", None), ("s", "string", None), ("p", "int", None)]
    assert [r[0] for r in wh.sql("SHOW COLUMNS IN pt").collect()] == ["k", "p", "s"]


def test_append_with_other_partitioning_is_refused(wh, df):
    df.write.partitionBy("p").saveAsTable("pt")
    df.write.saveAsTable("plain")
    for writer, table, specified, existing in [
            (df.write.mode("append").partitionBy("s"), "pt", "s", "p"),
            (df.write.mode("append"), "pt", "", "p"),
            (df.write.mode("append").partitionBy("p"), "plain", "p", "")]:
        with pytest.raises(AnalysisException) as e:
            writer.saveAsTable(table)
        assert e.value.getCondition() == "_LEGACY_ERROR_TEMP_1163"
        assert e.value.getMessageParameters() == {
            "tableName": "spark_catalog.default." + table, "specifiedPartCols": specified,
            "existingPartCols": existing}
        assert str(e.value).endswith(
            "Specified partitioning does not match that of the existing table spark_catalog.default.%s.\n"
            "Specified partition columns: [%s].\nExisting partition columns: [%s]." % (table, specified, existing))
    df.write.mode("append").partitionBy("P").saveAsTable("pt")
    df.write.mode("append").saveAsTable("plain")
    assert wh.table("pt").count() == 4 and wh.table("plain").count() == 4


def test_cluster_by_records_the_clustering_columns(wh, df):
    df.write.clusterBy("K", "s").saveAsTable("ct")
    assert described(wh, "SHOW TBLPROPERTIES ct") == [("clusteringColumns", '[["k"],["s"]]')]
    assert described(wh, "DESCRIBE TABLE ct") == [
        ("k", "int", None), ("s", "string", None), ("p", "int", None),
        ("# Clustering Information", "", ""), ("# col_name", "data_type", "comment"),
        ("k", "int", None), ("s", "string", None)]
    extended = described(wh, "DESCRIBE TABLE EXTENDED ct")
    assert ("Table Properties", '[clusteringColumns=[["k"],["s"]]]', "") in extended
    names = [r[0] for r in extended]
    assert names.index("Provider") < names.index("Table Properties") < names.index("Location")
    assert wh.sql("SHOW CREATE TABLE ct").collect()[0][0] == (
        "CREATE TABLE spark_catalog.default.ct (\n  k INT,\n  s STRING COLLATE UTF8_BINARY,\n  p INT)\n"
        "USING parquet\nPARTITIONED BY (cluster_by(k, s))\nTBLPROPERTIES (\n"
        "  'clusteringColumns' = '[[\"k\"],[\"s\"]]')\n")
    assert [(c.name, c.isPartition, c.isBucket, c.isCluster) for c in wh.catalog.listColumns("ct")] == [
        ("k", False, False, True), ("s", False, False, True), ("p", False, False, False)]
    assert sorted(tuple(r) for r in wh.table("ct").collect()) == [(1, "a", 10), (2, "b", 20)]
    df.write.mode("overwrite").clusterBy(["s"]).saveAsTable("ct")
    assert described(wh, "SHOW TBLPROPERTIES ct") == [("clusteringColumns", '[["s"]]')]


def test_list_columns_flags_bucket_columns(wh, df):
    df.write.bucketBy(2, "k").saveAsTable("bt")
    assert [(c.name, c.isBucket, c.isCluster) for c in wh.catalog.listColumns("bt")] == [
        ("k", True, False), ("s", False, False), ("p", False, False)]


def test_cluster_by_append_must_match(wh, df):
    df.write.clusterBy("k").saveAsTable("ct")
    df.write.saveAsTable("plain")
    for writer, table, specified, existing in [
            (df.write.mode("append").clusterBy("s"), "ct", '[["s"]]', '[["k"]]'),
            (df.write.mode("append"), "ct", "", '[["k"]]'),
            (df.write.mode("append").clusterBy("k"), "plain", '[["k"]]', "")]:
        with pytest.raises(AnalysisException) as e:
            writer.saveAsTable(table)
        assert e.value.getCondition() == "CLUSTERING_COLUMNS_MISMATCH"
        assert e.value.getMessageParameters() == {
            "tableName": "spark_catalog.default." + table, "specifiedClusteringString": specified,
            "existingClusteringString": existing}
        assert str(e.value).endswith(
            "Specified clustering does not match that of the existing table spark_catalog.default.%s.\n"
            "Specified clustering columns: [%s].\nExisting clustering columns: [%s]. SQLSTATE: 42P10"
            % (table, specified, existing))
    df.write.mode("append").clusterBy("k").saveAsTable("ct")
    assert wh.table("ct").count() == 4


def test_cluster_by_refusals(wh, df, tmp_path):
    with pytest.raises(AnalysisException) as e:
        df.write.clusterBy("nope").saveAsTable("c1")
    assert e.value.getCondition() == "_LEGACY_ERROR_TEMP_3060"
    schema = "root\n |-- k: integer (nullable = true)\n |-- s: string (nullable = true)\n" \
             " |-- p: integer (nullable = true)\n"
    assert e.value.getMessageParameters() == {"i": "nope", "schema": schema}
    assert str(e.value).endswith("Couldn't find column nope in:\n" + schema)
    with pytest.raises(AnalysisException) as e:
        df.write.clusterBy("k").partitionBy("p").bucketBy(2, "k").saveAsTable("c2")
    assert str(e.value) == ("[SPECIFY_CLUSTER_BY_WITH_PARTITIONED_BY_IS_NOT_ALLOWED] Cannot specify both "
                            "CLUSTER BY and PARTITIONED BY. SQLSTATE: 42908")
    with pytest.raises(AnalysisException) as e:
        df.write.clusterBy("k").bucketBy(2, "k").saveAsTable("c3")
    assert str(e.value) == ("[SPECIFY_CLUSTER_BY_WITH_BUCKETING_IS_NOT_ALLOWED] Cannot specify both "
                            "CLUSTER BY and CLUSTERED BY INTO BUCKETS. SQLSTATE: 42908")
    assert not wh.catalog.tableExists("c1") and not wh.catalog.tableExists("c3")
    # other writes ignore it, as PySpark classic does
    df.write.clusterBy("k").save(str(tmp_path / "files"))
    df.write.saveAsTable("plain")
    df.write.clusterBy("k").insertInto("plain")
    assert wh.table("plain").count() == 4
