package io.ember.sql.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.plans.Offset;
import io.ember.sql.plans.Range;
import io.ember.sql.plans.Repartition;
import io.ember.sql.plans.Sample;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** repartition / repartitionByRange / coalesce, sample and offset, planned and run. */
class PartitioningPlanTest {
    private static EmberContext ec;
    private static ExecutionContext ctx;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("partitioning")
                .set("ember.ui.showConsoleProgress", "false"));
        ctx = new ExecutionContext(ec, new SqlConf(Map.of(SqlConf.SHUFFLE_PARTITIONS, "4")));
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static List<List<Long>> partitions(SparkPlan plan) {
        var rdd = plan.execute(ctx);
        int[] parts = new int[rdd.getNumPartitions()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = i;
        }
        return ctx.rdds().runJob(rdd, (t, it) -> {
            List<Long> out = new ArrayList<>();
            while (it.hasNext()) {
                ColumnBatch b = it.next();
                for (int r = 0; r < b.numRows(); r++) {
                    out.add(b.column(0).getLong(r));
                }
            }
            return out;
        }, parts);
    }

    private static SparkPlan plan(io.ember.sql.plans.LogicalPlan p) {
        return new QueryPlanner(ctx.conf()).plan(p);
    }

    @Test
    void repartitionRoundRobinByRangeAndCoalesce() {
        Range range = new Range(0, 1000, 1, 2);
        List<List<Long>> rr = partitions(plan(new Repartition(5, List.of(), true, false, range)));
        assertEquals(5, rr.size());
        assertEquals(1000, rr.stream().mapToInt(List::size).sum());
        rr.forEach(p -> assertTrue(p.size() >= 199 && p.size() <= 201, "balanced: " + p.size()));
        List<List<Long>> ranged = partitions(plan(new Repartition(3, List.of(range.output().get(0)), true, true, range)));
        assertEquals(3, ranged.size());
        List<Long> flat = new ArrayList<>();
        ranged.forEach(p -> {
            List<Long> sorted = new ArrayList<>(p);
            sorted.sort(null);
            flat.addAll(sorted);
        });
        List<Long> all = new ArrayList<>(flat);
        all.sort(null);
        assertEquals(all, flat, "partitions hold consecutive ranges");
        assertEquals(1, partitions(plan(new Repartition(1, List.of(), false, false, range))).size());
    }

    @Test
    void sampleAndOffset() {
        Range range = new Range(0, 10000, 1, 3);
        long low = partitions(plan(new Sample(0.0, 0.3, false, 7, range))).stream().mapToLong(List::size).sum();
        long high = partitions(plan(new Sample(0.3, 1.0, false, 7, range))).stream().mapToLong(List::size).sum();
        assertEquals(10000, low + high, "adjacent bounds with one seed split the rows");
        assertTrue(low > 2600 && low < 3400, "about 30%: " + low);
        long repl = partitions(plan(new Sample(0.0, 2.0, true, 3, range))).stream().mapToLong(List::size).sum();
        assertTrue(repl > 18000 && repl < 22000, "about twice: " + repl);
        List<List<Long>> rest = partitions(plan(new Offset(9990, range)));
        assertEquals(List.of(List.of(9990L, 9991L, 9992L, 9993L, 9994L, 9995L, 9996L, 9997L, 9998L, 9999L)), rest);
    }
}
