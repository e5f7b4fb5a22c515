package io.ember.sql.expressions.misc;

import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.List;

/**
 * {@code spark_partition_id()} (the running task's partition index) and
 * {@code monotonically_increasing_id()} (the partition index in the upper 31 bits and the row's
 * position within the task's partition in the lower 33, as Spark).
 */
public final class PartitionFunction extends Expression {
    private static final long serialVersionUID = 1L;

    private final boolean rowId;
    private final TaskLocal<long[]> next = new TaskLocal<>();

    public PartitionFunction(boolean rowId) {
        this.rowId = rowId;
    }

    @Override
    public DataType dataType() {
        return rowId ? DataTypes.LongType : DataTypes.IntegerType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int n = batch.numRows();
        if (!rowId) {
            int[] out = new int[n];
            java.util.Arrays.fill(out, TaskLocal.partitionId());
            return new IntVector(DataTypes.IntegerType, out, null);
        }
        long[] counter = next.get(p -> new long[] {(long) p << 33});
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = counter[0]++;
        return new LongVector(DataTypes.LongType, out, null);
    }

    @Override
    public String sql() {
        return rowId ? "monotonically_increasing_id()" : "SPARK_PARTITION_ID()";
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return this;
    }

    @Override
    protected List<Object> args() {
        return List.of(rowId);
    }
}
