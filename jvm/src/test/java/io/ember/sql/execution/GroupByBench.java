package io.ember.sql.execution;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.types.DataTypes;
import java.util.List;

/**
 * Micro benchmark (a main, not a test): {@code SELECT id % K AS k, sum(id) FROM range(N) GROUP BY k}
 * in local[2], partial and final hash aggregates across a hash exchange. Prints the best of a
 * few runs per (keys, shuffle partitions). Args: rows (default 10M).
 */
public final class GroupByBench {
    private GroupByBench() {}

    public static void main(String[] args) {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        EmberContext ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("bench")
                .set("ember.ui.showConsoleProgress", "false"));
        try {
            for (long keys : new long[] {100, 1_000_000}) {
                for (int parts : new int[] {2, 200}) {
                    run(ec, rows, keys, parts);
                }
            }
        } finally {
            ec.stop();
        }
    }

    private static void run(EmberContext ec, long rows, long keys, int parts) {
        ExecutionContext ctx = new ExecutionContext(ec, new SqlConf());
        AttributeReference id = new AttributeReference("id", DataTypes.LongType, false);
        Alias k = new Alias(TestExprs.mod(id, new Literal(keys, DataTypes.LongType)), "k");
        SparkPlan keyed = new ProjectExec(List.of(k, id), new RangeExec(0, 1, rows, 2, id));
        List<AggregateFunction> fns = List.of(new TestAggs.Sum(id));
        AttributeReference sum = new AttributeReference("sum(id)", DataTypes.LongType, true);
        List<AttributeReference> states = List.of(new AttributeReference("s", DataTypes.LongType, true));
        List<NamedExpression> out = List.of(k.toAttribute(), sum);
        SparkPlan partial = new HashAggregateExec(HashAggregateExec.Mode.PARTIAL, List.of(k), fns, List.of(sum), states,
                List.of(), keyed);
        SparkPlan plan = new HashAggregateExec(HashAggregateExec.Mode.FINAL, List.of(k.toAttribute()), fns, List.of(sum),
                states, out, new ShuffleExchangeExec(new Partitioning.Hash(List.of(k.toAttribute()), parts), partial));
        long best = Long.MAX_VALUE;
        long groups = 0;
        for (int i = 0; i < 4; i++) {
            long t0 = System.nanoTime();
            groups = plan.execute(ctx).map(b -> (long) b.numRows()).collect().stream().mapToLong(Long::longValue).sum();
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("group-by sum: %,d rows, %,d keys, %d shuffle partitions: best %.0f ms (%,d groups)%n",
                rows, keys, parts, best / 1e6, groups);
    }
}
