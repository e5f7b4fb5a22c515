package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An exact runtime filter for a shuffled join (in the spirit of Spark's injected runtime
 * filters, decided from actual sizes): once adaptive execution has run one side's map stage
 * and found it small, that side's join keys are collected on the driver, broadcast as a hash
 * set ({@link RuntimeKeySet}), and the other side drops the rows whose keys match none of them before it is shuffled.
 * Such rows could not appear in the join's output, so this holds only where the other side's
 * unmatched rows are discarded: the right side of inner, left outer, semi and anti joins, the
 * left side of inner, right outer and semi joins. A null key matches nothing, as in the join.
 * Stateless; the driver builds the filter while it builds the join's RDD.
 */
final class RuntimeKeyFilter {
    /** Whether adaptive execution may filter a shuffled join's side by the other side's keys (Ember's; default true). */
    static final String ENABLED = "ember.sql.adaptive.runtimeFilter.enabled";
    /**
     * The largest shuffle output, in bytes, of the side whose keys build a filter (default
     * 10 MB, as Spark's {@code spark.sql.optimizer.runtime.bloomFilter.creationSideThreshold}).
     */
    static final String CREATION_SIDE_THRESHOLD = "ember.sql.adaptive.runtimeFilter.creationSideThreshold";

    private RuntimeKeyFilter() {}

    /** Whether rows of the side other than {@code known} may be filtered by {@code known}'s keys in a {@code type} join. */
    static boolean applies(JoinType type, JoinSide known) {
        if (known == JoinSide.LEFT) {
            return type == JoinType.INNER || type == JoinType.LEFT_OUTER || type == JoinType.LEFT_SEMI
                    || type == JoinType.LEFT_ANTI;
        }
        return type == JoinType.INNER || type == JoinType.RIGHT_OUTER || type == JoinType.LEFT_SEMI;
    }

    /** Whether a side whose shuffle output is {@code bytes} long is small enough to build a filter from, under {@code conf}. */
    static boolean enabled(SqlConf conf, long bytes) {
        return Boolean.parseBoolean(conf.get(ENABLED, "true"))
                && bytes <= Long.parseLong(conf.get(CREATION_SIDE_THRESHOLD, String.valueOf(10L << 20)));
    }

    /**
     * The set of {@code known}'s join keys ({@code knownKeys}, bound to its output), collected
     * on the driver by one job and broadcast.
     */
    static Shared<RuntimeKeySet> keySet(ExecutionContext ctx, RDD<ColumnBatch> known, Expression[] knownKeys) {
        List<DataType> keyTypes = new ArrayList<>();
        for (Expression k : knownKeys) {
            keyTypes.add(k.dataType());
        }
        int[] parts = new int[known.getNumPartitions()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = i;
        }
        RDD<ColumnBatch> keys = known.mapPartitions(it -> keysOf(it, knownKeys), false);
        return Shared.broadcast(ctx, RuntimeKeySet.of(Collecting.collect(ctx, keys, parts, Integer.MAX_VALUE, keyTypes),
                keyTypes));
    }

    /** {@code other} without the rows whose {@code otherKeys} (bound to its output) are not in {@code set}. */
    static RDD<ColumnBatch> keep(RDD<ColumnBatch> other, Shared<RuntimeKeySet> set, Expression[] otherKeys) {
        return other.mapPartitions(it -> new BatchIterator() {
            @Override
            protected ColumnBatch advance() {
                while (it.hasNext()) {
                    ColumnBatch b = it.next();
                    int n = b.numRows();
                    ColumnVector[] keys = new ColumnVector[otherKeys.length];
                    for (int k = 0; k < keys.length; k++) {
                        keys[k] = otherKeys[k].eval(b);
                    }
                    int[] rows = new int[n];
                    int kept = n == 0 ? 0 : set.get().select(keys, n, rows);
                    if (kept == n && n > 0) {
                        return b;
                    }
                    if (kept > 0) {
                        return VectorOps.gather(b, rows, kept);
                    }
                }
                return null;
            }
        }, false);
    }

    /** Each batch's key columns alone. */
    private static Iterator<ColumnBatch> keysOf(Iterator<ColumnBatch> it, Expression[] keys) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public ColumnBatch next() {
                ColumnBatch b = it.next();
                ColumnVector[] cols = new ColumnVector[keys.length];
                for (int k = 0; k < keys.length; k++) {
                    cols[k] = keys[k].eval(b);
                }
                return new ColumnBatch(cols, b.numRows());
            }
        };
    }
}
