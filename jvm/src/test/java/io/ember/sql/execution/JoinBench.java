package io.ember.sql.execution;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataTypes;
import java.util.List;

/**
 * Micro benchmark (a main, not a test): an inner equi-join of two N-row tables in local[2]
 * (left keys a permutation of 0..N-1, right keys 0..N-1, so N matches), as a sort-merge join
 * and as a shuffled hash join over 200 hash-partitioned (adaptively coalesced) partitions.
 * Prints the best of a few runs. Args: rows (default 2M).
 */
public final class JoinBench {
    private JoinBench() {}

    public static void main(String[] args) {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000L;
        EmberContext ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("bench")
                .set("ember.ui.showConsoleProgress", "false"));
        try {
            ExecutionContext ctx = new ExecutionContext(ec, new SqlConf());
            Literal n = new Literal(rows, DataTypes.LongType);
            AttributeReference id = new AttributeReference("id", DataTypes.LongType, false);
            Alias lk = new Alias(TestExprs.mod(TestExprs.mul(id, new Literal(7919L, DataTypes.LongType)), n), "lk");
            SparkPlan left = new ProjectExec(List.of(lk, id), new RangeExec(0, 1, rows, 2, id));
            AttributeReference rid = new AttributeReference("rid", DataTypes.LongType, false);
            SparkPlan right = new RangeExec(0, 1, rows, 2, rid);
            List<Expression> lkeys = List.of(lk.toAttribute());
            List<Expression> rkeys = List.of(rid);
            SparkPlan lx = new ShuffleExchangeExec(new Partitioning.Hash(lkeys, 200), left);
            SparkPlan rx = new ShuffleExchangeExec(new Partitioning.Hash(rkeys, 200), right);
            SparkPlan smj = new SortMergeJoinExec(lkeys, rkeys, JoinType.INNER, null,
                    new SortExec(List.of(new SortOrder(lk.toAttribute(), true, true)), false, lx),
                    new SortExec(List.of(new SortOrder(rid, true, true)), false, rx));
            SparkPlan shj = new ShuffledHashJoinExec(lkeys, rkeys, JoinType.INNER, null, lx, rx);
            for (int round = 0; round < 2; round++) {
                run(ctx, "sort-merge join", smj, rows);
                run(ctx, "shuffled hash join", shj, rows);
            }
        } finally {
            ec.stop();
        }
    }

    private static void run(ExecutionContext ctx, String name, SparkPlan plan, long rows) {
        long best = Long.MAX_VALUE;
        long out = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            out = plan.execute(ctx).map(b -> (long) b.numRows()).collect().stream().mapToLong(Long::longValue).sum();
            best = Math.min(best, System.nanoTime() - t0);
        }
        if (out != rows) {
            throw new AssertionError(name + ": " + out + " rows, expected " + rows);
        }
        System.out.printf("%s: %,d x %,d rows: best %.0f ms%n", name, rows, rows, best / 1e6);
    }
}
