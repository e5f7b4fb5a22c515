package io.ember.sql.cache;

import io.ember.core.Accumulator;
import java.util.HashMap;
import java.util.Map;

/**
 * Rows and encoded bytes of each cached partition, reported by the tasks that build the
 * partitions (an accumulator, so it works the same on remote executors). A partition built
 * again after eviction reports the same figures again, which replace the old ones. The
 * driver merges on the scheduler thread while queries read: methods are synchronized.
 */
final class PartitionStats extends Accumulator<long[], Map<Integer, long[]>> {
    private static final long serialVersionUID = 1L;

    private final HashMap<Integer, long[]> byPartition = new HashMap<>();

    @Override
    protected PartitionStats zeroCopy() {
        return new PartitionStats();
    }

    /** Records {@code {partition, rows, bytes}}. */
    @Override
    public synchronized void add(long[] partitionRowsBytes) {
        byPartition.put((int) partitionRowsBytes[0], new long[] {partitionRowsBytes[1], partitionRowsBytes[2]});
    }

    @Override
    public synchronized void merge(Accumulator<long[], Map<Integer, long[]>> other) {
        byPartition.putAll(other.value());
    }

    @Override
    public synchronized Map<Integer, long[]> value() {
        return new HashMap<>(byPartition);
    }

    @Override
    public synchronized boolean isZero() {
        return byPartition.isEmpty();
    }

    /** {rows, bytes} over all partitions once each of {@code numPartitions} has been built; else null. */
    synchronized long[] totals(int numPartitions) {
        if (byPartition.size() < numPartitions) {
            return null;
        }
        long rows = 0;
        long bytes = 0;
        for (long[] v : byPartition.values()) {
            rows += v[0];
            bytes += v[1];
        }
        return new long[] {rows, bytes};
    }
}
