package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.List;

/**
 * What {@link Grouping} becomes once analyzed: bit {@code shift} of the grouping id column, as a
 * tinyint ({@code CAST((gid >> shift) & 1 AS TINYINT)} in Spark). Keeps the name of the call it
 * replaced in {@link #sql()}.
 */
public final class GroupingBit extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private final int shift;
    private final String sql;

    public GroupingBit(Expression groupingId, int shift, String sql) {
        super(groupingId);
        this.shift = shift;
        this.sql = sql;
    }

    @Override
    public DataType dataType() {
        return DataTypes.ByteType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        LongVector gid = Vectors.longs(child().eval(batch));
        int n = batch.numRows();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) ((gid.values[i] >>> shift) & 1L);
        }
        return new IntVector(DataTypes.ByteType, out, null);
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    protected Expression withNewChild(Expression c) {
        return new GroupingBit(c, shift, sql);
    }

    @Override
    protected List<Object> args() {
        return List.of(shift, sql);
    }
}
