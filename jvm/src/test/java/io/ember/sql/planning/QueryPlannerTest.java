package io.ember.sql.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.GlobalLimitExec;
import io.ember.sql.execution.HashAggregateExec;
import io.ember.sql.execution.Partitioning;
import io.ember.sql.execution.PlannerTestExprs;
import io.ember.sql.execution.ShuffleExchangeExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Limit;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Range;
import io.ember.sql.plans.Sort;
import io.ember.sql.plans.Union;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Logical plans in, physical plans out: strategies, exchange insertion, and the answers. */
class QueryPlannerTest {
    private static EmberContext ec;
    private static ExecutionContext ctx;
    private static SqlConf conf;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("planner")
                .set("ember.ui.showConsoleProgress", "false"));
        conf = new SqlConf(Map.of(SqlConf.SHUFFLE_PARTITIONS, "4"));
        ctx = new ExecutionContext(ec, conf);
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static List<List<Object>> rows(List<ColumnBatch> batches) {
        List<List<Object>> out = new ArrayList<>();
        for (ColumnBatch b : batches) {
            for (int r = 0; r < b.numRows(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < b.numColumns(); c++) {
                    row.add(b.column(c).get(r));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static long count(SparkPlan p, Class<?> kind) {
        return p.collect(kind::isInstance).size();
    }

    private static Literal lit(long v) {
        return new Literal(v, DataTypes.LongType);
    }

    @Test
    void groupBySumOrderByPlansExchangesAndMatchesJava() {
        Range range = new Range(0, 10000, 1, 3);
        AttributeReference id = range.output().get(0);
        Alias k = new Alias(PlannerTestExprs.mod(id, lit(13)), "k");
        Project keyed = new Project(List.of(k, id), new Filter(PlannerTestExprs.gt(id, lit(100)), range));
        Expression sum = PlannerTestExprs.sum(id);
        Alias total = new Alias(PlannerTestExprs.add(sum, lit(1)), "total");
        Aggregate agg = new Aggregate(List.of(k.toAttribute()), List.of(k.toAttribute(), total), keyed);
        LogicalPlan sorted = new Sort(List.of(SortOrder.asc(k.toAttribute())), true, agg);
        SparkPlan plan = new QueryPlanner(conf).plan(sorted);
        assertEquals(2, count(plan, ShuffleExchangeExec.class), plan.treeString());
        assertEquals(2, count(plan, HashAggregateExec.class));
        TreeMap<Long, Long> expected = new TreeMap<>();
        for (long v = 101; v < 10000; v++) {
            expected.merge(v % 13, v, Long::sum);
        }
        List<List<Object>> want = new ArrayList<>();
        expected.forEach((key, s) -> want.add(List.of(key, s + 1)));
        assertEquals(want, rows(plan.executeCollect(ctx)));
    }

    @Test
    void groupByExpressionIsNamedAndReused() {
        Range range = new Range(0, 1000, 1, 2);
        AttributeReference id = range.output().get(0);
        Expression key = PlannerTestExprs.mod(id, lit(3));
        Alias outKey = new Alias(PlannerTestExprs.mod(id, lit(3)), "m");
        Alias cnt = new Alias(PlannerTestExprs.count(), "c");
        SparkPlan plan = new QueryPlanner(conf).plan(new Aggregate(List.of(key), List.of(outKey, cnt), range));
        TreeMap<Object, Object> got = new TreeMap<>();
        rows(plan.executeCollect(ctx)).forEach(r -> got.put(r.get(0), r.get(1)));
        assertEquals(Map.of(0L, 334L, 1L, 333L, 2L, 333L), got);
    }

    @Test
    void globalAggregateUsesOneFinalPartition() {
        Range range = new Range(0, 500, 1, 4);
        Alias s = new Alias(PlannerTestExprs.sum(range.output().get(0)), "s");
        SparkPlan plan = new QueryPlanner(conf).plan(new Aggregate(List.of(), List.of(s), range));
        ShuffleExchangeExec ex = (ShuffleExchangeExec) plan.collect(ShuffleExchangeExec.class::isInstance).get(0);
        assertTrue(ex.partitioning() instanceof Partitioning.Single);
        assertEquals(List.of(List.of(124750L)), rows(plan.executeCollect(ctx)));
    }

    @Test
    void limitOverSortIsTopN() {
        Range range = new Range(0, 100000, 1, 4);
        AttributeReference id = range.output().get(0);
        LogicalPlan top = new Limit(5, new Sort(List.of(SortOrder.desc(id)), true, range));
        SparkPlan plan = new QueryPlanner(conf).plan(top);
        assertTrue(plan instanceof GlobalLimitExec);
        ShuffleExchangeExec ex = (ShuffleExchangeExec) plan.collect(ShuffleExchangeExec.class::isInstance).get(0);
        assertTrue(ex.partitioning() instanceof Partitioning.Single, plan.treeString());
        assertEquals(List.of(List.of(99999L), List.of(99998L), List.of(99997L), List.of(99996L), List.of(99995L)),
                rows(plan.executeCollect(ctx)));
        assertEquals(5, rows(plan.execute(ctx).collect()).size());
    }

    private static List<List<Object>> sortedRows(SparkPlan plan) {
        List<List<Object>> got = rows(plan.executeCollect(ctx));
        got.sort(java.util.Comparator.comparing(Object::toString));
        return got;
    }

    @Test
    void joinIsBroadcastUnderTheThresholdElseSortMergeOrShuffledHashWithCoPartitionedExchanges() {
        Range big = new Range(0, 2000, 1, 3);
        Range small = new Range(0, 100, 1, 2);
        AttributeReference b = big.output().get(0), s = small.output().get(0);
        Alias k = new Alias(PlannerTestExprs.mod(b, lit(50)), "k");
        LogicalPlan keyed = new Project(List.of(k, b), big);
        LogicalPlan join = new io.ember.sql.plans.Join(keyed, small, io.ember.sql.plans.JoinType.INNER,
                java.util.Optional.of(new EqualTo(s, k.toAttribute())));
        SparkPlan broadcast = new QueryPlanner(conf).plan(join);
        assertTrue(broadcast instanceof io.ember.sql.execution.BroadcastHashJoinExec, broadcast.treeString());
        assertEquals(0, count(broadcast, ShuffleExchangeExec.class));
        SqlConf noBroadcast = new SqlConf(Map.of(SqlConf.SHUFFLE_PARTITIONS, "3", SqlConf.AUTO_BROADCAST_THRESHOLD, "-1"));
        SparkPlan merged = new QueryPlanner(noBroadcast).plan(join);
        assertTrue(merged instanceof io.ember.sql.execution.SortMergeJoinExec j && j.skewSplittable(), merged.treeString());
        assertEquals(2, count(merged, ShuffleExchangeExec.class));
        for (SparkPlan side : merged.children()) {
            assertTrue(io.ember.sql.execution.SortMergeJoinExec.sortedExchange(side) != null, merged.treeString());
            assertTrue(side.children().get(0) instanceof ShuffleExchangeExec ex && ex.coalescible(), merged.treeString());
        }
        SqlConf hashPreferred = new SqlConf(Map.of(SqlConf.SHUFFLE_PARTITIONS, "3", SqlConf.AUTO_BROADCAST_THRESHOLD, "-1",
                SqlConf.PREFER_SORT_MERGE_JOIN, "false"));
        SparkPlan shuffled = new QueryPlanner(hashPreferred).plan(join);
        assertTrue(shuffled instanceof io.ember.sql.execution.ShuffledHashJoinExec, shuffled.treeString());
        assertEquals(2, count(shuffled, ShuffleExchangeExec.class));
        List<List<Object>> want = new ArrayList<>();
        for (long v = 0; v < 2000; v++) {
            want.add(List.of(v % 50, v, v % 50));
        }
        want.sort(java.util.Comparator.comparing(Object::toString));
        assertEquals(want, sortedRows(broadcast));
        assertEquals(want, sortedRows(shuffled));
        assertEquals(want, sortedRows(merged));
    }

    @Test
    void limitAndUnion() {
        Range a = new Range(0, 10, 1, 2);
        Range b = new Range(100, 103, 1, 1);
        SparkPlan plan = new QueryPlanner(conf).plan(new Limit(12, new Union(List.of(a, b))));
        List<List<Object>> got = rows(plan.executeCollect(ctx));
        assertEquals(12, got.size());
        assertEquals(List.of(0L), got.get(0));
        assertEquals(List.of(101L), got.get(11));
    }
}
