package io.ember.sql.execution;

import io.ember.sql.SqlConf;
import java.util.ArrayList;
import java.util.List;

/**
 * Adaptive execution's coalescing of shuffle partitions (as Spark's {@code
 * ShufflePartitionsUtil}): after the map stage, adjacent reduce partitions are merged while
 * their total stays under a target size: the advisory size
 * ({@code spark.sql.adaptive.advisoryPartitionSizeInBytes}, 64 MB), lowered so that at least
 * {@code spark.sql.adaptive.coalescePartitions.minPartitionNum} partitions (default: the
 * engine's parallelism) remain when the data allows. Merging neighbours keeps hash clustering
 * and range order intact. Pure functions.
 */
public final class CoalescePlanner {
    public static final String ENABLED = "spark.sql.adaptive.coalescePartitions.enabled";
    public static final String ADVISORY_SIZE = "spark.sql.adaptive.advisoryPartitionSizeInBytes";
    public static final String MIN_PARTITIONS = "spark.sql.adaptive.coalescePartitions.minPartitionNum";

    private CoalescePlanner() {}

    public static boolean enabled(SqlConf conf) {
        return conf.adaptiveEnabled() && Boolean.parseBoolean(conf.get(ENABLED, "true"));
    }

    /** Specs over one or more shuffles read together (co-partitioned): sizes are summed per partition. */
    public static List<ShuffledBatchRDD.Spec> specs(List<long[]> sizes, long advisory, int minPartitions) {
        int n = sizes.get(0).length;
        long[] total = new long[n];
        long all = 0;
        for (long[] s : sizes) {
            for (int i = 0; i < n; i++) {
                total[i] += s[i];
                all += s[i];
            }
        }
        long target = Math.max(1, Math.min(advisory, (long) Math.ceil((double) all / Math.max(1, minPartitions))));
        List<ShuffledBatchRDD.Spec> out = new ArrayList<>();
        int start = 0;
        long acc = 0;
        for (int i = 0; i < n; i++) {
            if (i > start && acc + total[i] > target) {
                out.add(new ShuffledBatchRDD.Spec(start, i));
                start = i;
                acc = 0;
            }
            acc += total[i];
        }
        if (n > 0) {
            out.add(new ShuffledBatchRDD.Spec(start, n));
        }
        return out;
    }

    static long advisory(SqlConf conf) {
        return Long.parseLong(conf.get(ADVISORY_SIZE, String.valueOf(64L << 20)));
    }

    static int minPartitions(ExecutionContext ctx) {
        String v = ctx.conf().get(MIN_PARTITIONS, "");
        return v.isEmpty() ? Math.max(1, ctx.rdds().defaultParallelism()) : Integer.parseInt(v);
    }
}
