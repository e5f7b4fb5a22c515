package io.ember.sql.execution;

import io.ember.core.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskContext;
import io.ember.shuffle.MapStatus;
import java.util.Iterator;
import java.util.List;

/**
 * One tiny task that depends on a shuffle: running it makes the scheduler finish the shuffle's
 * map stage (a stage boundary), and the task reports the bytes each map output holds for each
 * reduce partition. Adaptive execution reads these before planning the reduce side;
 * the later job reuses the finished map outputs.
 */
final class ShuffleSizesRDD extends RDD<long[][]> {
    record Single(int index) implements Partition {}

    private final int shuffleId;

    ShuffleSizesRDD(ShuffleDependency<Integer, byte[], byte[]> dep) {
        super(dep.rdd().context(), List.of(dep));
        this.shuffleId = dep.shuffleId();
    }

    @Override
    protected Partition[] computePartitions() {
        return new Partition[] {new Single(0)};
    }

    @Override
    public Iterator<long[][]> compute(Partition split, TaskContext ctx) {
        MapStatus[] statuses = ctx.env().mapOutputs().statuses(shuffleId, 0);
        long[][] sizes = new long[statuses.length][];
        for (int m = 0; m < statuses.length; m++) {
            sizes[m] = statuses[m].partitionSizes().clone();
        }
        return java.util.Collections.singletonList(sizes).iterator();
    }

    /** Runs the map stage if needed and returns the bytes per reduce partition. */
    static long[] sizes(ExecutionContext ctx, ShuffleDependency<Integer, byte[], byte[]> dep, int numPartitions) {
        return total(mapSizes(ctx, dep, numPartitions), numPartitions);
    }

    /** Runs the map stage if needed and returns the bytes per map output (rows) and reduce partition. */
    static long[][] mapSizes(ExecutionContext ctx, ShuffleDependency<Integer, byte[], byte[]> dep, int numPartitions) {
        List<long[][]> r = ctx.rdds().runJob(new ShuffleSizesRDD(dep), (task, it) -> it.next(), new int[] {0});
        long[][] sizes = r.get(0);
        for (long[] m : sizes) {
            if (m.length != numPartitions) {
                return new long[0][];
            }
        }
        return sizes;
    }

    /** Bytes per reduce partition, summed over the map outputs. */
    static long[] total(long[][] mapSizes, int numPartitions) {
        long[] sizes = new long[numPartitions];
        for (long[] m : mapSizes) {
            for (int i = 0; i < numPartitions; i++) {
                sizes[i] += m[i];
            }
        }
        return sizes;
    }
}
