package io.ember.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Statistics;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableStatisticsTest {
    private final AttributeReference id = new AttributeReference("id", DataTypes.LongType, true);
    private final AttributeReference name = new AttributeReference("name", DataTypes.StringType, true);

    /** A relation that plans its own scan, with the given statistics. */
    private static final class SizedRelation extends io.ember.sql.plans.LeafNode
            implements io.ember.sql.planning.ScanRelation {
        private final List<AttributeReference> output;
        private final Statistics stats;

        SizedRelation(List<AttributeReference> output, Statistics stats) {
            this.output = output;
            this.stats = stats;
        }

        @Override
        public List<AttributeReference> output() {
            return output;
        }

        @Override
        public Statistics stats() {
            return stats;
        }

        @Override
        public io.ember.sql.execution.SparkPlan planScan(List<AttributeReference> columns,
                List<io.ember.sql.expressions.Expression> filters) {
            throw new AssertionError("not planned in this test");
        }

        @Override
        protected List<Object> args() {
            return List.of(output);
        }
    }

    private CatalogTable table(TableStats stats) {
        StructType schema = new StructType(List.of(new StructField("id", DataTypes.LongType, true),
                new StructField("name", DataTypes.StringType, true)));
        return new CatalogTable("default", "t", "parquet", schema, List.of(), Map.of(), "file:/t", "MANAGED", null, 0,
                stats, 0);
    }

    @Test
    void analyzedStatisticsReplaceTheFilesSizes() {
        SizedRelation files = new SizedRelation(List.of(id, name), new Statistics(5000, null));
        assertEquals(new Statistics(5000, null), new CatalogTableRelation(table(null), files).stats());
        assertEquals(new Statistics(4000, 100L),
                new CatalogTableRelation(table(new TableStats(4000, 100L)), files).stats());
    }

    @Test
    void aSelectKeepsTheRowCountAndScalesBytesByRowWidth() {
        LogicalPlan rel = new CatalogTableRelation(table(new TableStats(3600, 100L)),
                new SizedRelation(List.of(id, name), new Statistics(9, null)));
        // rows of (8 + 8 + 20) bytes narrowed to (8 + 8): 3600 * 16 / 36
        assertEquals(new Statistics(1600, 100L), new Project(List.of(id), rel).stats());
        LocalRelation local = new LocalRelation(List.of(id, name), List.of());
        assertEquals(local.stats().rowCount(), new Project(List.of(name), local).stats().rowCount());
    }
}
