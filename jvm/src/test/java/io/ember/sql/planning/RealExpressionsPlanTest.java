package io.ember.sql.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.BroadcastHashJoinExec;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.And;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.EqualTo;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.GreaterThan;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.Remainder;
import io.ember.sql.expressions.aggregate.Average;
import io.ember.sql.expressions.aggregate.Count;
import io.ember.sql.expressions.aggregate.MinMax;
import io.ember.sql.expressions.aggregate.Sum;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Range;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planner and operators with the expressions package's real kernels and aggregates. */
class RealExpressionsPlanTest {
    private static EmberContext ec;
    private static ExecutionContext ctx;
    private static SqlConf conf;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("real-exprs")
                .set("ember.ui.showConsoleProgress", "false"));
        conf = new SqlConf(Map.of(SqlConf.SHUFFLE_PARTITIONS, "5"));
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

    private static Literal lit(long v) {
        return new Literal(v, DataTypes.LongType);
    }

    @Test
    void globalAggregatesOverNoRowsGiveOneRowOfEmptyValues() {
        Range range = new Range(0, 1000, 1, 3);
        AttributeReference id = range.output().get(0);
        LogicalPlan none = new Filter(new GreaterThan(id, lit(5000)), range);
        List<Expression> aggs = List.of(new Alias(new Sum(id), "s"), new Alias(new Count(List.of(lit(1))), "c"),
                new Alias(new Average(id), "a"), new Alias(new MinMax(id, true), "m"));
        SparkPlan plan = new QueryPlanner(conf).plan(new Aggregate(List.of(), aggs, none));
        assertEquals(List.of(java.util.Arrays.asList(null, 0L, null, null)), rows(plan.executeCollect(ctx)));
        SparkPlan all = new QueryPlanner(conf).plan(new Aggregate(List.of(), aggs, range));
        assertEquals(List.of(List.of(499500L, 1000L, 499.5, 999L)), rows(all.executeCollect(ctx)));
    }

    @Test
    void equiJoinWithResidualAndGroupedAggregate() {
        Range left = new Range(0, 300, 1, 2);
        Range right = new Range(0, 30, 1, 1);
        AttributeReference l = left.output().get(0), r = right.output().get(0);
        Alias k = new Alias(new Remainder(l, lit(30)), "k");
        Project keyed = new Project(List.of(k, l), left);
        Expression cond = new And(new EqualTo(k.toAttribute(), r), new GreaterThan(l, lit(100)));
        LogicalPlan join = new Join(keyed, right, JoinType.LEFT_OUTER, Optional.of(cond));
        SparkPlan joined = new QueryPlanner(conf).plan(join);
        assertTrue(joined instanceof BroadcastHashJoinExec, joined.treeString());
        List<List<Object>> got = rows(joined.executeCollect(ctx));
        assertEquals(300, got.size());
        for (List<Object> row : got) {
            long v = (Long) row.get(1);
            assertEquals(v > 100 ? v % 30 : null, row.get(2), row.toString());
        }
        Alias cnt = new Alias(new Count(List.of(r)), "matched");
        SparkPlan agg = new QueryPlanner(conf).plan(new Aggregate(List.of(k.toAttribute()), List.of(k.toAttribute(), cnt), join));
        List<List<Object>> counts = rows(agg.executeCollect(ctx));
        assertEquals(30, counts.size());
        long total = counts.stream().mapToLong(x -> (Long) x.get(1)).sum();
        assertEquals(199, total);
    }
}
