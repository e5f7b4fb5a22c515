package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;

/**
 * Rows held in the driver ({@code createDataFrame} of local data), as column batches in the
 * order of {@code output}; they are sliced into partitions when the plan runs.
 */
public final class LocalRelation extends LeafNode {
    private static final long serialVersionUID = 1L;

    private final List<AttributeReference> output;
    private final List<ColumnBatch> batches;

    public LocalRelation(List<AttributeReference> output, List<ColumnBatch> batches) {
        this.output = List.copyOf(output);
        this.batches = List.copyOf(batches);
    }

    public List<ColumnBatch> batches() {
        return batches;
    }

    public long numRows() {
        long n = 0;
        for (ColumnBatch b : batches) {
            n += b.numRows();
        }
        return n;
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public Statistics stats() {
        long size = 0;
        for (ColumnBatch b : batches) {
            size += b.sizeInBytes();
        }
        return new Statistics(Math.max(size, 1), numRows());
    }

    @Override
    protected List<Object> args() {
        return List.of(output, numRows());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalRelation r && r.output.equals(output) && r.batches == batches;
    }

    @Override
    public int hashCode() {
        return output.hashCode();
    }
}
