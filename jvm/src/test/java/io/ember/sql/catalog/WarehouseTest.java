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
