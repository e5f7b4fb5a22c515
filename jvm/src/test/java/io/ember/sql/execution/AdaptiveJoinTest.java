package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Adaptive sort-merge joins: the switch to a broadcast join and the splitting of skewed partitions. */
class AdaptiveJoinTest extends ExecTestSupport {
    private static final List<DataType> TYPES = List.of(DataTypes.LongType, DataTypes.LongType);
    private static final AttributeReference LK = attr("lk", DataTypes.LongType), A = attr("a", DataTypes.LongType);
    private static final AttributeReference RK = attr("rk", DataTypes.LongType), B = attr("b", DataTypes.LongType);

    @BeforeAll
    static void setUp() {
        start("adaptive-joins");
    }

    @AfterAll
    static void tearDown() {
        stop();
    }

    private static ExecutionContext withConf(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new ExecutionContext(ec, new SqlConf(m));
    }

    private static ShuffledBatchRDD.Spec spec(int p, int startMap, int endMap) {
        return new ShuffledBatchRDD.Spec(p, p + 1, startMap, endMap);
    }

    @Test
    void broadcastSideFollowsSizesThresholdAndJoinType() {
        assertEquals(Optional.of(JoinSide.RIGHT), SkewJoinPlanner.broadcastSide(JoinType.INNER, 500, 100, 1000));
        assertEquals(Optional.of(JoinSide.LEFT), SkewJoinPlanner.broadcastSide(JoinType.INNER, 100, 500, 1000));
        assertEquals(Optional.of(JoinSide.LEFT), SkewJoinPlanner.broadcastSide(JoinType.INNER, 100, 5000, 1000));
        assertEquals(Optional.of(JoinSide.RIGHT), SkewJoinPlanner.broadcastSide(JoinType.LEFT_ANTI, 100, 500, 1000));
        assertEquals(Optional.of(JoinSide.LEFT), SkewJoinPlanner.broadcastSide(JoinType.RIGHT_OUTER, 100, 50, 1000));
        assertEquals(Optional.empty(), SkewJoinPlanner.broadcastSide(JoinType.FULL_OUTER, 1, 1, 1000));
        assertEquals(Optional.empty(), SkewJoinPlanner.broadcastSide(JoinType.LEFT_OUTER, 100, 5000, 1000));
        assertEquals(Optional.empty(), SkewJoinPlanner.broadcastSide(JoinType.INNER, 1, 1, -1));
        assertEquals(7L, SkewJoinPlanner.broadcastThreshold(new SqlConf(Map.of(SqlConf.AUTO_BROADCAST_THRESHOLD, "7"))));
        assertEquals(-1L, SkewJoinPlanner.broadcastThreshold(new SqlConf(Map.of(SqlConf.AUTO_BROADCAST_THRESHOLD, "7",
                SkewJoinPlanner.ADAPTIVE_BROADCAST_THRESHOLD, "-1"))));
    }

    @Test
    void skewedPartitionIsCutIntoMapRangesWithTheOtherSideReplicated() {
        long[][] left = {{10, 100, 10}, {10, 100, 10}, {10, 100, 10}, {10, 100, 10}};
        long[][] right = {{5, 5, 5}, {5, 5, 5}, {5, 5, 5}, {5, 5, 5}};
        List<List<ShuffledBatchRDD.Spec>> s = SkewJoinPlanner.skewSpecs(JoinType.INNER, left, right, 3, 5, 50, 100).get();
        ShuffledBatchRDD.Spec all0 = new ShuffledBatchRDD.Spec(0, 1), all1 = new ShuffledBatchRDD.Spec(1, 2);
        ShuffledBatchRDD.Spec all2 = new ShuffledBatchRDD.Spec(2, 3);
        assertEquals(List.of(all0, spec(1, 0, 1), spec(1, 1, 2), spec(1, 2, 3), spec(1, 3, 4), all2), s.get(0));
        assertEquals(List.of(all0, all1, all1, all1, all1, all2), s.get(1));
        assertEquals(List.of(all0, spec(1, 0, 2), spec(1, 2, 4), all2),
                SkewJoinPlanner.skewSpecs(JoinType.LEFT_ANTI, left, right, 3, 5, 50, 200).get().get(0), "advisory 200");
        assertFalse(SkewJoinPlanner.skewSpecs(JoinType.INNER, left, right, 3, 5, 500, 100).isPresent(), "under threshold");
        assertFalse(SkewJoinPlanner.skewSpecs(JoinType.INNER, left, right, 3, 20, 50, 100).isPresent(), "under factor");
        assertFalse(SkewJoinPlanner.skewSpecs(JoinType.FULL_OUTER, left, right, 3, 5, 50, 100).isPresent());
        assertFalse(SkewJoinPlanner.skewSpecs(JoinType.RIGHT_OUTER, left, right, 3, 5, 50, 100).isPresent());
        List<List<ShuffledBatchRDD.Spec>> both = SkewJoinPlanner.skewSpecs(JoinType.INNER, left, left, 3, 5, 50, 200).get();
        assertEquals(List.of(all0, spec(1, 0, 2), spec(1, 0, 2), spec(1, 2, 4), spec(1, 2, 4), all2), both.get(0));
        assertEquals(List.of(all0, spec(1, 0, 2), spec(1, 2, 4), spec(1, 0, 2), spec(1, 2, 4), all2), both.get(1));
    }

    private static List<List<Object>> rows(Random rnd, int n, int keys, int hotPercent) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Long k = rnd.nextInt(100) < hotPercent ? Long.valueOf(7) : rnd.nextInt(20) == 0 ? null : Long.valueOf(rnd.nextInt(keys));
            out.add(row(k, (long) rnd.nextInt(100)));
        }
        return out;
    }

    private static SortMergeJoinExec join(JoinType t, Expression cond, List<List<Object>> l, List<List<Object>> r,
                                          boolean splittable) {
        return join(t, cond, l, r, splittable, JoinSide.RIGHT);
    }

    private static SortMergeJoinExec join(JoinType t, Expression cond, List<List<Object>> l, List<List<Object>> r,
                                          boolean splittable, JoinSide smaller) {
        SparkPlan ls = new LocalTableScanExec(List.of(LK, A), batches(TYPES, l, 256), 8);
        SparkPlan rs = new LocalTableScanExec(List.of(RK, B), batches(TYPES, r, 256), 3);
        return new SortMergeJoinExec(List.of(LK), List.of(RK), t, cond,
                new SortExec(List.of(new SortOrder(LK, true, true)), false,
                        new ShuffleExchangeExec(new Partitioning.Hash(List.of(LK), 4), ls)),
                new SortExec(List.of(new SortOrder(RK, true, true)), false,
                        new ShuffleExchangeExec(new Partitioning.Hash(List.of(RK), 4), rs)), splittable, smaller);
    }

    /** The join's answer: keys equal (never null) and a > b when {@code cond}. */
    private static List<String> expected(JoinType type, List<List<Object>> l, List<List<Object>> r, boolean cond) {
        return JoinOracle.expected(type, l, r, true, (x, y) -> !cond || (Long) x.get(1) > (Long) y.get(1));
    }

    private static List<String> actual(SparkPlan plan, JoinType type, ExecutionContext in) {
        List<String> out = new ArrayList<>();
        List<ColumnBatch> batches = plan.executeCollect(in);
        for (List<Object> r : rows(batches)) {
            out.add(type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI ? r.toString()
                    : r.subList(0, 2) + "" + r.subList(2, 4));
        }
        out.sort(null);
        return out;
    }

    @Test
    void smallSideIsBroadcastAfterTheMapStages() {
        List<List<Object>> l = rows(new Random(1), 900, 60, 0);
        List<List<Object>> r = rows(new Random(2), 400, 80, 0);
        ExecutionContext small = withConf(SqlConf.AUTO_BROADCAST_THRESHOLD, "-1",
                SkewJoinPlanner.ADAPTIVE_BROADCAST_THRESHOLD, "1000000");
        ExecutionContext never = withConf(SkewJoinPlanner.ADAPTIVE_BROADCAST_THRESHOLD, "-1");
        for (JoinType t : new JoinType[] {JoinType.INNER, JoinType.LEFT_OUTER, JoinType.RIGHT_OUTER, JoinType.FULL_OUTER,
            JoinType.LEFT_SEMI, JoinType.LEFT_ANTI}) {
            for (boolean cond : new boolean[] {false, true}) {
                SortMergeJoinExec j = join(t, cond ? TestExprs.gt(A, B) : null, l, r, true);
                assertEquals(t != JoinType.FULL_OUTER, !(j.execute(small) instanceof ZippedBatchesRDD), t.name());
                assertTrue(j.execute(never) instanceof ZippedBatchesRDD, t.name());
                assertEquals(expected(t, l, r, cond), actual(j, t, small), t + " " + cond);
            }
        }
    }

    @Test
    void smallerSideRunsFirstAndIsBroadcastWithoutShufflingTheOtherWhenPartitioningIsFree() {
        List<List<Object>> l = rows(new Random(11), 900, 60, 0);
        List<List<Object>> r = rows(new Random(12), 400, 80, 0);
        ExecutionContext small = withConf(SqlConf.AUTO_BROADCAST_THRESHOLD, "-1",
                SkewJoinPlanner.ADAPTIVE_BROADCAST_THRESHOLD, "1000000");
        for (JoinSide first : JoinSide.values()) {
            for (JoinType t : new JoinType[] {JoinType.INNER, JoinType.LEFT_OUTER, JoinType.RIGHT_OUTER,
                JoinType.FULL_OUTER, JoinType.LEFT_SEMI, JoinType.LEFT_ANTI}) {
                boolean buildable = first == JoinSide.RIGHT
                        ? t != JoinType.RIGHT_OUTER && t != JoinType.FULL_OUTER
                        : t == JoinType.INNER || t == JoinType.RIGHT_OUTER;
                for (boolean splittable : new boolean[] {true, false}) {
                    SortMergeJoinExec j = join(t, TestExprs.gt(A, B), l, r, splittable, first);
                    // the stream side read straight from its scan keeps the scan's partitions (8 left, 3 right)
                    int streamParts = first == JoinSide.RIGHT ? 8 : 3;
                    boolean early = splittable && buildable;
                    int parts = j.execute(small).getNumPartitions();
                    if (early) {
                        assertEquals(streamParts, parts, t + " " + first);
                    }
                    assertEquals(early, small.adaptive().decisionsFor(j).stream()
                            .anyMatch(d -> d.line().contains("side is not shuffled")), t + " " + first);
                    assertEquals(expected(t, l, r, true), actual(j, t, small), t + " " + first + " " + splittable);
                }
            }
        }
    }

    @Test
    void smallFirstSideFiltersTheOtherSideByItsKeysBeforeTheShuffle() {
        List<List<Object>> l = rows(new Random(13), 900, 300, 0);
        List<List<Object>> r = rows(new Random(14), 200, 80, 0);
        for (String enabled : new String[] {"true", "false"}) {
            ExecutionContext in = withConf(SkewJoinPlanner.ADAPTIVE_BROADCAST_THRESHOLD, "-1",
                    RuntimeKeyFilter.ENABLED, enabled);
            for (JoinSide first : JoinSide.values()) {
                for (JoinType t : new JoinType[] {JoinType.INNER, JoinType.LEFT_OUTER, JoinType.RIGHT_OUTER,
                    JoinType.FULL_OUTER, JoinType.LEFT_SEMI, JoinType.LEFT_ANTI}) {
                    for (boolean cond : new boolean[] {false, true}) {
                        SortMergeJoinExec j = join(t, cond ? TestExprs.gt(A, B) : null, l, r, true, first);
                        j.execute(in);
                        SparkPlan other = ((SortExec) (first == JoinSide.RIGHT ? j.left() : j.right())).child();
                        boolean filtered = in.adaptive().decisionsFor(other).stream()
                                .anyMatch(d -> d.line().startsWith("RuntimeFilter"));
                        assertEquals(enabled.equals("true") && RuntimeKeyFilter.applies(t, first), filtered,
                                t + " " + first + " " + enabled);
                        assertEquals(expected(t, l, r, cond), actual(j, t, in), t + " " + first + " " + cond);
                    }
                }
            }
        }
        assertTrue(RuntimeKeyFilter.applies(JoinType.LEFT_ANTI, JoinSide.LEFT));
        assertFalse(RuntimeKeyFilter.applies(JoinType.LEFT_ANTI, JoinSide.RIGHT));
        assertFalse(RuntimeKeyFilter.applies(JoinType.FULL_OUTER, JoinSide.LEFT));
        assertFalse(RuntimeKeyFilter.applies(JoinType.LEFT_OUTER, JoinSide.RIGHT));
        assertFalse(RuntimeKeyFilter.enabled(new SqlConf(Map.of(RuntimeKeyFilter.CREATION_SIDE_THRESHOLD, "99")), 100));
    }

    @Test
    void skewedPartitionRunsAsSeveralTasksWithTheSameAnswer() {
        List<List<Object>> l = rows(new Random(3), 6000, 100, 80);
        List<List<Object>> r = rows(new Random(4), 600, 100, 0);
        ExecutionContext skew = withConf(SkewJoinPlanner.ADAPTIVE_BROADCAST_THRESHOLD, "-1",
                SkewJoinPlanner.SKEW_THRESHOLD, "1000", "spark.sql.adaptive.advisoryPartitionSizeInBytes", "4000");
        for (JoinType t : new JoinType[] {JoinType.INNER, JoinType.LEFT_OUTER, JoinType.LEFT_ANTI, JoinType.RIGHT_OUTER,
            JoinType.FULL_OUTER}) {
            boolean splits = t != JoinType.RIGHT_OUTER && t != JoinType.FULL_OUTER;
            SortMergeJoinExec j = join(t, TestExprs.gt(A, B), l, r, true);
            assertEquals(splits, j.execute(skew).getNumPartitions() > 4, t.name());
            assertTrue(join(t, null, l, r, false).execute(skew).getNumPartitions() <= 4, "not splittable");
            assertEquals(expected(t, l, r, true), actual(j, t, skew), t.name());
        }
    }

    @Test
    void joinNeitherBroadcastNorSkewedRunsByHashingUnlessAskedToMerge() {
        List<List<Object>> l = rows(new Random(5), 900, 60, 0);
        List<List<Object>> r = rows(new Random(6), 400, 80, 0);
        for (String hash : new String[] {"true", "false"}) {
            ExecutionContext in = withConf(SkewJoinPlanner.ADAPTIVE_BROADCAST_THRESHOLD, "-1",
                    AdaptiveSortMergeJoin.HASH_INSTEAD_OF_SORT, hash);
            for (JoinType t : new JoinType[] {JoinType.INNER, JoinType.LEFT_OUTER, JoinType.RIGHT_OUTER,
                JoinType.FULL_OUTER, JoinType.LEFT_SEMI, JoinType.LEFT_ANTI}) {
                for (boolean cond : new boolean[] {false, true}) {
                    SortMergeJoinExec j = join(t, cond ? TestExprs.gt(A, B) : null, l, r, true);
                    j.execute(in);
                    boolean hashed = in.adaptive().decisionsFor(j).stream()
                            .anyMatch(d -> d.line().startsWith("ShuffledHashJoin"));
                    assertEquals(hash.equals("true"), hashed, t + " " + hash);
                    assertEquals(expected(t, l, r, cond), actual(j, t, in), t + " " + cond + " " + hash);
                }
            }
        }
    }

    @Test
    void joinOverAnotherJoinOnTheSameKeysHashesWithoutSorting() {
        List<List<Object>> l = rows(new Random(7), 900, 60, 0);
        List<List<Object>> r = rows(new Random(8), 300, 80, 0);
        List<List<Object>> r2 = rows(new Random(9), 400, 70, 0);
        List<List<Object>> semi = new ArrayList<>();
        for (List<Object> x : l) {
            if (x.get(0) != null && r.stream().anyMatch(y -> x.get(0).equals(y.get(0)))) {
                semi.add(x);
            }
        }
        for (String hash : new String[] {"true", "false"}) {
            // the planner pins the exchanges under the inner join (KeepCoPartitionedExchanges): none coalesce
            ExecutionContext in = withConf(SkewJoinPlanner.ADAPTIVE_BROADCAST_THRESHOLD, "-1",
                    AdaptiveSortMergeJoin.HASH_INSTEAD_OF_SORT, hash, CoalescePlanner.ENABLED, "false");
            for (JoinType t : new JoinType[] {JoinType.INNER, JoinType.LEFT_OUTER, JoinType.RIGHT_OUTER,
                JoinType.FULL_OUTER, JoinType.LEFT_SEMI, JoinType.LEFT_ANTI}) {
                for (boolean cond : new boolean[] {false, true}) {
                    // run first, the semi join's left side leaves its keys for the join above to filter with
                    JoinSide first = cond ? JoinSide.LEFT : JoinSide.RIGHT;
                    SortMergeJoinExec inner = join(JoinType.LEFT_SEMI, null, l, r, false, first);
                    SparkPlan rs = new LocalTableScanExec(List.of(RK, B), batches(TYPES, r2, 256), 3);
                    ShuffleExchangeExec re = new ShuffleExchangeExec(new Partitioning.Hash(List.of(RK), 4), rs, false);
                    SortMergeJoinExec outer = new SortMergeJoinExec(List.of(LK), List.of(RK), t,
                            cond ? TestExprs.gt(A, B) : null,
                            new SortExec(List.of(new SortOrder(LK, true, true)), false, inner),
                            new SortExec(List.of(new SortOrder(RK, true, true)), false, re));
                    outer.execute(in);
                    boolean hashed = in.adaptive().decisionsFor(outer).stream()
                            .anyMatch(d -> d.line().startsWith("ShuffledHashJoin"));
                    assertEquals(hash.equals("true"), hashed, t + " " + hash);
                    boolean filtered = in.adaptive().decisionsFor(re).stream()
                            .anyMatch(d -> d.line().startsWith("RuntimeFilter"));
                    assertEquals(hash.equals("true") && first == JoinSide.LEFT && RuntimeKeyFilter.applies(t, JoinSide.LEFT),
                            filtered, t + " " + first + " " + hash);
                    assertEquals(expected(t, semi, r2, cond), actual(outer, t, in), t + " " + cond + " " + hash);
                }
            }
        }
    }
}
