package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.types.DataTypes;
import java.util.List;

/** {@code spark.range(start, end, step, numPartitions)}: one non-null {@code bigint} column {@code id}. */
public final class Range extends LeafNode {
    private static final long serialVersionUID = 1L;

    private final long start;
    private final long end;
    private final long step;
    private final int numSlices;
    private final AttributeReference id;

    public Range(long start, long end, long step, int numSlices, AttributeReference id) {
        if (step == 0) {
            throw new IllegalArgumentException("range step must not be 0");
        }
        this.start = start;
        this.end = end;
        this.step = step;
        this.numSlices = numSlices;
        this.id = id;
    }

    public Range(long start, long end, long step, int numSlices) {
        this(start, end, step, numSlices, new AttributeReference("id", DataTypes.LongType, false));
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public long step() {
        return step;
    }

    public int numSlices() {
        return numSlices;
    }

    /** The number of values, 0 for an empty range. */
    public long count() {
        if ((step > 0 && start >= end) || (step < 0 && start <= end)) {
            return 0;
        }
        long span = step > 0 ? end - start : start - end;
        long s = Math.abs(step);
        return span / s + (span % s == 0 ? 0 : 1);
    }

    @Override
    public List<AttributeReference> output() {
        return List.of(id);
    }

    @Override
    public Statistics stats() {
        return new Statistics(Statistics.saturatingMultiply(count(), 8), count());
    }

    @Override
    protected List<Object> args() {
        return List.of(start, end, step, numSlices, id);
    }
}
