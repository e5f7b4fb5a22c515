package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.BoundReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.storage.DiskBlockManager;
import io.ember.storage.MemoryManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GraceHashJoin} building whichever side is smaller, in memory and spilled, for every
 * join type with and without a residual condition, against a join computed key group by key
 * group in Java.
 */
class GraceHashJoinTest extends ExecTestSupport {
    private static final List<DataType> TYPES = List.of(DataTypes.LongType, DataTypes.LongType);
    private static final JoinType[] ALL = {JoinType.INNER, JoinType.LEFT_OUTER, JoinType.RIGHT_OUTER,
        JoinType.FULL_OUTER, JoinType.LEFT_SEMI, JoinType.LEFT_ANTI};
    private static final Expression[] KEY = {new BoundReference(0, DataTypes.LongType, true)};
    private static final AttributeReference LK = attr("lk", DataTypes.LongType), A = attr("a", DataTypes.LongType);
    private static final AttributeReference RK = attr("rk", DataTypes.LongType), B = attr("b", DataTypes.LongType);
    private static final Expression A_GT_B = BindReferences.bind(TestExprs.gt(A, B), List.of(LK, A, RK, B));
    private static final BiPredicate<List<Object>, List<Object>> A_GT_B_ROWS =
            (x, y) -> (Long) x.get(1) > (Long) y.get(1);

    private Path dir;
    private DiskBlockManager disks;

    @BeforeEach
    void setUpDisks() throws Exception {
        dir = Files.createTempDirectory("sql-grace-join");
        disks = new DiskBlockManager(List.of(dir.toString()));
    }

    @AfterEach
    void tearDownDisks() {
        disks.stop();
        DiskBlockManager.deleteRecursively(dir);
    }

    /** {@code n} rows over {@code keys} keys, about one in 15 with a null key, some at the long range's ends. */
    private static List<List<Object>> rows(Random rnd, int n, int keys) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int pick = rnd.nextInt(60);
            Long k = pick < 4 ? null : pick == 4 ? Long.MAX_VALUE : pick == 5 ? Long.MIN_VALUE : (long) rnd.nextInt(keys);
            out.add(row(k, (long) rnd.nextInt(100)));
        }
        return out;
    }

    private static List<String> expected(JoinType type, List<List<Object>> l, List<List<Object>> r,
                                         BiPredicate<List<Object>, List<Object>> cond) {
        return JoinOracle.expected(type, l, r, true, cond);
    }

    private static List<String> actual(JoinType type, List<ColumnBatch> out) {
        List<String> got = new ArrayList<>();
        for (List<Object> row : rows(out)) {
            boolean leftOnly = type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI;
            assertEquals(leftOnly ? 2 : 4, row.size(), type.name());
            got.add(leftOnly ? row.toString() : row.subList(0, 2) + "" + row.subList(2, 4));
        }
        got.sort(null);
        return got;
    }

    private GraceHashJoin joinInto(List<ColumnBatch> out, long budget, JoinType t, Expression cond,
                                   List<ColumnBatch> l, List<ColumnBatch> r) {
        GraceHashJoin g = new GraceHashJoin(new TaskMemory(new MemoryManager(budget, 0.0), 1, disks), t, KEY, KEY, cond,
                TYPES, TYPES);
        g.join(l.iterator(), r.iterator()).forEachRemaining(out::add);
        return g;
    }

    private void check(long budget, List<List<Object>> l, List<List<Object>> r, int perBatch, boolean leftSmaller,
                       int tables) {
        for (JoinType t : ALL) {
            for (boolean withCond : new boolean[] {false, true}) {
                List<ColumnBatch> out = new ArrayList<>();
                GraceHashJoin g = joinInto(out, budget, t, withCond ? A_GT_B : null, batches(TYPES, l, perBatch),
                        batches(TYPES, r, perBatch));
                String what = t + (withCond ? " with condition" : "");
                assertEquals(expected(t, l, r, withCond ? A_GT_B_ROWS : (x, y) -> true), actual(t, out), what);
                assertEquals(leftSmaller ? tables : 0, g.leftBuilds(), what + ": tables built on the left");
                assertEquals(leftSmaller ? 0 : tables, g.rightBuilds(), what + ": tables built on the right");
            }
        }
    }

    @Test
    void buildsTheSmallerSideInMemory() {
        Random rnd = new Random(11);
        List<List<Object>> small = rows(rnd, 700, 400);
        List<List<Object>> big = rows(rnd, 9000, 600);
        check(64L << 20, small, big, 256, true, 1);
        check(64L << 20, big, small, 256, false, 1);
    }

    @Test
    void leftBuiltSemiAndAntiJoinsOverLongKeyChainsOnBothSides() {
        Random rnd = new Random(12);
        List<List<Object>> small = rows(rnd, 200, 3);
        List<List<Object>> big = rows(rnd, 1200, 4);
        check(64L << 20, small, big, 128, true, 1);
    }

    @Test
    void emptySidesAndEmptyBatches() {
        List<List<Object>> some = rows(new Random(13), 300, 50);
        check(64L << 20, List.of(), some, 64, true, 1);
        check(64L << 20, some, List.of(), 64, false, 1);
        check(64L << 20, List.of(), List.of(), 64, false, 1);
        ColumnBatch empty = new ColumnBatch(batches(TYPES, some.subList(0, 1), 1).get(0).columns(), 0);
        for (JoinType t : ALL) {
            List<ColumnBatch> l = new ArrayList<>(List.of(empty));
            l.addAll(batches(TYPES, some.subList(0, 40), 16));
            l.add(empty);
            List<ColumnBatch> r = new ArrayList<>(List.of(empty, empty));
            r.addAll(batches(TYPES, some, 16));
            List<ColumnBatch> out = new ArrayList<>();
            GraceHashJoin g = joinInto(out, 64L << 20, t, A_GT_B, l, r);
            assertEquals(expected(t, some.subList(0, 40), some, A_GT_B_ROWS), actual(t, out), t.name());
            assertEquals(1, g.leftBuilds(), t.name());
        }
    }

    @Test
    void spillsUnderASmallBudgetAndBuildsEachBucketsSmallerFile() {
        Random rnd = new Random(14);
        List<List<Object>> small = rows(rnd, 6_000, 10_000);
        List<List<Object>> big = rows(rnd, 20_000, 10_000);
        for (boolean leftSmaller : new boolean[] {true, false}) {
            List<List<Object>> l = leftSmaller ? small : big, r = leftSmaller ? big : small;
            for (JoinType t : ALL) {
                List<ColumnBatch> out = new ArrayList<>();
                GraceHashJoin g = joinInto(out, 128 * 1024, t, A_GT_B, batches(TYPES, l, 2048), batches(TYPES, r, 2048));
                assertEquals(GraceHashJoin.BUCKETS, g.spilledBuckets(), t.name());
                assertEquals(GraceHashJoin.BUCKETS, leftSmaller ? g.leftBuilds() : g.rightBuilds(), t.name());
                List<String> want = expected(t, l, r, A_GT_B_ROWS);
                assertTrue(want.size() > 1000, t.name());
                assertEquals(want, actual(t, out), t.name());
            }
        }
    }
}
