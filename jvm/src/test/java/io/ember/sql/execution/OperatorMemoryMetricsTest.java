package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.execution.metric.MetricType;
import io.ember.sql.execution.metric.SqlMetric;
import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.BoundReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import io.ember.storage.DiskBlockManager;
import io.ember.storage.MemoryManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator's peak memory and spill size as {@link TaskMemory} measures them for the SQL metrics. */
class OperatorMemoryMetricsTest {
    private static final long BUDGET = 256 * 1024;
    private Path dir;
    private DiskBlockManager disks;
    private MemoryManager manager;

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createTempDirectory("sql-metrics");
        disks = new DiskBlockManager(List.of(dir.toString()));
        manager = new MemoryManager(BUDGET, 0.0);
    }

    @AfterEach
    void tearDown() {
        disks.stop();
        DiskBlockManager.deleteRecursively(dir);
    }

    private static List<ColumnBatch> input(int rows, int keys) {
        List<ColumnBatch> out = new ArrayList<>();
        for (int from = 0; from < rows; from += 4096) {
            int n = Math.min(4096, rows - from);
            String[] k = new String[n];
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                k[i] = "key-" + ((from + i) * 7919L % keys);
                v[i] = i;
            }
            out.add(new ColumnBatch(new ColumnVector[] {new StringVector(k), new LongVector(DataTypes.LongType, v, null)},
                    n));
        }
        return out;
    }

    private static AggregateSpec sumByKey() {
        Expression v = new BoundReference(1, DataTypes.LongType, false);
        AggregateFunction[] fns = {new TestAggs.Sum(v)};
        return new AggregateSpec(new Expression[] {new BoundReference(0, DataTypes.StringType, true)},
                List.of(DataTypes.StringType), fns, new Expression[][] {{v}});
    }

    private static long drain(Iterator<ColumnBatch> it) {
        long rows = 0;
        while (it.hasNext()) {
            rows += it.next().numRows();
        }
        return rows;
    }

    @Test
    void aggregateThatSpillsReportsSpillBytesAndAPeakWithinTheBudget() {
        TaskMemory memory = new TaskMemory(manager, 1, disks);
        assertEquals(40_000, drain(HashAggregateExec.complete(memory, sumByKey(), input(120_000, 40_000).iterator(),
                false)));
        SqlMetric peak = new SqlMetric(MetricType.SIZE);
        SqlMetric spill = new SqlMetric(MetricType.SIZE);
        memory.reportTo(peak, spill);
        assertTrue(memory.spillCount() > 0);
        assertTrue(spill.value() > 100_000, "spilled bytes: " + spill.value());
        assertTrue(peak.value() > 0 && peak.value() <= BUDGET, "peak: " + peak.value());
        assertEquals(0, manager.executionUsed());
    }

    @Test
    void aggregateThatFitsReportsNoSpillAndItsPeak() {
        TaskMemory memory = new TaskMemory(manager, 2, disks);
        assertEquals(10, drain(HashAggregateExec.complete(memory, sumByKey(), input(5_000, 10).iterator(), false)));
        assertEquals(0, memory.spilledBytes());
        assertTrue(memory.peakBytes() > 0, "peak: " + memory.peakBytes());
    }
}
