package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/**
 * The partition key of {@code repartitionById(n, id)} (Spark's {@code DirectShufflePartitionID}):
 * an int column whose value is the target partition itself. It evaluates to its child; the
 * exchange that reads it (a pass-through partitioning) takes the value modulo the partition
 * count, positive, and sends nulls to partition 0.
 */
public final class DirectShufflePartitionId extends UnaryExpression implements ExpectsInputTypes {
    private static final long serialVersionUID = 1L;

    public DirectShufflePartitionId(Expression child) {
        super(child);
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.exact(DataTypes.IntegerType));
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ExpectsInputTypes.check(this, inputTypes());
    }

    @Override
    public DataType dataType() {
        return DataTypes.IntegerType;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        return child.eval(batch);
    }

    @Override
    public String sql() {
        return "direct_shuffle_partition_id(" + child.sql() + ")";
    }

    @Override
    protected Expression withNewChild(Expression c) {
        return new DirectShufflePartitionId(c);
    }
}
