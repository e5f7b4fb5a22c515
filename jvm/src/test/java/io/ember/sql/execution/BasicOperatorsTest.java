package io.ember.sql.execution;

import static io.ember.sql.execution.TestExprs.add;
import static io.ember.sql.execution.TestExprs.gt;
import static io.ember.sql.execution.TestExprs.mod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Range, local scan, project, filter, limits and union against plain Java. */
class BasicOperatorsTest extends ExecTestSupport {
    @BeforeAll
    static void setUp() {
        start("basic-ops");
    }

    @AfterAll
    static void tearDown() {
        stop();
    }

    private static List<Object> expectedRange(long start, long end, long step) {
        List<Object> out = new ArrayList<>();
        for (long v = start; step > 0 ? v < end : v > end; v += step) {
            out.add(v);
        }
        return out;
    }

    private static List<Object> firstColumn(List<ColumnBatch> batches) {
        return rows(batches).stream().map(r -> r.get(0)).collect(Collectors.toList());
    }

    @Test
    void rangeMatchesJavaForStepsAndSlices() {
        long[][] cases = {{0, 10000, 1, 3}, {5, -7, -3, 2}, {0, 0, 1, 2}, {3, 100, 7, 5}, {0, 9000, 1, 1}};
        for (long[] c : cases) {
            RangeExec r = new RangeExec(c[0], c[2], expectedRange(c[0], c[1], c[2]).size(), (int) c[3],
                    attr("id", DataTypes.LongType));
            assertEquals(expectedRange(c[0], c[1], c[2]), firstColumn(r.executeCollect(ctx)), java.util.Arrays.toString(c));
            assertEquals((int) c[3], r.execute(ctx).getNumPartitions());
        }
    }

    @Test
    void localScanSlicesRowsEvenlyInOrder() {
        List<List<Object>> data = new ArrayList<>();
        for (long i = 0; i < 23; i++) {
            data.add(row(i, "s" + i));
        }
        AttributeReference a = attr("a", DataTypes.LongType), s = attr("s", DataTypes.StringType);
        LocalTableScanExec scan = new LocalTableScanExec(List.of(a, s),
                batches(List.of(DataTypes.LongType, DataTypes.StringType), data, 5), 4);
        assertEquals(data, rows(scan.executeCollect(ctx)));
        List<Integer> sizes = ctx.rdds().runJob(scan.execute(ctx), (t, it) -> {
            int n = 0;
            while (it.hasNext()) {
                n += it.next().numRows();
            }
            return n;
        }, new int[] {0, 1, 2, 3});
        assertEquals(List.of(5, 6, 6, 6), sizes);
    }

    @Test
    void projectAndFilterComputeLikeJava() {
        AttributeReference id = attr("id", DataTypes.LongType);
        RangeExec range = new RangeExec(0, 1, 10000, 3, id);
        Alias plus = new Alias(add(id, new Literal(1L, DataTypes.LongType)), "p");
        Alias m = new Alias(mod(id, new Literal(7L, DataTypes.LongType)), "m");
        SparkPlan plan = new FilterExec(gt(m.toAttribute(), new Literal(4L, DataTypes.LongType)),
                new ProjectExec(List.of(plus, m), range));
        List<List<Object>> expected = LongStream.range(0, 10000).filter(v -> v % 7 > 4)
                .mapToObj(v -> row(v + 1, v % 7)).collect(Collectors.toList());
        assertEquals(expected, rows(plan.executeCollect(ctx)));
        assertEquals(List.of(m.toAttribute().exprId(), plus.toAttribute().exprId()),
                List.of(plan.output().get(1).exprId(), plan.output().get(0).exprId()));
    }

    @Test
    void filterTreatsNullAsFalse() {
        AttributeReference a = attr("a", DataTypes.LongType);
        List<List<Object>> data = List.of(row(5L), row((Object) null), row(1L), row(9L));
        SparkPlan plan = new FilterExec(gt(a, new Literal(2L, DataTypes.LongType)),
                new LocalTableScanExec(List.of(a), batches(List.of(DataTypes.LongType), data, 10), 1));
        assertEquals(List.of(row(5L), row(9L)), rows(plan.executeCollect(ctx)));
    }

    @Test
    void limitsTakeTheFirstRows() {
        AttributeReference id = attr("id", DataTypes.LongType);
        RangeExec range = new RangeExec(0, 1, 100000, 8, id);
        SparkPlan local = new LocalLimitExec(3, range);
        assertEquals(24, rows(local.executeCollect(ctx)).size());
        SparkPlan global = new GlobalLimitExec(5,
                new ShuffleExchangeExec(Partitioning.SINGLE, new LocalLimitExec(5, range)));
        assertEquals(expectedRange(0, 5, 1), firstColumn(global.executeCollect(ctx)));
        assertEquals(5, rows(global.execute(ctx).collect()).size());
        assertEquals(expectedRange(0, 20000, 1), firstColumn(range.executeTake(ctx, 20000)));
        assertEquals(List.of(), range.executeTake(ctx, 0));
        assertTrue(firstColumn(new RangeExec(0, 1, 10, 4, id).executeTake(ctx, 100)).size() == 10);
    }

    @Test
    void takeSkipsEmptyLeadingPartitions() {
        AttributeReference id = attr("id", DataTypes.LongType);
        SparkPlan sparse = new FilterExec(gt(id, new Literal(98000L, DataTypes.LongType)), new RangeExec(0, 1, 100000, 50, id));
        assertEquals(expectedRange(98001, 98011, 1), firstColumn(sparse.executeTake(ctx, 10)));
    }

    @Test
    void unionConcatenatesChildren() {
        AttributeReference a = attr("id", DataTypes.LongType), b = attr("id", DataTypes.LongType);
        SparkPlan u = new UnionExec(List.of(new RangeExec(0, 1, 5, 2, a), new RangeExec(10, 1, 3, 2, b)));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 10L, 11L, 12L), firstColumn(u.executeCollect(ctx)));
        assertEquals(4, u.execute(ctx).getNumPartitions());
    }
}
