package io.ember.sql.execution;

import io.ember.rdd.ParallelCollectionRDD;
import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows held on the driver (a {@code LocalRelation}), sliced into {@code numSlices} partitions
 * (0: the default parallelism; never more than one per row) of about equal row counts; the
 * slices travel with the tasks, encoded.
 */
public final class LocalTableScanExec extends LeafExecNode {
    private static final long serialVersionUID = 1L;

    private final List<AttributeReference> output;
    private final List<ColumnBatch> batches;
    private final int numSlices;

    public LocalTableScanExec(List<AttributeReference> output, List<ColumnBatch> batches, int numSlices) {
        this.output = List.copyOf(output);
        this.batches = List.copyOf(batches);
        this.numSlices = Math.max(0, numSlices);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    private long numRows() {
        long n = 0;
        for (ColumnBatch b : batches) {
            n += b.numRows();
        }
        return n;
    }

    /** Slices to use: {@code numSlices} (0: the default parallelism), at most one per row. */
    private int slices(int defaultParallelism) {
        int wanted = numSlices > 0 ? numSlices : defaultParallelism;
        return (int) Math.max(1, Math.min(wanted, numRows()));
    }

    @Override
    public Partitioning outputPartitioning() {
        if (numRows() <= 1 || numSlices == 1) {
            return Partitioning.SINGLE;
        }
        return new Partitioning.Unknown(numSlices > 0 ? slices(numSlices) : 0);
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        int slices = slices(Math.max(1, ctx.rdds().defaultParallelism()));
        long total = numRows();
        List<List<byte[]>> parts = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            parts.add(new ArrayList<>());
        }
        long[] bound = new long[slices + 1];
        for (int i = 0; i <= slices; i++) {
            bound[i] = i * total / slices;
        }
        long row = 0;
        int slice = 0;
        for (ColumnBatch b : batches) {
            int from = 0;
            while (from < b.numRows()) {
                while (row >= bound[slice + 1]) {
                    slice++;
                }
                int len = (int) Math.min(b.numRows() - from, bound[slice + 1] - row);
                parts.get(slice).add(BatchCodec.encode(VectorOps.slice(b, from, len)));
                from += len;
                row += len;
            }
        }
        List<io.ember.sql.types.DataType> types = outputTypes();
        io.ember.sql.execution.metric.SqlMetric rows = metric(ctx, io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
        return new ParallelCollectionRDD<>(ctx.rdds(), parts, slices)
                .mapPartitions(it -> io.ember.sql.execution.metric.Meter.countRows(rows, decodeAll(it, types)));
    }

    private static java.util.Iterator<ColumnBatch> decodeAll(java.util.Iterator<List<byte[]>> it,
                                                             List<io.ember.sql.types.DataType> types) {
        return new BatchIterator() {
            java.util.Iterator<byte[]> current = java.util.Collections.emptyIterator();

            @Override
            protected ColumnBatch advance() {
                while (!current.hasNext()) {
                    if (!it.hasNext()) {
                        return null;
                    }
                    current = it.next().iterator();
                }
                return BatchCodec.decode(current.next(), types);
            }
        };
    }

    @Override
    protected List<Object> args() {
        return List.of(output, numRows());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalTableScanExec s && s.output.equals(output) && s.batches == batches;
    }

    @Override
    public int hashCode() {
        return output.hashCode();
    }

    @Override
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of(io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
    }
}
