package io.ember.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.plans.UnresolvedRelation;
import io.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmberSessionCatalogTest {
    private final AttributeReference a = new AttributeReference("a", DataTypes.IntegerType, true);
    private final LocalRelation rel = new LocalRelation(List.of(a), List.of());
    private final SharedCatalogState shared = new SharedCatalogState(null);
    private final TestingCatalogSession session = new TestingCatalogSession();
    private final EmberSessionCatalog catalog = catalogFor(session);

    private EmberSessionCatalog catalogFor(TestingCatalogSession s) {
        EmberSessionCatalog c = new EmberSessionCatalog(shared, s);
        s.serve(c);
        return c;
    }

    @Test
    void aTempViewResolvesUnderAnAliasOfItsName() {
        catalog.createTempView("V", rel, false);
        assertEquals(new SubqueryAlias("v", rel), catalog.lookupRelation(List.of("v")));
        assertTrue(catalog.tableExists(List.of("V")));
    }

    @Test
    void aViewOverAnotherViewIsStoredAnalyzed() {
        catalog.createTempView("base", rel, false);
        catalog.createTempView("top", new Project(List.of(new UnresolvedAttribute(List.of("a"), -1)),
                new UnresolvedRelation(List.of("base"))), false);
        LogicalPlan top = catalog.getTempView("top").orElseThrow().plan();
        assertTrue(top.resolved());
        assertEquals(List.of(a), top.output().stream().map(x -> x.withQualifier(List.of())).toList());
    }

    @Test
    void creatingATakenNameFailsUnlessReplacing() {
        catalog.createTempView("v", rel, false);
        AnalysisException e = assertThrows(AnalysisException.class, () -> catalog.createTempView("V", rel, false));
        assertEquals("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", e.getErrorClass());
        assertEquals("`V`", e.getMessageParameters().get("relationName"));
        catalog.createTempView("v", rel, true);
    }

    @Test
    void globalViewsAreSharedBySessionsOfTheStateAndNeedTheirDatabase() {
        TestingCatalogSession otherSession = new TestingCatalogSession();
        EmberSessionCatalog other = catalogFor(otherSession);
        catalog.createGlobalTempView("g", rel, false);
        catalog.createTempView("t", rel, false);
        assertEquals(new SubqueryAlias("g", rel), other.lookupRelation(List.of("GLOBAL_TEMP", "g")));
        assertFalse(other.tableExists(List.of("t")));
        AnalysisException e = assertThrows(AnalysisException.class, () -> other.lookupRelation(List.of("g")));
        assertEquals("TABLE_OR_VIEW_NOT_FOUND", e.getErrorClass());
        assertEquals("`g`", e.getMessageParameters().get("relationName"));
        assertTrue(other.dropGlobalTempView("g"));
        assertFalse(catalog.tableExists(List.of("global_temp", "g")));
    }

    @Test
    void notFoundNamesTheSearchPathOfTheCurrentDatabase() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> catalog.lookupRelation(List.of("x", "y")));
        assertEquals("[TABLE_OR_VIEW_NOT_FOUND] The table or view `x`.`y` cannot be found. Verify the spelling and"
                + " correctness of the schema and catalog.\nSearch path: [`system`.`builtin`, `system`.`session`,"
                + " `spark_catalog`.`default`].\nIf you did not qualify the name with a schema, verify the"
                + " current_schema() output, or qualify the name with the correct schema and catalog.\nTo tolerate"
                + " the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.", e.getMessage());
    }

    @Test
    void droppingAViewUncachesItsPlan() {
        catalog.createTempView("v", rel, false);
        assertTrue(catalog.dropTempView("V"));
        assertFalse(catalog.dropTempView("v"));
        assertEquals(List.of(rel), session.uncached);
    }

    @Test
    void viewNamesHaveOnePart() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> catalog.createTempView("a.b", rel, false));
        assertEquals("TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS", e.getErrorClass());
        catalog.createTempView("`a.b`", rel, false);
        assertTrue(catalog.tableExists(List.of("a.b")));
    }

    @Test
    void listsViewsSortedAndFilteredBySparksPattern() {
        for (String n : List.of("sales", "Salaries", "costs")) {
            catalog.createTempView(n, rel, false);
        }
        catalog.createGlobalTempView("gv", rel, false);
        assertEquals(List.of("costs", "Salaries", "sales"), names(catalog.listTables(null, null)));
        assertEquals(List.of("Salaries", "sales"), names(catalog.listTables(null, "sa*")));
        assertEquals(List.of("costs", "sales"), names(catalog.listTables(null, "cost*|sales")));
        assertEquals(List.of("gv", "costs", "Salaries", "sales"), names(catalog.listTables("global_temp", null)));
        assertEquals("SCHEMA_NOT_FOUND",
                assertThrows(AnalysisException.class, () -> catalog.listTables("nodb", null)).getErrorClass());
    }

    private static List<String> names(List<TableInfo> tables) {
        return tables.stream().map(TableInfo::name).toList();
    }
}
