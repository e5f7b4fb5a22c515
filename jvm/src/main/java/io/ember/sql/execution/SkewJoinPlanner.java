package io.ember.sql.execution;

import io.ember.sql.SqlConf;
import io.ember.sql.plans.JoinType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Adaptive execution's decisions for a sort-merge join once its map stages ran (pure
 * functions of the shuffle sizes, as Spark's {@code OptimizeSkewedJoin} and its broadcast
 * demotion): whether a side is small enough to broadcast, and how to split skewed reduce
 * partitions. A partition is skewed when it is larger than
 * {@code spark.sql.adaptive.skewJoin.skewedPartitionFactor} (5) times the side's median and
 * than {@code spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes} (256 MB); it is cut
 * into ranges of map outputs of about the advisory size (at least the non-skewed average), each
 * read by its own task with the other side's whole partition replicated. Only a side whose
 * rows appear once in the output may be cut: the left of inner, left outer, semi and anti
 * joins, the right of inner and right outer joins.
 */
public final class SkewJoinPlanner {
    public static final String ADAPTIVE_BROADCAST_THRESHOLD = "spark.sql.adaptive.autoBroadcastJoinThreshold";
    public static final String SKEW_ENABLED = "spark.sql.adaptive.skewJoin.enabled";
    public static final String SKEW_FACTOR = "spark.sql.adaptive.skewJoin.skewedPartitionFactor";
    public static final String SKEW_THRESHOLD = "spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes";

    private SkewJoinPlanner() {}

    /** The side to broadcast instead of merging, if its shuffle output is under the threshold. */
    public static Optional<JoinSide> broadcastSide(JoinType type, long leftBytes, long rightBytes, long threshold) {
        boolean rightOk = threshold >= 0 && rightBytes <= threshold && type != JoinType.RIGHT_OUTER
                && type != JoinType.FULL_OUTER;
        boolean leftOk = threshold >= 0 && leftBytes <= threshold
                && (type == JoinType.INNER || type == JoinType.RIGHT_OUTER);
        if (rightOk && (!leftOk || rightBytes <= leftBytes)) {
            return Optional.of(JoinSide.RIGHT);
        }
        return leftOk ? Optional.of(JoinSide.LEFT) : Optional.empty();
    }

    /** The adaptive broadcast threshold: the adaptive setting if set, else the planner's. */
    public static long broadcastThreshold(SqlConf conf) {
        String v = conf.get(ADAPTIVE_BROADCAST_THRESHOLD, "");
        return v.isEmpty() ? conf.autoBroadcastJoinThreshold() : Long.parseLong(v);
    }

    /**
     * Aligned reduce specs for the two sides ({@code [left, right]}) splitting skewed
     * partitions, or empty when none is skewed (or none may be split). Sizes are per map
     * output, then per reduce partition.
     */
    public static Optional<List<List<ShuffledBatchRDD.Spec>>> skewSpecs(JoinType type, long[][] leftMaps,
                                                                        long[][] rightMaps, int partitions,
                                                                        double factor, long threshold, long advisory) {
        boolean splitLeft = type == JoinType.INNER || type == JoinType.LEFT_OUTER || type == JoinType.LEFT_SEMI
                || type == JoinType.LEFT_ANTI;
        boolean splitRight = type == JoinType.INNER || type == JoinType.RIGHT_OUTER;
        long[] l = ShuffleSizesRDD.total(leftMaps, partitions);
        long[] r = ShuffleSizesRDD.total(rightMaps, partitions);
        long lLimit = limit(l, factor, threshold), rLimit = limit(r, factor, threshold);
        long lTarget = target(l, lLimit, advisory), rTarget = target(r, rLimit, advisory);
        List<ShuffledBatchRDD.Spec> left = new ArrayList<>(), right = new ArrayList<>();
        boolean any = false;
        for (int p = 0; p < partitions; p++) {
            List<ShuffledBatchRDD.Spec> ls = splitLeft && l[p] > lLimit ? split(leftMaps, p, lTarget) : whole(p);
            List<ShuffledBatchRDD.Spec> rs = splitRight && r[p] > rLimit ? split(rightMaps, p, rTarget) : whole(p);
            any |= ls.size() > 1 || rs.size() > 1;
            for (ShuffledBatchRDD.Spec a : ls) {
                for (ShuffledBatchRDD.Spec b : rs) {
                    left.add(a);
                    right.add(b);
                }
            }
        }
        return any ? Optional.of(List.of(left, right)) : Optional.empty();
    }

    /** Sizes above this are skewed. */
    private static long limit(long[] sizes, double factor, long threshold) {
        long[] sorted = sizes.clone();
        Arrays.sort(sorted);
        long median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        return Math.max((long) (median * factor), threshold);
    }

    /** The size to cut a skewed partition into: the advisory size, at least the non-skewed average. */
    private static long target(long[] sizes, long limit, long advisory) {
        long sum = 0;
        int n = 0;
        for (long s : sizes) {
            if (s <= limit) {
                sum += s;
                n++;
            }
        }
        return Math.max(1, Math.max(advisory, n == 0 ? 0 : sum / n));
    }

    private static List<ShuffledBatchRDD.Spec> whole(int p) {
        return List.of(new ShuffledBatchRDD.Spec(p, p + 1));
    }

    /** Consecutive map ranges of partition {@code p}, each about {@code target} bytes. */
    private static List<ShuffledBatchRDD.Spec> split(long[][] maps, int p, long target) {
        List<ShuffledBatchRDD.Spec> out = new ArrayList<>();
        int start = 0;
        long acc = 0;
        for (int m = 0; m < maps.length; m++) {
            if (m > start && acc + maps[m][p] > target) {
                out.add(new ShuffledBatchRDD.Spec(p, p + 1, start, m));
                start = m;
                acc = 0;
            }
            acc += maps[m][p];
        }
        out.add(new ShuffledBatchRDD.Spec(p, p + 1, start, maps.length));
        return out;
    }
}
