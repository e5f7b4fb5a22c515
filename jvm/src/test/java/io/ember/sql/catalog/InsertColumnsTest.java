package io.ember.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsertColumnsTest {
    private final CatalogTable table = new CatalogTable("default", "t", "parquet", new StructType(List.of(
            new StructField("a", DataTypes.IntegerType, true), new StructField("b", DataTypes.StringType, true),
            new StructField("c", DataTypes.DoubleType, true))), List.of(), Map.of(), "file:/t", "MANAGED", null, 0L,
            null, 0);
    private final AttributeReference x = new AttributeReference("x", DataTypes.StringType, true);
    private final AttributeReference y = new AttributeReference("B", DataTypes.IntegerType, true);
    private final LogicalPlan query = new LocalRelation(List.of(x, y), List.of());

    /** The value under each table column, aliases stripped. */
    private static List<Expression> values(LogicalPlan fitted) {
        return ((Project) fitted).projectList().stream().map(e -> ((Alias) e).child()).toList();
    }

    private static List<String> names(LogicalPlan fitted) {
        return fitted.output().stream().map(AttributeReference::name).toList();
    }

    @Test
    void listedColumnsTakeTheQueryColumnsInOrderAndTheRestAreTypedNulls() {
        LogicalPlan fitted = InsertColumns.fit(table, List.of("B", "a"), query);
        assertEquals(List.of("a", "b", "c"), names(fitted));
        assertEquals(List.of(y, x, new Literal(null, DataTypes.DoubleType)), values(fitted));
    }

    @Test
    void byNameMatchesColumnNamesCaseInsensitively() {
        LogicalPlan q = new LocalRelation(List.of(y), List.of());
        assertEquals(List.of(new Literal(null, DataTypes.IntegerType), y, new Literal(null, DataTypes.DoubleType)),
                values(InsertColumns.fit(table, null, q)));
        AnalysisException extra = assertThrows(AnalysisException.class, () -> InsertColumns.fit(table, null, query));
        assertEquals("INCOMPATIBLE_DATA_FOR_TABLE.EXTRA_COLUMNS", extra.getErrorClass());
    }

    @Test
    void unknownRepeatedAndMiscountedListsAreRefused() {
        assertEquals("UNRESOLVED_COLUMN.WITH_SUGGESTION", assertThrows(AnalysisException.class,
                () -> InsertColumns.fit(table, List.of("a", "nope"), query)).getErrorClass());
        assertEquals("COLUMN_ALREADY_EXISTS", assertThrows(AnalysisException.class,
                () -> InsertColumns.fit(table, List.of("a", "A"), query)).getErrorClass());
        assertEquals("INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS", assertThrows(AnalysisException.class,
                () -> InsertColumns.fit(table, List.of("a", "b", "c"), query)).getErrorClass());
    }
}
