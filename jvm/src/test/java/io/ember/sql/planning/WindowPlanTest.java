package io.ember.sql.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.OffsetWindowFunction;
import io.ember.sql.expressions.RankingFunction;
import io.ember.sql.expressions.Remainder;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.WindowExpression;
import io.ember.sql.expressions.WindowFrame;
import io.ember.sql.expressions.aggregate.Sum;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Range;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Window functions and windowed aggregates planned from a projection, against plain Java. */
class WindowPlanTest {
    private static EmberContext ec;
    private static ExecutionContext ctx;
    private static final int N = 200;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("window")
                .set("ember.ui.showConsoleProgress", "false"));
        ctx = new ExecutionContext(ec, new SqlConf(Map.of(SqlConf.SHUFFLE_PARTITIONS, "3")));
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static Literal lit(long v) {
        return new Literal(v, DataTypes.LongType);
    }

    @Test
    void rankingOffsetsAndFramesMatchJava() {
        Range range = new Range(0, N, 1, 4);
        AttributeReference id = range.output().get(0);
        Expression k = new Remainder(id, lit(3));
        Expression m = new Remainder(id, lit(7));
        List<Expression> part = List.of(k);
        List<SortOrder> byM = List.of(SortOrder.asc(m));
        List<SortOrder> byId = List.of(SortOrder.asc(id));
        List<Expression> list = List.of(id,
                new Alias(new WindowExpression(new RankingFunction(RankingFunction.Kind.ROW_NUMBER), part, byId, null), "rn"),
                new Alias(new WindowExpression(new RankingFunction(RankingFunction.Kind.RANK), part, byM, null), "rk"),
                new Alias(new WindowExpression(new RankingFunction(RankingFunction.Kind.DENSE_RANK), part, byM, null), "dr"),
                new Alias(new WindowExpression(new Sum(id), part, byM, null), "running"),
                new Alias(new WindowExpression(new Sum(id), part, List.of(), null), "total"),
                new Alias(new WindowExpression(new Sum(id), part, byId, new WindowFrame(true, -1, 1)), "around"),
                new Alias(new WindowExpression(new OffsetWindowFunction(id, 1, lit(-1), false), part, byId, null), "prev"),
                new Alias(new WindowExpression(new RankingFunction(RankingFunction.Kind.NTILE, 4), List.of(), byId, null), "tile"));
        SparkPlan plan = new QueryPlanner(ctx.conf()).plan(new Project(list, range));
        Map<Long, List<Object>> got = new HashMap<>();
        for (ColumnBatch b : plan.executeCollect(ctx)) {
            for (int r = 0; r < b.numRows(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c < b.numColumns(); c++) {
                    row.add(b.column(c).get(r));
                }
                got.put((Long) b.column(0).get(r), row);
            }
        }
        assertEquals(N, got.size());
        for (long v = 0; v < N; v++) {
            long kv = v % 3, mv = v % 7;
            int rn = 0, rank = 1;
            long running = 0, total = 0, around = 0;
            java.util.Set<Long> smallerMs = new java.util.TreeSet<>();
            for (long o = 0; o < N; o++) {
                if (o % 3 != kv) {
                    continue;
                }
                total += o;
                if (o <= v) {
                    rn++;
                }
                if (o % 7 < mv) {
                    rank++;
                    smallerMs.add(o % 7);
                }
                if (o % 7 <= mv) {
                    running += o;
                }
                if (Math.abs(o - v) <= 3) {
                    around += o;
                }
            }
            Object prev = v - 3 >= 0 ? v - 3 : -1L;
            long tile = v / (N / 4) + 1;
            List<Object> want = List.of(rn, rank, smallerMs.size() + 1, running, total, around, prev, (int) tile);
            assertEquals(want, got.get(v), "id " + v);
        }
    }
}
