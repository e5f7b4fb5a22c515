package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Partial/final hash aggregates across hash exchanges, and global sorts across range exchanges. */
class AggregateExchangeSortTest extends ExecTestSupport {
    private static final List<DataType> TYPES = List.of(DataTypes.LongType, DataTypes.StringType, DataTypes.LongType);
    private static final AttributeReference K = attr("k", DataTypes.LongType);
    private static final AttributeReference S = attr("s", DataTypes.StringType);
    private static final AttributeReference V = attr("v", DataTypes.LongType);
    private static List<List<Object>> data;
    private static LocalTableScanExec scan;

    @BeforeAll
    static void setUp() {
        start("agg-exchange-sort");
        Random rnd = new Random(7);
        data = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            Long k = rnd.nextInt(50) == 0 ? null : (long) rnd.nextInt(300) - 100;
            String s = rnd.nextInt(40) == 0 ? null : "s" + rnd.nextInt(37);
            Long v = rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(1000);
            data.add(row(k, s, v));
        }
        scan = new LocalTableScanExec(List.of(K, S, V), batches(TYPES, data, 1500), 4);
    }

    @AfterAll
    static void tearDown() {
        stop();
    }

    /** sum(v), count(*) grouped by {@code keys}, as partial -> hash exchange -> final. */
    static SparkPlan aggregate(List<NamedExpression> keys, SparkPlan child, int partitions) {
        List<AggregateFunction> fns = List.of(new TestAggs.Sum(V), new TestAggs.Count(List.of()));
        List<AttributeReference> results = List.of(attr("sum(v)", DataTypes.LongType), attr("count(1)", DataTypes.LongType));
        List<AttributeReference> states = List.of(attr("sum", DataTypes.LongType), attr("count", DataTypes.LongType));
        List<NamedExpression> out = new ArrayList<>();
        List<Expression> keyAttrs = new ArrayList<>();
        for (NamedExpression k : keys) {
            out.add(k.toAttribute());
            keyAttrs.add(k.toAttribute());
        }
        out.addAll(results);
        SparkPlan partial = new HashAggregateExec(HashAggregateExec.Mode.PARTIAL, keys, fns, results, states, List.of(), child);
        Partitioning p = keys.isEmpty() ? Partitioning.SINGLE : new Partitioning.Hash(keyAttrs, partitions);
        return new HashAggregateExec(HashAggregateExec.Mode.FINAL, keys, fns, results, states, out,
                new ShuffleExchangeExec(p, partial));
    }

    /** count(*) grouped by {@code key}, as partial -> hash exchange of {@code partitions} -> final. */
    static SparkPlan aggregateOver(AttributeReference key, SparkPlan child, int partitions) {
        List<AggregateFunction> fns = List.of(new TestAggs.Count(List.of()));
        List<AttributeReference> results = List.of(attr("count(1)", DataTypes.LongType));
        List<AttributeReference> states = List.of(attr("count", DataTypes.LongType));
        SparkPlan partial = new HashAggregateExec(HashAggregateExec.Mode.PARTIAL, List.of(key), fns, results, states,
                List.of(), child);
        return new HashAggregateExec(HashAggregateExec.Mode.FINAL, List.of(key), fns, results, states,
                List.of(key, results.get(0)), new ShuffleExchangeExec(new Partitioning.Hash(List.of(key), partitions), partial));
    }

    /** The same aggregate computed in plain Java: key columns -> [sum or null, count]. */
    private static Map<List<Object>, List<Object>> expected(int... keyCols) {
        Map<List<Object>, long[]> acc = new HashMap<>();
        Map<List<Object>, Boolean> seen = new HashMap<>();
        for (List<Object> r : data) {
            List<Object> key = new ArrayList<>();
            for (int c : keyCols) {
                key.add(r.get(c));
            }
            long[] a = acc.computeIfAbsent(key, x -> new long[2]);
            a[1]++;
            if (r.get(2) != null) {
                a[0] += (Long) r.get(2);
                seen.put(key, true);
            }
        }
        Map<List<Object>, List<Object>> out = new HashMap<>();
        acc.forEach((k, a) -> out.put(k, row(seen.containsKey(k) ? a[0] : null, a[1])));
        return out;
    }

    private static Map<List<Object>, List<Object>> actual(List<ColumnBatch> batches, int keys) {
        Map<List<Object>, List<Object>> out = new HashMap<>();
        for (List<Object> r : rows(batches)) {
            List<Object> prev = out.put(new ArrayList<>(r.subList(0, keys)), new ArrayList<>(r.subList(keys, r.size())));
            assertEquals(null, prev, "group emitted twice: " + r);
        }
        return out;
    }

    @Test
    void groupByLongKeyMatchesJava() {
        assertEquals(expected(0), actual(aggregate(List.of(K), scan, 3).executeCollect(ctx), 1));
    }

    @Test
    void groupByStringKeyMatchesJava() {
        assertEquals(expected(1), actual(aggregate(List.of(S), scan, 5).executeCollect(ctx), 1));
    }

    @Test
    void groupByTwoKeysMatchesJava() {
        assertEquals(expected(0, 1), actual(aggregate(List.of(K, S), scan, 2).executeCollect(ctx), 2));
    }

    @Test
    void globalAggregateGivesOneRowEvenWithoutInput() {
        assertEquals(expected(), actual(aggregate(List.of(), scan, 1).executeCollect(ctx), 0));
        SparkPlan empty = new FilterExec(TestExprs.gt(K, new io.ember.sql.expressions.Literal(100000L, DataTypes.LongType)), scan);
        assertEquals(List.of(row(null, 0L)), rows(aggregate(List.of(), empty, 1).executeCollect(ctx)));
    }

    @Test
    void hashExchangePutsEqualKeysInOnePartition() {
        SparkPlan ex = new ShuffleExchangeExec(new Partitioning.Hash(List.of(S), 6), scan, false);
        List<List<ColumnBatch>> parts = ctx.rdds().runJob(ex.execute(ctx), (t, it) -> {
            List<ColumnBatch> l = new ArrayList<>();
            it.forEachRemaining(l::add);
            return l;
        }, new int[] {0, 1, 2, 3, 4, 5});
        Set<Object> seen = new HashSet<>();
        int total = 0;
        for (List<ColumnBatch> p : parts) {
            Set<Object> here = new HashSet<>();
            for (List<Object> r : rows(p)) {
                here.add(r.get(1));
                total++;
            }
            for (Object k : here) {
                assertTrue(seen.add(k), "key in two partitions: " + k);
            }
        }
        assertEquals(data.size(), total);
    }

    private static Comparator<List<Object>> javaOrder(int col, boolean asc, boolean nullsFirst) {
        return (a, b) -> {
            Object x = a.get(col), y = b.get(col);
            if (x == null || y == null) {
                return x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
            }
            @SuppressWarnings("unchecked")
            int c = ((Comparable<Object>) x).compareTo(y);
            return asc ? c : -c;
        };
    }

    private static SparkPlan globalSort(List<SortOrder> order, int partitions) {
        return new SortExec(order, true, new ShuffleExchangeExec(new Partitioning.Range(order, partitions), scan));
    }

    @Test
    void globalSortAcrossRangePartitionsMatchesJava() {
        List<List<Object>> expected = new ArrayList<>(data);
        expected.sort(javaOrder(0, false, false).thenComparing(javaOrder(1, true, true)));
        List<SortOrder> order = List.of(SortOrder.desc(K), SortOrder.asc(S));
        List<List<Object>> got = rows(globalSort(order, 4).executeCollect(ctx));
        assertEquals(keys(expected, 0, 1), keys(got, 0, 1));
        assertEquals(new HashSet<>(expected).size(), new HashSet<>(got).size());
    }

    @Test
    void sortNullsLastAscending() {
        List<List<Object>> expected = new ArrayList<>(data);
        expected.sort(javaOrder(2, true, false));
        List<SortOrder> order = List.of(new SortOrder(V, true, false));
        assertEquals(keys(expected, 2), keys(rows(globalSort(order, 3).executeCollect(ctx)), 2));
    }

    private static List<List<Object>> keys(List<List<Object>> rows, int... cols) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            List<Object> k = new ArrayList<>();
            for (int c : cols) {
                k.add(r.get(c));
            }
            out.add(k);
        }
        return out;
    }

    @Test
    void sortedAggregateTakesFirstRowsInOrder() {
        SparkPlan agg = aggregate(List.of(K), scan, 3);
        List<SortOrder> order = List.of(SortOrder.asc(K));
        SparkPlan sorted = new SortExec(order, true, new ShuffleExchangeExec(new Partitioning.Range(order, 3), agg));
        List<List<Object>> exp = new ArrayList<>();
        expected(0).forEach((k, v) -> exp.add(row(k.get(0), v.get(0), v.get(1))));
        exp.sort(javaOrder(0, true, true));
        assertEquals(exp.subList(0, 7), rows(sorted.executeTake(ctx, 7)));
        assertTrue(Objects.equals(exp, rows(sorted.executeCollect(ctx))));
    }
}
