package io.ember.sql.sources;

import static io.ember.sql.sources.SourceTesting.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.And;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.EqualTo;
import io.ember.sql.expressions.GreaterThan;
import io.ember.sql.expressions.IsNotNull;
import io.ember.sql.expressions.Literal;
import io.ember.sql.planning.QueryPlanner;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.DataTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File relations under the real planner and comparison expressions: pruning and skipping end to end. */
class ScanPlanningTest {
    private static SourceTesting t;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        t = new SourceTesting();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static FileSourceScanExec scanOf(SparkPlan plan) {
        List<SparkPlan> scans = plan.collect(p -> p instanceof FileSourceScanExec);
        assertEquals(1, scans.size(), plan.treeString());
        return (FileSourceScanExec) scans.get(0);
    }

    @Test
    void partitionFilterPrunesDirectoriesUnderThePlanner() throws Exception {
        SourceTesting.write(tmp.resolve("t/k=1/a.csv"), "v\n10\n11\n");
        SourceTesting.write(tmp.resolve("t/k=2/b.csv"), "v\n20\n");
        SourceTesting.write(tmp.resolve("t/k=3/c.csv"), "v\n30\n");
        LogicalPlan rel = t.resolve("csv", tmp.resolve("t").toString(), Map.of("header", "true", "inferSchema", "true"), null);
        AttributeReference k = rel.output().get(1);
        LogicalPlan query = new Filter(new And(new IsNotNull(k), new EqualTo(k, new Literal(2, DataTypes.IntegerType))), rel);
        SparkPlan physical = new QueryPlanner(t.conf).plan(query);
        FileSourceScanExec scan = scanOf(physical);
        assertEquals(1, scan.selectedPartitions().size());
        assertTrue(scan.simpleString().contains("PartitionFilters: [(k IS NOT NULL), (k = 2)]"), scan.simpleString());
        List<List<Object>> rows = SourceTesting.toRows(physical.executeCollect(new ExecutionContext(t.ec, t.conf)));
        assertEquals(List.of(row(20, 2)), rows);
    }

    @Test
    void parquetRowGroupsAreSkippedForARealComparison() throws Exception {
        List<AttributeReference> cols = List.of(new AttributeReference("x", DataTypes.LongType, true));
        List<List<Object>> data = new ArrayList<>();
        for (long i = 0; i < 20_000; i++) {
            data.add(row(i));
        }
        Path out = tmp.resolve("p");
        DataSource.write(t.batches(cols, data, 1), cols, "parquet", out.toString(), "error", List.of(),
                Map.of("parquet.block.size", "16384"), t.conf);
        LogicalPlan rel = t.resolve("parquet", out.toString(), Map.of(), null);
        AttributeReference x = rel.output().get(0);
        LogicalPlan query = new Filter(new GreaterThan(x, new Literal(19_990L, DataTypes.LongType)), rel);
        SparkPlan physical = new QueryPlanner(t.conf).plan(query);
        ExecutionContext ctx = new ExecutionContext(t.ec, t.conf);
        assertEquals(9, SourceTesting.toRows(physical.executeCollect(ctx)).size());
        int scanned = SourceTesting.toRows(scanOf(physical).executeCollect(ctx)).size();
        assertTrue(scanned < 20_000 / 2, "rows the scan read: " + scanned);
    }
}
