package io.ember.sql.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.HashAggregateExec;
import io.ember.sql.execution.PlannerTestExprs;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.aggregate.Count;
import io.ember.sql.expressions.aggregate.DistinctAggregate;
import io.ember.sql.expressions.aggregate.Sum;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Range;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Aggregates of one set of distinct arguments plan as distinct rows then plain functions, with the same answers. */
class SingleDistinctAggregateTest {
    private static EmberContext ec;
    private static ExecutionContext ctx;
    private static SqlConf conf;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("distinct")
                .set("ember.ui.showConsoleProgress", "false"));
        conf = new SqlConf(Map.of(SqlConf.SHUFFLE_PARTITIONS, "3"));
        ctx = new ExecutionContext(ec, conf);
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static Literal lit(long v) {
        return new Literal(v, DataTypes.LongType);
    }

    private static boolean hasDistinctState(SparkPlan plan) {
        return plan.collect(p -> p instanceof HashAggregateExec h && h.simpleString().contains("DISTINCT")).size() > 0;
    }

    private static Map<Object, List<Object>> byKey(List<ColumnBatch> batches) {
        Map<Object, List<Object>> out = new TreeMap<>();
        for (ColumnBatch b : batches) {
            for (int r = 0; r < b.numRows(); r++) {
                out.put(b.column(0).get(r), List.of(b.column(1).get(r), b.column(2).get(r)));
            }
        }
        return out;
    }

    @Test
    void countAndSumOfDistinctValuesPerComputedKey() {
        Range range = new Range(0, 20000, 1, 4);
        AttributeReference id = range.output().get(0);
        Expression key = PlannerTestExprs.mod(id, lit(7));
        Expression value = PlannerTestExprs.mod(id, lit(100));
        Alias outKey = new Alias(PlannerTestExprs.add(PlannerTestExprs.mod(id, lit(7)), lit(1)), "k");
        Alias count = new Alias(new DistinctAggregate(new Count(List.of(value)), "count"), "c");
        Alias sum = new Alias(new DistinctAggregate(new Sum(PlannerTestExprs.mod(id, lit(100))), "sum"), "s");
        SparkPlan plan = new QueryPlanner(conf).plan(new Aggregate(List.of(key), List.of(outKey, count, sum), range));
        assertEquals(4, plan.collect(HashAggregateExec.class::isInstance).size(), plan.treeString());
        assertTrue(!hasDistinctState(plan), plan.treeString());
        Map<Object, List<Object>> want = new TreeMap<>();
        for (long k = 0; k < 7; k++) {
            Set<Long> values = new HashSet<>();
            for (long v = k; v < 20000; v += 7) {
                values.add(v % 100);
            }
            want.put(k + 1, List.of((long) values.size(), values.stream().mapToLong(Long::longValue).sum()));
        }
        assertEquals(want, byKey(plan.executeCollect(ctx)));
    }

    @Test
    void aGlobalDistinctCountIsOneRowEvenOverNoRows() {
        for (long end : new long[] {0, 5000}) {
            Range range = new Range(0, end, 1, 3);
            Expression value = PlannerTestExprs.mod(range.output().get(0), lit(37));
            Alias count = new Alias(new DistinctAggregate(new Count(List.of(value)), "count"), "c");
            SparkPlan plan = new QueryPlanner(conf).plan(new Aggregate(List.of(), List.of(count), range));
            assertTrue(!hasDistinctState(plan), plan.treeString());
            List<ColumnBatch> out = plan.executeCollect(ctx);
            int rows = out.stream().mapToInt(ColumnBatch::numRows).sum();
            assertEquals(1, rows);
            ColumnBatch b = out.stream().filter(x -> x.numRows() > 0).findFirst().orElseThrow();
            assertEquals(end == 0 ? 0L : 37L, b.column(0).get(0));
        }
    }

    @Test
    void distinctAlongsideAPlainFunctionKeepsTheOnePassPlan() {
        Range range = new Range(0, 3000, 1, 2);
        AttributeReference id = range.output().get(0);
        Expression key = PlannerTestExprs.mod(id, lit(3));
        Alias outKey = new Alias(PlannerTestExprs.mod(id, lit(3)), "k");
        Alias distinct = new Alias(new DistinctAggregate(new Count(List.of(PlannerTestExprs.mod(id, lit(10)))), "count"), "d");
        Alias all = new Alias(PlannerTestExprs.count(), "n");
        SparkPlan plan = new QueryPlanner(conf).plan(new Aggregate(List.of(key), List.of(outKey, distinct, all), range));
        assertTrue(hasDistinctState(plan), plan.treeString());
        assertEquals(Map.of(0L, List.of(10L, 1000L), 1L, List.of(10L, 1000L), 2L, List.of(10L, 1000L)),
                byKey(plan.executeCollect(ctx)));
    }
}
