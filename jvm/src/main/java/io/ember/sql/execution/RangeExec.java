package io.ember.sql.execution;

import io.ember.rdd.ParallelCollectionRDD;
import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code spark.range}: partition i of n produces elements {@code [i*count/n, (i+1)*count/n)}
 * of the range, generated in batches of {@link ColumnBatch#DEFAULT_ROWS} without a parent.
 */
public final class RangeExec extends LeafExecNode {
    private static final long serialVersionUID = 1L;

    private final long start;
    private final long step;
    private final long count;
    private final int numSlices;
    private final AttributeReference id;

    /** {@code numSlices} 0 or less means the engine's default parallelism. */
    public RangeExec(long start, long step, long count, int numSlices, AttributeReference id) {
        this.start = start;
        this.step = step;
        this.count = count;
        this.numSlices = Math.max(0, numSlices);
        this.id = id;
    }

    @Override
    public List<AttributeReference> output() {
        return List.of(id);
    }

    @Override
    public Partitioning outputPartitioning() {
        return numSlices == 1 ? Partitioning.SINGLE : new Partitioning.Unknown(numSlices);
    }

    private int slices(ExecutionContext ctx) {
        return numSlices > 0 ? numSlices : Math.max(1, ctx.rdds().defaultParallelism());
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        int parts = slices(ctx);
        List<Integer> slices = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            slices.add(i);
        }
        long s0 = start, st = step, n = count;
        io.ember.sql.execution.metric.SqlMetric rows = metric(ctx, io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
        return new ParallelCollectionRDD<>(ctx.rdds(), slices, parts)
                .mapPartitionsWithIndex((idx, it) -> io.ember.sql.execution.metric.Meter.countRows(rows,
                                generate(s0, st, sliceStart(n, idx, parts), sliceStart(n, idx + 1, parts))),
                        false);
    }

    private static long sliceStart(long count, int slice, int slices) {
        return BigInteger.valueOf(count).multiply(BigInteger.valueOf(slice)).divide(BigInteger.valueOf(slices))
                .longValue();
    }

    private static Iterator<ColumnBatch> generate(long start, long step, long from, long until) {
        return new BatchIterator() {
            long next = from;

            @Override
            protected ColumnBatch advance() {
                if (next >= until) {
                    return null;
                }
                int n = (int) Math.min(ColumnBatch.DEFAULT_ROWS, until - next);
                long[] values = new long[n];
                long v = start + next * step;
                for (int i = 0; i < n; i++, v += step) {
                    values[i] = v;
                }
                next += n;
                return new ColumnBatch(new ColumnVector[] {new LongVector(DataTypes.LongType, values, null)}, n);
            }
        };
    }

    @Override
    protected List<Object> args() {
        return List.of(start, step, count, numSlices, id);
    }

    @Override
    public String simpleString() {
        return "Range (" + start + ", " + (start + count * step) + ", step=" + step + ", splits=" + (numSlices > 0 ? numSlices : "default") + ")";
    }

    @Override
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of(io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
    }
}
