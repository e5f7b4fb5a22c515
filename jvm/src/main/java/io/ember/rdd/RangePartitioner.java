package io.ember.rdd;

import io.ember.core.Partitioner;
import io.ember.core.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Partitions sortable keys into roughly equal ranges, with bounds chosen from a sample of the
 * keys (one sampling job). Partition i holds keys between bound i-1 and bound i.
 */
public final class RangePartitioner implements Partitioner {
    private final Object[] bounds;
    private final Comparator<Object> order;
    private final boolean ascending;

    @SuppressWarnings("unchecked")
    public <K> RangePartitioner(int partitions, RDD<? extends Tuple2<K, ?>> rdd, Comparator<K> order, boolean ascending) {
        this.order = (Comparator<Object>) order;
        this.ascending = ascending;
        this.bounds = partitions <= 1 ? new Object[0] : chooseBounds(partitions, rdd, this.order);
    }

    private static <K> Object[] chooseBounds(int partitions, RDD<? extends Tuple2<K, ?>> rdd, Comparator<Object> order) {
        int parentParts = Math.max(1, rdd.partitions().length);
        int sampleSize = Math.min(20 * partitions, 1_000_000);
        int perPartition = (int) Math.ceil(3.0 * sampleSize / parentParts);
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<List<Object>> samples = ((RDD) rdd).runJob((TaskFunction<Tuple2<K, ?>, List<Object>>) (ctx, it) ->
                reservoir(it, perPartition, ctx.partitionId()));
        List<Object> keys = new ArrayList<>();
        samples.forEach(keys::addAll);
        if (keys.isEmpty()) {
            return new Object[0];
        }
        keys.sort(order);
        List<Object> chosen = new ArrayList<>();
        for (int i = 1; i < partitions; i++) {
            Object candidate = keys.get((int) Math.min(keys.size() - 1, (long) i * keys.size() / partitions));
            if (chosen.isEmpty() || order.compare(candidate, chosen.get(chosen.size() - 1)) > 0) {
                chosen.add(candidate);
            }
        }
        return chosen.toArray();
    }

    private static <K> List<Object> reservoir(Iterator<? extends Tuple2<K, ?>> it, int size, int seed) {
        List<Object> sample = new ArrayList<>(size);
        Random rnd = new Random(seed * 31L + 17);
        long seen = 0;
        while (it.hasNext()) {
            Object k = it.next()._1();
            if (sample.size() < size) {
                sample.add(k);
            } else {
                long j = (long) (rnd.nextDouble() * (seen + 1));
                if (j < size) {
                    sample.set((int) j, k);
                }
            }
            seen++;
        }
        return sample;
    }

    @Override
    public int numPartitions() {
        return bounds.length + 1;
    }

    @Override
    public int getPartition(Object key) {
        int lo = 0;
        int hi = bounds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(key, bounds[mid]) > 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return ascending ? lo : bounds.length - lo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RangePartitioner r && r.ascending == ascending && Arrays.equals(r.bounds, bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds) * 31 + (ascending ? 1 : 0);
    }
}
