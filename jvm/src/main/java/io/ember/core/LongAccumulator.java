package io.ember.core;

/** Sums longs; also tracks the count of added values. */
public class LongAccumulator extends Accumulator<Long, Long> {
    private long sum;
    private long count;

    @Override
    protected LongAccumulator zeroCopy() {
        return new LongAccumulator();
    }

    @Override
    public void add(Long v) {
        add(v.longValue());
    }

    public void add(long v) {
        sum += v;
        count++;
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
        LongAccumulator o = (LongAccumulator) other;
        sum += o.sum;
        count += o.count;
    }

    @Override
    public Long value() {
        return sum;
    }

    public long count() {
        return count;
    }

    @Override
    public boolean isZero() {
        return sum == 0 && count == 0;
    }
}
