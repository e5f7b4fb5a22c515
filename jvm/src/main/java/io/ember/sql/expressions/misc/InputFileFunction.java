package io.ember.sql.expressions.misc;

import io.ember.rdd.InputFileBlock;
import io.ember.rdd.TaskContext;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.List;

/**
 * {@code input_file_name()}, {@code input_file_block_start()} and
 * {@code input_file_block_length()}: the file block the running task's file scan handed out
 * the batch from ({@link TaskContext#inputFile}), the same for every row of a batch since a
 * scan's batch never spans files. Rows from no file (no scan below, or past an exchange, or on
 * the driver) get Spark's empty name and -1 offsets. Never folded: the value is only known
 * while a task runs.
 */
public final class InputFileFunction extends Expression {
    private static final long serialVersionUID = 1L;

    /** Which part of the block. */
    public enum Part { NAME, START, LENGTH }

    private final Part part;

    public InputFileFunction(Part part) {
        this.part = part;
    }

    @Override
    public DataType dataType() {
        return part == Part.NAME ? DataTypes.StringType : DataTypes.LongType;
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
        TaskContext task = TaskContext.get();
        InputFileBlock b = task == null ? InputFileBlock.NONE : task.inputFile();
        Object v = switch (part) {
            case NAME -> b.uri();
            case START -> b.start();
            case LENGTH -> b.length();
        };
        return ColumnVectors.constant(dataType(), v, batch.numRows());
    }

    @Override
    public String sql() {
        return switch (part) {
            case NAME -> "input_file_name()";
            case START -> "input_file_block_start()";
            case LENGTH -> "input_file_block_length()";
        };
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
        return List.of(part);
    }
}
