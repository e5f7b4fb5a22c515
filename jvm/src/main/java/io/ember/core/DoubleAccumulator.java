package io.ember.core;

/** Sums doubles; also tracks the count of added values. */
public class DoubleAccumulator extends Accumulator<Double, Double> {
    private double sum;
    private long count;

    @Override
    protected DoubleAccumulator zeroCopy() {
        return new DoubleAccumulator();
    }

    @Override
    public void add(Double v) {
        add(v.doubleValue());
    }

    public void add(double v) {
        sum += v;
        count++;
    }

    @Override
    public void merge(Accumulator<Double, Double> other) {
        DoubleAccumulator o = (DoubleAccumulator) other;
        sum += o.sum;
        count += o.count;
    }

    @Override
    public Double value() {
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
