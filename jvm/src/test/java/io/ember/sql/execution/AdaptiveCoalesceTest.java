package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Adaptive coalescing of shuffle partitions after the map stage. */
class AdaptiveCoalesceTest extends ExecTestSupport {
    @BeforeAll
    static void setUp() {
        start("aqe");
    }

    @AfterAll
    static void tearDown() {
        stop();
    }

    private static List<ShuffledBatchRDD.Spec> specs(long advisory, int min, long... sizes) {
        return CoalescePlanner.specs(List.of(sizes), advisory, min);
    }

    @Test
    void mergesNeighboursUpToTheTargetSize() {
        assertEquals(List.of(new ShuffledBatchRDD.Spec(0, 3), new ShuffledBatchRDD.Spec(3, 4), new ShuffledBatchRDD.Spec(4, 6)),
                specs(100, 1, 30, 30, 40, 90, 50, 0));
        assertEquals(List.of(new ShuffledBatchRDD.Spec(0, 2), new ShuffledBatchRDD.Spec(2, 4)),
                specs(1000, 2, 10, 10, 10, 10), "the minimum partition count lowers the target");
        assertEquals(List.of(new ShuffledBatchRDD.Spec(0, 3)), specs(1000, 2, 0, 0, 0));
        List<ShuffledBatchRDD.Spec> summed = CoalescePlanner.specs(List.of(new long[] {60, 0, 0}, new long[] {0, 60, 0}), 100, 1);
        assertEquals(List.of(new ShuffledBatchRDD.Spec(0, 1), new ShuffledBatchRDD.Spec(1, 3)), summed);
    }

    private static ExecutionContext withConf(String... kv) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new ExecutionContext(ec, new SqlConf(m));
    }

    @Test
    void aggregateReadsFewerPartitionsWithTheSameAnswer() {
        AttributeReference id = attr("id", DataTypes.LongType);
        SparkPlan agg = AggregateExchangeSortTest.aggregateOver(id, new RangeExec(0, 1, 20000, 3, id), 50);
        ExecutionContext on = withConf();
        ExecutionContext off = withConf(SqlConf.ADAPTIVE_ENABLED, "false");
        assertTrue(agg.execute(on).getNumPartitions() <= 3, "coalesced to " + agg.execute(on).getNumPartitions());
        assertEquals(50, agg.execute(off).getNumPartitions());
        List<List<Object>> a = rows(agg.executeCollect(on));
        List<List<Object>> b = rows(agg.executeCollect(off));
        a.sort(java.util.Comparator.comparing(Object::toString));
        b.sort(java.util.Comparator.comparing(Object::toString));
        assertEquals(b, a);
        assertEquals(20000, a.size());
    }

    @Test
    void coPartitionedJoinSidesAreCoalescedAlike() {
        AttributeReference l = attr("l", DataTypes.LongType), r = attr("r", DataTypes.LongType);
        SparkPlan join = new ShuffledHashJoinExec(List.of(l), List.of(r), JoinType.FULL_OUTER, null,
                new ShuffleExchangeExec(new Partitioning.Hash(List.of(l), 40), new RangeExec(0, 1, 5000, 2, l)),
                new ShuffleExchangeExec(new Partitioning.Hash(List.of(r), 40), new RangeExec(2500, 1, 5000, 3, r)));
        assertTrue(join.execute(withConf()).getNumPartitions() < 40);
        List<List<Object>> rows = rows(join.executeCollect(withConf()));
        assertEquals(7500, rows.size());
        long matched = rows.stream().filter(x -> x.get(0) != null && x.get(1) != null).count();
        assertEquals(2500, matched);
    }
}
