package io.ember.rdd;

import io.ember.core.Partition;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The longs of Python's {@code range(start, end, step)} in {@code numSlices} contiguous slices.
 * Values are generated as a partition is read; nothing is materialized.
 */
public final class RangeRDD extends RDD<Long> {
    /** Elements {@code first, first + step, ...}, {@code count} of them. */
    record RangePartition(int index, long first, long count) implements Partition {}

    private final long start;
    private final long step;
    private final long size;
    private final int numSlices;

    public RangeRDD(RDDContext ctx, long start, long end, long step, int numSlices) {
        super(ctx, List.of());
        if (step == 0) {
            throw new IllegalArgumentException("range() step must not be zero");
        }
        if (numSlices < 1) {
            throw new IllegalArgumentException("Positive number of partitions required, got " + numSlices);
        }
        this.start = start;
        this.step = step;
        this.size = size(start, end, step);
        this.numSlices = numSlices;
    }

    /** The number of elements of range(start, end, step); BigInteger because end - start may overflow. */
    static long size(long start, long end, long step) {
        BigInteger span = BigInteger.valueOf(end).subtract(BigInteger.valueOf(start));
        BigInteger st = BigInteger.valueOf(step);
        if (span.signum() == 0 || span.signum() != st.signum()) {
            return 0;
        }
        // ceil(span / step) for same-signed operands
        BigInteger n = span.add(st).subtract(BigInteger.valueOf(st.signum())).divide(st);
        return n.longValueExact();
    }

    @Override
    protected Partition[] computePartitions() {
        Partition[] parts = new Partition[numSlices];
        BigInteger n = BigInteger.valueOf(size);
        BigInteger slices = BigInteger.valueOf(numSlices);
        long from = 0;
        for (int i = 0; i < numSlices; i++) {
            long to = n.multiply(BigInteger.valueOf(i + 1)).divide(slices).longValue();
            // wrapping arithmetic is exact here: every produced value lies within [start, end)
            parts[i] = new RangePartition(i, start + from * step, to - from);
            from = to;
        }
        return parts;
    }

    @Override
    public Iterator<Long> compute(Partition split, TaskContext ctx) {
        RangePartition p = (RangePartition) split;
        long step = this.step;
        return new Iterator<>() {
            private long next = p.first();
            private long remaining = p.count();

            @Override
            public boolean hasNext() {
                return remaining > 0;
            }

            @Override
            public Long next() {
                if (remaining <= 0) {
                    throw new NoSuchElementException();
                }
                long v = next;
                next += step;
                remaining--;
                return v;
            }
        };
    }
}
