package io.ember.sql.execution.metric;

/**
 * How a SQL metric's value reads, as Spark's metric types: a count ({@code sum}), bytes
 * ({@code size}), milliseconds ({@code timing}) or nanoseconds ({@code nsTiming}). Values of
 * every type add up across tasks; the UI formats them by type.
 */
public enum MetricType {
    SUM("sum"),
    SIZE("size"),
    TIMING("timing"),
    NS_TIMING("nsTiming");

    private final String sparkName;

    MetricType(String sparkName) {
        this.sparkName = sparkName;
    }

    /** Spark's name of the type ({@code SQLMetricInfo.metricType}). */
    public String sparkName() {
        return sparkName;
    }

    /** The type of a Spark type name; unknown names read as {@link #SUM}. */
    public static MetricType bySparkName(String name) {
        for (MetricType t : values()) {
            if (t.sparkName.equals(name)) {
                return t;
            }
        }
        return SUM;
    }
}
