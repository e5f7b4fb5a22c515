package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.BoundReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import io.ember.storage.DiskBlockManager;
import io.ember.storage.MemoryManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spilling hash aggregate and external sort under a 256 KB execution budget. */
class SpillTest {
    private static final long BUDGET = 256 * 1024;
    private Path dir;
    private DiskBlockManager disks;
    private MemoryManager manager;
    private TaskMemory memory;

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createTempDirectory("sql-spill");
        disks = new DiskBlockManager(List.of(dir.toString()));
        manager = new MemoryManager(BUDGET, 0.0);
        memory = new TaskMemory(manager, 1, disks);
    }

    @AfterEach
    void tearDown() {
        disks.stop();
        DiskBlockManager.deleteRecursively(dir);
    }

    /** Batches of (k string, v long) with {@code keys} distinct keys. */
    private static List<ColumnBatch> input(int rows, int keys, long seed) {
        Random rnd = new Random(seed);
        List<ColumnBatch> out = new ArrayList<>();
        for (int from = 0; from < rows; from += 4096) {
            int n = Math.min(4096, rows - from);
            String[] k = new String[n];
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                k[i] = "key-" + rnd.nextInt(keys);
                v[i] = rnd.nextInt(100);
            }
            out.add(new ColumnBatch(new ColumnVector[] {new StringVector(k), new LongVector(DataTypes.LongType, v, null)}, n));
        }
        return out;
    }

    private static Map<String, long[]> javaSums(List<ColumnBatch> in) {
        Map<String, long[]> out = new HashMap<>();
        for (ColumnBatch b : in) {
            for (int r = 0; r < b.numRows(); r++) {
                long[] acc = out.computeIfAbsent(b.column(0).getString(r), x -> new long[2]);
                acc[0] += b.column(1).getLong(r);
                acc[1]++;
            }
        }
        return out;
    }

    private static AggregateSpec spec() {
        Expression v = new BoundReference(1, DataTypes.LongType, false);
        AggregateFunction[] fns = {new TestAggs.Sum(v), new TestAggs.Count(List.of())};
        return new AggregateSpec(new Expression[] {new BoundReference(0, DataTypes.StringType, true)},
                List.of(DataTypes.StringType), fns, new Expression[][] {{v}, {}});
    }

    private static Map<String, long[]> collect(Iterator<ColumnBatch> it) {
        Map<String, long[]> out = new HashMap<>();
        while (it.hasNext()) {
            ColumnBatch b = it.next();
            for (int r = 0; r < b.numRows(); r++) {
                long[] prev = out.put(b.column(0).getString(r), new long[] {b.column(1).getLong(r), b.column(2).getLong(r)});
                assertEquals(null, prev, "group emitted twice");
            }
        }
        return out;
    }

    private static void assertSame(Map<String, long[]> want, Map<String, long[]> got) {
        assertEquals(want.size(), got.size());
        want.forEach((k, v) -> assertEquals(List.of(v[0], v[1]), List.of(got.get(k)[0], got.get(k)[1]), k));
    }

    @Test
    void completeAggregateSpillsAndMergesBuckets() {
        List<ColumnBatch> in = input(120_000, 40_000, 3);
        Map<String, long[]> got = collect(HashAggregateExec.complete(memory, spec(), in.iterator(), false));
        assertSame(javaSums(in), got);
        assertTrue(memory.spillCount() >= AggregationBuffer.BUCKETS, "spill files: " + memory.spillCount());
        assertEquals(0, manager.executionUsed());
    }

    @Test
    void partialAggregateFlushesEarlyAndFinalMergesWithSpills() {
        List<ColumnBatch> in = input(100_000, 30_000, 5);
        List<ColumnBatch> partials = new ArrayList<>();
        HashAggregateExec.partial(memory, spec(), PartialSkipPolicy.NEVER, in.iterator()).forEachRemaining(partials::add);
        long partialRows = partials.stream().mapToLong(ColumnBatch::numRows).sum();
        assertTrue(partialRows > 30_000, "flushed early: " + partialRows + " partial rows");
        Map<String, long[]> got = collect(HashAggregateExec.complete(memory, spec(), partials.iterator(), true));
        assertSame(javaSums(in), got);
        assertTrue(memory.spillCount() > 0);
    }

    @Test
    void partialAggregatePassesRowsThroughOnceItReducesTooLittle() {
        List<ColumnBatch> in = input(4096 * 3, 1_000_000, 11);
        List<ColumnBatch> partials = new ArrayList<>();
        HashAggregateExec.partial(memory, spec(), new PartialSkipPolicy(4096, 0.5), in.iterator())
                .forEachRemaining(partials::add);
        long partialRows = partials.stream().mapToLong(ColumnBatch::numRows).sum();
        long firstBatchGroups = javaSums(in.subList(0, 1)).size();
        assertEquals(firstBatchGroups + 4096 * 2, partialRows);
        Map<String, long[]> got = collect(HashAggregateExec.complete(memory, spec(), partials.iterator(), true));
        assertSame(javaSums(in), got);
    }

    @Test
    void externalSortSpillsRunsAndMerges() {
        List<ColumnBatch> in = input(60_000, 1_000_000, 9);
        List<DataType> types = List.of(DataTypes.StringType, DataTypes.LongType);
        Expression[] keys = {new BoundReference(1, DataTypes.LongType, false), new BoundReference(0, DataTypes.StringType, true)};
        KeyComparator order = new KeyComparator(new boolean[] {false, true}, new boolean[] {false, true});
        ExternalBatchSorter sorter = new ExternalBatchSorter(memory, keys, order, types);
        in.forEach(sorter::insert);
        assertTrue(sorter.spillCount() > 1, "runs: " + sorter.spillCount());
        List<String> expected = new ArrayList<>();
        in.forEach(b -> {
            for (int r = 0; r < b.numRows(); r++) {
                expected.add((1099 - b.column(1).getLong(r)) + "|" + b.column(0).getString(r));
            }
        });
        expected.sort(null);
        List<String> got = new ArrayList<>();
        sorter.sorted().forEachRemaining(b -> {
            for (int r = 0; r < b.numRows(); r++) {
                got.add((1099 - b.column(1).getLong(r)) + "|" + b.column(0).getString(r));
            }
        });
        assertEquals(expected, got);
        assertEquals(0, manager.executionUsed());
    }
}
