package io.ember.sql.plans;

import java.io.Serializable;

/**
 * What a source knows of one column without reading it: its smallest and largest value as a
 * double in the column's internal representation (days for dates, micros for timestamps, the
 * value for decimals; null when unknown or not numeric) and how many values are null. Used by
 * the optimizer's cardinality estimates.
 */
public record ColumnStat(Double min, Double max, long nullCount) implements Serializable {
    /** Spans merged: the lower min, the higher max, nulls added. */
    public ColumnStat merge(ColumnStat o) {
        return new ColumnStat(min == null || o.min == null ? null : Math.min(min, o.min),
                max == null || o.max == null ? null : Math.max(max, o.max), nullCount + o.nullCount);
    }
}
