package io.ember.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {
    @TempDir
    Path dir;

    private CatalogTable table(String name, long version) {
        StructType schema = new StructType(List.of(new StructField("v", DataTypes.StringType, true),
                new StructField("k", DataTypes.IntegerType, true)));
        return new CatalogTable("default", name, "csv", schema, List.of("k"), Map.of("header", "true"),
                "file:" + dir.resolve(name), "MANAGED", "a comment", 42L, new TableStats(10, 3L), version);
    }

    @Test
    void tablesReadBackInAnotherInstanceAsWritten() {
        CatalogTable t = table("t", 0);
        assertTrue(new Warehouse(dir).createTable(t));
        Warehouse restarted = new Warehouse(dir);
        assertEquals(t, restarted.getTable("DEFAULT", "T").orElseThrow());
        assertEquals(List.of(t), restarted.listTables("default"));
    }

    @Test
    void tablePropertiesSurviveARestartAndDataChanges() {
        CatalogTable t = table("p", 0).withProperties(Map.of("b", "2", "a", "1"));
        assertTrue(new Warehouse(dir).createTable(t));
        Warehouse restarted = new Warehouse(dir);
        CatalogTable read = restarted.getTable("default", "p").orElseThrow();
        assertEquals(List.of("a", "b"), List.copyOf(read.properties().keySet()), "sorted by key");
        restarted.alterTable(read.afterDataChange().withStats(new TableStats(1, 1L)));
        assertEquals(Map.of("a", "1", "b", "2"), new Warehouse(dir).getTable("default", "p").orElseThrow().properties());
    }

    @Test
    void createStatementListsColumnsOptionsPartitionsCommentAndProperties() {
        StructType schema = new StructType(List.of(
                new StructField("a", DataTypes.IntegerType, true, Map.of("comment", "it's a")),
                new StructField("odd name", new io.ember.sql.types.MapType(DataTypes.StringType,
                        new io.ember.sql.types.ArrayType(DataTypes.LongType)), true),
                new StructField("k", DataTypes.IntegerType, true)));
        CatalogTable t = new CatalogTable("default", "t", "csv", schema, List.of("k"), Map.of("header", "true"),
                "file:/x/t", "MANAGED", "c", 0L, null, 0, null, Map.of("x", "y"));
        assertEquals("CREATE TABLE spark_catalog.default.t (\n  a INT COMMENT 'it\\'s a',\n"
                + "  `odd name` MAP<STRING COLLATE UTF8_BINARY, ARRAY<BIGINT>>,\n  k INT)\nUSING csv\n"
                + "OPTIONS (\n  'header' = 'true')\nPARTITIONED BY (k)\nCOMMENT 'c'\nTBLPROPERTIES (\n  'x' = 'y')\n",
                TableDdl.createStatement(t));
        CatalogTable external = new CatalogTable("default", "e", "parquet", new StructType(List.of(
                new StructField("s", new StructType(List.of(new StructField("f", DataTypes.DoubleType, false))), true))),
                List.of(), Map.of("path", "/data/e"), "file:/data/e", "EXTERNAL", null, 0L, null, 0);
        assertEquals("CREATE TABLE spark_catalog.default.e (\n  s STRUCT<f: DOUBLE NOT NULL>)\nUSING parquet\n"
                + "LOCATION 'file:/data/e'\n", TableDdl.createStatement(external));
    }

    @Test
    void creatingAnExistingTableFailsAndAlterReplaces() {
        Warehouse w = new Warehouse(dir);
        assertTrue(w.createTable(table("t", 0)));
        assertFalse(w.createTable(table("t", 5)));
        assertEquals(0, w.getTable("default", "t").orElseThrow().version());
        w.alterTable(table("t", 0).afterDataChange());
        CatalogTable changed = w.getTable("default", "t").orElseThrow();
        assertEquals(1, changed.version());
        assertEquals(null, changed.stats(), "a write drops the statistics");
        assertTrue(w.dropTable("default", "t"));
        assertFalse(w.dropTable("default", "t"));
        assertEquals(List.of(), w.listTables("default"));
    }

    @Test
    void databasesHaveDirectoriesAndDefaultAlwaysExists() {
        Warehouse w = new Warehouse(dir);
        assertTrue(w.createDatabase("Sales", "numbers", null));
        assertFalse(w.createDatabase("sales", null, null));
        assertEquals(List.of("default", "sales"), w.listDatabases().stream().map(DatabaseInfo::name).toList());
        assertEquals("file:" + dir.resolve("sales.db"), new Warehouse(dir).getDatabase("SALES").orElseThrow().locationUri());
        assertEquals(dir.resolve("sales.db").resolve("t"), w.defaultTableLocation("sales", "T"));
        assertEquals(dir.resolve("t"), w.defaultTableLocation("default", "t"));
        assertTrue(w.dropDatabase("sales"));
        assertTrue(w.getDatabase("sales").isEmpty());
    }
}
