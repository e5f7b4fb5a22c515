package io.ember.sql.execution.metric;

import io.ember.core.Accumulator;

/**
 * One operator metric of one query run, as Spark's {@code SQLMetric}: a long that tasks add to
 * and the driver sums (successful tasks only, once per partition, as every accumulator). The
 * name is the metric's display name. A task-side copy is owned by its task thread; the driver
 * copy is merged on the scheduler thread and read once the query's jobs are done.
 */
public final class SqlMetric extends Accumulator<Long, Long> {
    private static final long serialVersionUID = 1L;

    private final MetricType type;
    private long value;

    public SqlMetric(MetricType type) {
        this.type = type;
    }

    public MetricType type() {
        return type;
    }

    @Override
    protected SqlMetric zeroCopy() {
        return new SqlMetric(type);
    }

    @Override
    public void add(Long v) {
        add(v.longValue());
    }

    public void add(long v) {
        value += v;
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
        value += ((SqlMetric) other).value;
    }

    @Override
    public Long value() {
        return value;
    }

    @Override
    public boolean isZero() {
        return value == 0;
    }
}
