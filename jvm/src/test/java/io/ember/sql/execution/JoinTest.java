package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.storage.DiskBlockManager;
import io.ember.storage.MemoryManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every join type through broadcast hash, shuffled hash and nested-loop joins, against nested loops in Java. */
class JoinTest extends ExecTestSupport {
    private static final List<DataType> TYPES = List.of(DataTypes.LongType, DataTypes.LongType);
    private static final AttributeReference LK = attr("lk", DataTypes.LongType), A = attr("a", DataTypes.LongType);
    private static final AttributeReference RK = attr("rk", DataTypes.LongType), B = attr("b", DataTypes.LongType);
    private static List<List<Object>> leftRows;
    private static List<List<Object>> rightRows;
    private static SparkPlan left;
    private static SparkPlan right;
    private static final JoinType[] ALL = {JoinType.INNER, JoinType.LEFT_OUTER, JoinType.RIGHT_OUTER,
        JoinType.FULL_OUTER, JoinType.LEFT_SEMI, JoinType.LEFT_ANTI};

    @BeforeAll
    static void setUp() {
        start("joins");
        leftRows = rows(new Random(1), 900, 60);
        rightRows = rows(new Random(2), 400, 80);
        left = new LocalTableScanExec(List.of(LK, A), batches(TYPES, leftRows, 128), 3);
        right = new LocalTableScanExec(List.of(RK, B), batches(TYPES, rightRows, 128), 2);
        MERGING.clear();
        MERGING.add(new ExecutionContext(ec, new io.ember.sql.SqlConf(java.util.Map.of(
                io.ember.sql.SqlConf.ADAPTIVE_ENABLED, "false"))));
        MERGING.add(new ExecutionContext(ec, new io.ember.sql.SqlConf(java.util.Map.of(
                SkewJoinPlanner.ADAPTIVE_BROADCAST_THRESHOLD, "-1"))));
    }

    @AfterAll
    static void tearDown() {
        stop();
    }

    private static List<List<Object>> rows(Random rnd, int n, int keys) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(row(rnd.nextInt(15) == 0 ? null : (long) rnd.nextInt(keys), (long) rnd.nextInt(100)));
        }
        return out;
    }

    private static List<String> expected(JoinType type, List<List<Object>> l, List<List<Object>> r, boolean useKeys,
                                         BiPredicate<List<Object>, List<Object>> cond) {
        return JoinOracle.expected(type, l, r, useKeys, cond);
    }

    private static List<String> actual(SparkPlan plan, JoinType type) {
        return actual(plan, type, ctx);
    }

    /** Sort-merge joins run merging: adaptive execution off, or on with its broadcast switch off. */
    private static final List<ExecutionContext> MERGING = new ArrayList<>();

    private static List<String> actual(SparkPlan plan, JoinType type, ExecutionContext in) {
        List<String> out = new ArrayList<>();
        for (List<Object> r : rows(plan.executeCollect(in))) {
            out.add(type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI ? r.toString()
                    : r.subList(0, 2) + "" + r.subList(2, 4));
        }
        out.sort(null);
        return out;
    }

    private static final BiPredicate<List<Object>, List<Object>> A_GT_B = (x, y) -> (Long) x.get(1) > (Long) y.get(1);

    private static SparkPlan shuffled(JoinType t, Expression cond) {
        return new ShuffledHashJoinExec(List.of(LK), List.of(RK), t, cond,
                new ShuffleExchangeExec(new Partitioning.Hash(List.of(LK), 4), left),
                new ShuffleExchangeExec(new Partitioning.Hash(List.of(RK), 4), right));
    }

    @Test
    void shuffledHashJoinEveryType() {
        for (JoinType t : ALL) {
            assertEquals(expected(t, leftRows, rightRows, true, (x, y) -> true), actual(shuffled(t, null), t), t.name());
            assertEquals(expected(t, leftRows, rightRows, true, A_GT_B), actual(shuffled(t, TestExprs.gt(A, B)), t),
                    t + " with condition");
        }
    }

    private static SparkPlan sortMerge(JoinType t, Expression cond, List<List<Object>> l, List<List<Object>> r, int parts) {
        SparkPlan ls = new LocalTableScanExec(List.of(LK, A), batches(TYPES, l, 128), 3);
        SparkPlan rs = new LocalTableScanExec(List.of(RK, B), batches(TYPES, r, 128), 2);
        return new SortMergeJoinExec(List.of(LK), List.of(RK), t, cond,
                new SortExec(List.of(new SortOrder(LK, true, true)), false,
                        new ShuffleExchangeExec(new Partitioning.Hash(List.of(LK), parts), ls)),
                new SortExec(List.of(new SortOrder(RK, true, true)), false,
                        new ShuffleExchangeExec(new Partitioning.Hash(List.of(RK), parts), rs)));
    }

    @Test
    void sortMergeJoinEveryType() {
        for (ExecutionContext in : MERGING) {
            for (JoinType t : ALL) {
                SparkPlan plain = sortMerge(t, null, leftRows, rightRows, 4);
                assertTrue(plain.execute(in) instanceof ZippedBatchesRDD);
                assertEquals(expected(t, leftRows, rightRows, true, (x, y) -> true), actual(plain, t, in), t.name());
                assertEquals(expected(t, leftRows, rightRows, true, A_GT_B),
                        actual(sortMerge(t, TestExprs.gt(A, B), leftRows, rightRows, 4), t, in), t + " with condition");
            }
        }
    }

    @Test
    void sortMergeJoinWithEmptySidesAndGroupsAcrossBatches() {
        List<List<Object>> fewKeys = rows(new Random(5), 1500, 3);
        ExecutionContext in = MERGING.get(1);
        for (JoinType t : ALL) {
            assertEquals(expected(t, leftRows, List.of(), true, (x, y) -> true),
                    actual(sortMerge(t, null, leftRows, List.of(), 2), t, in), t + " empty right");
            assertEquals(expected(t, List.of(), rightRows, true, (x, y) -> true),
                    actual(sortMerge(t, null, List.of(), rightRows, 2), t, in), t + " empty left");
            assertEquals(expected(t, fewKeys.subList(0, 40), fewKeys, true, A_GT_B),
                    actual(sortMerge(t, TestExprs.gt(A, B), fewKeys.subList(0, 40), fewKeys, 1), t, in), t + " big groups");
        }
    }

    @Test
    void broadcastHashJoinBuildingEitherSide() {
        for (JoinType t : new JoinType[] {JoinType.INNER, JoinType.LEFT_OUTER, JoinType.LEFT_SEMI, JoinType.LEFT_ANTI}) {
            SparkPlan p = new BroadcastHashJoinExec(List.of(LK), List.of(RK), t, JoinSide.RIGHT, TestExprs.gt(A, B), left, right);
            assertEquals(expected(t, leftRows, rightRows, true, A_GT_B), actual(p, t), t.name());
        }
        for (JoinType t : new JoinType[] {JoinType.INNER, JoinType.RIGHT_OUTER}) {
            SparkPlan p = new BroadcastHashJoinExec(List.of(LK), List.of(RK), t, JoinSide.LEFT, null, left, right);
            assertEquals(expected(t, leftRows, rightRows, true, (x, y) -> true), actual(p, t), t.name());
        }
    }

    @Test
    void pairsThatSkipAStreamRowStillGatherTheStreamSide() {
        // stream rows 0, 0, 2: as many pairs as stream rows, first and last in place, yet not the batch itself
        List<List<Object>> l = List.of(row(1L, 10L), row(2L, 20L), row(3L, 30L));
        List<List<Object>> r = List.of(row(1L, 100L), row(1L, 101L), row(3L, 300L));
        SparkPlan ls = new LocalTableScanExec(List.of(LK, A), batches(TYPES, l, 3), 1);
        SparkPlan rs = new LocalTableScanExec(List.of(RK, B), batches(TYPES, r, 3), 1);
        for (JoinType t : new JoinType[] {JoinType.INNER, JoinType.LEFT_OUTER}) {
            SparkPlan p = new BroadcastHashJoinExec(List.of(LK), List.of(RK), t, JoinSide.RIGHT, null, ls, rs);
            assertEquals(expected(t, l, r, true, (x, y) -> true), actual(p, t), t.name());
        }
    }

    @Test
    void semiAndAntiJoinsWithAConditionOverLongKeyChains() {
        Random rnd = new Random(9);
        List<List<Object>> build = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            build.add(row(rnd.nextInt(50) == 0 ? null : (long) rnd.nextInt(3), (long) rnd.nextInt(100000)));
        }
        List<List<Object>> stream = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            stream.add(row(rnd.nextInt(20) == 0 ? null : (long) rnd.nextInt(4), (long) rnd.nextInt(rnd.nextBoolean() ? 30 : 100000)));
        }
        SparkPlan l = new LocalTableScanExec(List.of(LK, A), batches(TYPES, stream, 128), 2);
        SparkPlan r = new LocalTableScanExec(List.of(RK, B), batches(TYPES, build, 4096), 2);
        for (JoinType t : new JoinType[] {JoinType.LEFT_SEMI, JoinType.LEFT_ANTI}) {
            SparkPlan p = new BroadcastHashJoinExec(List.of(LK), List.of(RK), t, JoinSide.RIGHT, TestExprs.gt(A, B), l, r);
            assertEquals(expected(t, stream, build, true, A_GT_B), actual(p, t), t.name());
        }
    }

    @Test
    void nestedLoopJoinForNonEquiConditions() {
        List<List<Object>> l = leftRows.subList(0, 150), r = rightRows.subList(0, 60);
        SparkPlan small = new LocalTableScanExec(List.of(LK, A), batches(TYPES, l, 64), 3);
        SparkPlan smallRight = new LocalTableScanExec(List.of(RK, B), batches(TYPES, r, 64), 2);
        BiPredicate<List<Object>, List<Object>> aGtB10 = (x, y) -> (Long) x.get(1) > (Long) y.get(1) + 10;
        Expression cond = TestExprs.gt(A, TestExprs.add(B, new io.ember.sql.expressions.Literal(10L, DataTypes.LongType)));
        for (JoinType t : ALL) {
            SparkPlan stream = new ShuffleExchangeExec(Partitioning.SINGLE, small);
            SparkPlan p = new BroadcastHashJoinExec(List.of(), List.of(), t, JoinSide.RIGHT, cond,
                    t == JoinType.RIGHT_OUTER || t == JoinType.FULL_OUTER ? stream : small, smallRight);
            assertEquals(expected(t, l, r, false, aGtB10), actual(p, t), t.name());
        }
        SparkPlan cross = new BroadcastHashJoinExec(List.of(), List.of(), JoinType.CROSS, JoinSide.LEFT, null, small,
                smallRight);
        assertEquals(l.size() * r.size(), rows(cross.executeCollect(ctx)).size());
    }

    @Test
    void graceHashJoinSpillsBothSidesUnderSmallBudget() throws Exception {
        Path dir = Files.createTempDirectory("sql-join-spill");
        DiskBlockManager disks = new DiskBlockManager(List.of(dir.toString()));
        try {
            List<List<Object>> l = rows(new Random(3), 30_000, 20_000);
            List<List<Object>> r = rows(new Random(4), 30_000, 20_000);
            Expression[] lk = {new io.ember.sql.expressions.BoundReference(0, DataTypes.LongType, true)};
            for (JoinType t : new JoinType[] {JoinType.FULL_OUTER, JoinType.LEFT_ANTI}) {
                TaskMemory memory = new TaskMemory(new MemoryManager(128 * 1024, 0.0), 1, disks);
                GraceHashJoin g = new GraceHashJoin(memory, t, lk, lk, null, TYPES, TYPES);
                List<ColumnBatch> out = new ArrayList<>();
                g.join(batches(TYPES, l, 4096).iterator(), batches(TYPES, r, 4096).iterator()).forEachRemaining(out::add);
                assertEquals(GraceHashJoin.BUCKETS, g.spilledBuckets());
                List<String> got = new ArrayList<>();
                for (List<Object> row : rows(out)) {
                    got.add(t == JoinType.LEFT_ANTI ? row.toString() : row.subList(0, 2) + "" + row.subList(2, 4));
                }
                got.sort(null);
                assertEquals(expectedHashed(t, l, r), got, t.name());
            }
        } finally {
            disks.stop();
            DiskBlockManager.deleteRecursively(dir);
        }
    }

    @Test
    void sortMergeJoinSpillsALargeBufferedGroupUnderSmallBudget() throws Exception {
        Path dir = Files.createTempDirectory("sql-smj-spill");
        DiskBlockManager disks = new DiskBlockManager(List.of(dir.toString()));
        try {
            Random rnd = new Random(6);
            List<List<Object>> l = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                long k = rnd.nextInt(6);
                l.add(row(k == 5 ? null : (k == 2 && rnd.nextInt(20) > 0 ? 3L : k), (long) rnd.nextInt(100)));
            }
            List<List<Object>> r = new ArrayList<>();
            for (int i = 0; i < 12_000; i++) {
                long k = rnd.nextInt(40);
                r.add(row(k == 39 ? null : k > 5 ? 2L : k, (long) rnd.nextInt(100)));
            }
            java.util.Comparator<List<Object>> byKey = java.util.Comparator.comparing(x -> (Long) x.get(0),
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
            l.sort(byKey);
            r.sort(byKey);
            Expression[] k = {new io.ember.sql.expressions.BoundReference(0, DataTypes.LongType, true)};
            Expression cond = BindReferences.bind(TestExprs.gt(A, B), List.of(LK, A, RK, B));
            for (JoinType t : new JoinType[] {JoinType.INNER, JoinType.FULL_OUTER, JoinType.RIGHT_OUTER, JoinType.LEFT_ANTI}) {
                TaskMemory memory = new TaskMemory(new MemoryManager(128 * 1024, 0.0), 1, disks);
                boolean withCond = t != JoinType.FULL_OUTER;
                SortMergeJoiner j = new SortMergeJoiner(memory, t, k, k, withCond ? cond : null, TYPES, TYPES);
                List<ColumnBatch> out = new ArrayList<>();
                j.join(batches(TYPES, l, 1000).iterator(), batches(TYPES, r, 1000).iterator()).forEachRemaining(out::add);
                assertTrue(j.spilledGroups() > 0, t.name());
                List<String> got = new ArrayList<>();
                for (List<Object> row : rows(out)) {
                    got.add(t == JoinType.LEFT_ANTI ? row.toString() : row.subList(0, 2) + "" + row.subList(2, 4));
                }
                got.sort(null);
                assertEquals(expected(t, l, r, true, withCond ? A_GT_B : (x, y) -> true), got, t.name());
            }
        } finally {
            disks.stop();
            DiskBlockManager.deleteRecursively(dir);
        }
    }

    /** Full outer / anti by key through a hash map (nested loops are too slow for 30k x 30k). */
    private static List<String> expectedHashed(JoinType t, List<List<Object>> l, List<List<Object>> r) {
        java.util.Map<Object, List<List<Object>>> byKey = new java.util.HashMap<>();
        for (List<Object> y : r) {
            if (y.get(0) != null) {
                byKey.computeIfAbsent(y.get(0), k -> new ArrayList<>()).add(y);
            }
        }
        java.util.Set<Object> hitKeys = new java.util.HashSet<>();
        List<String> out = new ArrayList<>();
        for (List<Object> x : l) {
            List<List<Object>> m = x.get(0) == null ? null : byKey.get(x.get(0));
            if (m == null) {
                out.add(t == JoinType.LEFT_ANTI ? x.toString() : x + "" + Arrays.asList(null, null));
            } else if (t == JoinType.FULL_OUTER) {
                hitKeys.add(x.get(0));
                m.forEach(y -> out.add(x + "" + y));
            }
        }
        if (t == JoinType.FULL_OUTER) {
            for (List<Object> y : r) {
                if (y.get(0) == null || !hitKeys.contains(y.get(0))) {
                    out.add(Arrays.asList(null, null) + "" + y);
                }
            }
        }
        out.sort(null);
        assertTrue(out.size() > 1000);
        return out;
    }
}
