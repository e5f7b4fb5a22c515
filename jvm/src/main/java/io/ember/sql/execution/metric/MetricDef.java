package io.ember.sql.execution.metric;

/**
 * A metric an operator declares: its key in {@link NodeMetrics}, the name the UI shows (Spark's
 * wording) and its type. The common ones are constants here, so operators share the names.
 */
public record MetricDef(String key, String displayName, MetricType type) {
    public static final MetricDef NUM_OUTPUT_ROWS = new MetricDef("numOutputRows", "number of output rows",
            MetricType.SUM);
    public static final MetricDef SPILL_SIZE = new MetricDef("spillSize", "spill size", MetricType.SIZE);
    public static final MetricDef PEAK_MEMORY = new MetricDef("peakMemory", "peak memory", MetricType.SIZE);
    public static final MetricDef AGG_TIME = new MetricDef("aggTime", "time in aggregation build",
            MetricType.TIMING);
    public static final MetricDef SORT_TIME = new MetricDef("sortTime", "sort time", MetricType.TIMING);
    public static final MetricDef SHUFFLE_RECORDS_WRITTEN = new MetricDef("shuffleRecordsWritten",
            "shuffle records written", MetricType.SUM);
    public static final MetricDef DATA_SIZE = new MetricDef("dataSize", "data size", MetricType.SIZE);
    public static final MetricDef BUILD_DATA_SIZE = new MetricDef("buildDataSize", "broadcast build size",
            MetricType.SIZE);
    public static final MetricDef BUILD_TIME = new MetricDef("buildTime", "time to build", MetricType.TIMING);
}
