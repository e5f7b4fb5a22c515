package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runtime key sets: membership as a bitmap or a hash relation, and which plans a collected set bounds. */
class RuntimeKeySetTest {
    /** Keys drawn from {@code [base, base + spread)}, every tenth null. */
    private static List<List<Object>> keys(Random rnd, int n, long base, long spread, boolean asInt) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long k = base + (long) (rnd.nextDouble() * spread);
            out.add(ExecTestSupport.row(rnd.nextInt(10) == 0 ? null : asInt ? (Object) (int) k : (Object) k));
        }
        return out;
    }

    private static void checkAgainstHashSet(DataType type, long base, long spread) {
        Random rnd = new Random(spread);
        boolean asInt = type == DataTypes.IntegerType;
        List<List<Object>> built = keys(rnd, 3000, base, spread, asInt);
        Set<Object> oracle = new HashSet<>();
        built.forEach(r -> oracle.add(r.get(0)));
        oracle.remove(null);
        RuntimeKeySet set = RuntimeKeySet.of(ExecTestSupport.batches(List.of(type), built, 700), List.of(type));
        // probes reach past both ends of the built range
        List<List<Object>> probes = keys(rnd, 5000, base - spread / 4, spread + spread / 2, asInt);
        for (ColumnBatch b : ExecTestSupport.batches(List.of(type), probes, 1024)) {
            int[] rows = new int[b.numRows()];
            int kept = set.select(b.columns(), b.numRows(), rows);
            List<Integer> expected = new ArrayList<>();
            for (int r = 0; r < b.numRows(); r++) {
                Object k = b.columns()[0].isNull(r) ? null : b.columns()[0].get(r);
                if (k != null && oracle.contains(k)) {
                    expected.add(r);
                }
            }
            List<Integer> actual = new ArrayList<>();
            for (int i = 0; i < kept; i++) {
                actual.add(rows[i]);
            }
            assertEquals(expected, actual, type + " " + spread);
        }
    }

    @Test
    void integralKeysNarrowOrWideSelectExactlyTheBuiltKeys() {
        checkAgainstHashSet(DataTypes.LongType, 1_000_000, 50_000);
        checkAgainstHashSet(DataTypes.LongType, -20_000, 30_000);
        checkAgainstHashSet(DataTypes.IntegerType, -5_000, 8_000);
        checkAgainstHashSet(DataTypes.LongType, Long.MIN_VALUE / 4, 1L << 31);
        checkAgainstHashSet(DataTypes.LongType, 0, 1L << 40);
    }

    @Test
    void compositeKeysAndAnEmptySet() {
        List<DataType> types = List.of(DataTypes.LongType, DataTypes.StringType);
        List<List<Object>> built = List.of(ExecTestSupport.row(1L, "a"), ExecTestSupport.row(2L, null),
                ExecTestSupport.row(3L, "c"));
        RuntimeKeySet set = RuntimeKeySet.of(ExecTestSupport.batches(types, built, 10), types);
        List<List<Object>> probes = List.of(ExecTestSupport.row(1L, "a"), ExecTestSupport.row(1L, "c"),
                ExecTestSupport.row(2L, null), ExecTestSupport.row(3L, "c"), ExecTestSupport.row(null, "a"));
        ColumnBatch p = ExecTestSupport.batches(types, probes, 10).get(0);
        int[] rows = new int[5];
        assertEquals(2, set.select(p.columns(), 5, rows));
        assertEquals(0, rows[0]);
        assertEquals(3, rows[1]);
        RuntimeKeySet empty = RuntimeKeySet.of(List.of(), List.of(DataTypes.LongType));
        ColumnBatch one = ExecTestSupport.batches(List.of(DataTypes.LongType), List.of(ExecTestSupport.row(0L)), 10).get(0);
        assertEquals(0, empty.select(new ColumnVector[] {one.columns()[0]}, 1, new int[1]));
    }

    @Test
    void aSetBoundsKeysPassedUpThroughSortsFiltersProjectionsAndJoinsOnly() {
        AttributeReference k = ExecTestSupport.attr("k", DataTypes.LongType);
        AttributeReference v = ExecTestSupport.attr("v", DataTypes.LongType);
        AttributeReference w = ExecTestSupport.attr("w", DataTypes.LongType);
        SparkPlan scan = new LocalTableScanExec(List.of(k, v), List.of(), 1);
        ShuffleExchangeExec exchange = new ShuffleExchangeExec(new Partitioning.Hash(List.of(k), 4), scan);
        SparkPlan other = new LocalTableScanExec(List.of(w), List.of(), 1);
        RuntimeKeySets sets = new RuntimeKeySets();
        Shared<RuntimeKeySet> set = Shared.broadcast(new ExecutionContext(null, new io.ember.sql.SqlConf(java.util.Map.of())),
                RuntimeKeySet.of(List.of(), List.of(DataTypes.LongType)));
        sets.register(exchange, List.of(k), set);
        SparkPlan sorted = new SortExec(List.of(new SortOrder(k, true, true)), false,
                new FilterExec(TestExprs.gt(v, v), new ProjectExec(List.of(k), exchange)));
        SparkPlan joined = new BroadcastHashJoinExec(List.of(k), List.of(w), io.ember.sql.plans.JoinType.INNER,
                JoinSide.RIGHT, null, sorted, other);
        assertTrue(sets.bounding(sorted, List.of(k)).isPresent());
        assertTrue(sets.bounding(joined, List.of(k)).isPresent());
        assertFalse(sets.bounding(joined, List.of(w)).isPresent(), "w comes from the other side");
        assertFalse(sets.bounding(exchange, List.of(v)).isPresent(), "registered for k only");
        Alias renamed = new Alias(k, "k2");
        assertFalse(sets.bounding(new ProjectExec(List.of(renamed), exchange), List.of(renamed.toAttribute())).isPresent());
        assertFalse(new RuntimeKeySets().bounding(sorted, List.of(k)).isPresent(), "another run");
    }
}
