package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.StringType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.List;
import java.util.Objects;

/** A constant: an internal value (see {@link DataType}) of a type; null is a typed null. */
public final class Literal extends Expression {
    private static final long serialVersionUID = 1L;

    private final Object value;
    private final DataType dataType;

    public Literal(Object value, DataType dataType) {
        this.value = value;
        this.dataType = dataType;
    }

    public Object value() {
        return value;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public boolean nullable() {
        return value == null;
    }

    @Override
    public boolean foldable() {
        return true;
    }

    /**
     * The last constant vector built, handed out again for batches of the same size (vectors
     * are read-only once handed on), so a literal operand costs no allocation per batch. Kept
     * only for non-null numeric values; published through a volatile field, a benign race.
     */
    private transient volatile ColumnVector lastVector;

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int n = batch.numRows();
        ColumnVector v = lastVector;
        if (v != null && v.size() == n) {
            return v;
        }
        v = ColumnVectors.constant(dataType, value, n);
        if (value instanceof Number && (v instanceof io.ember.sql.vector.DecimalVector || v instanceof io.ember.sql.vector.LongVector
                || v instanceof io.ember.sql.vector.IntVector || v instanceof io.ember.sql.vector.DoubleVector)) {
            lastVector = v;
        }
        return v;
    }

    /** The text Spark names a literal's column by: {@code 1}, {@code abc}, {@code NULL}. */
    @Override
    public String sql() {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (dataType instanceof io.ember.sql.types.DateType && value instanceof Integer days) {
            return "DATE '" + DateTimeUtils.formatDate(days) + "'";
        }
        if (dataType instanceof io.ember.sql.types.DayTimeIntervalType t && value instanceof Long micros) {
            return IntervalStrings.dayTime(micros, t);
        }
        if (dataType instanceof io.ember.sql.types.YearMonthIntervalType t && value instanceof Integer months) {
            return IntervalStrings.yearMonth(months, t);
        }
        if (dataType instanceof io.ember.sql.types.TimestampNTZType && value instanceof Long micros) {
            return "TIMESTAMP_NTZ '" + DateTimeUtils.formatTimestamp(micros, java.time.ZoneOffset.UTC) + "'";
        }
        if (value instanceof byte[] bytes) {
            return "X'" + java.util.HexFormat.of().withUpperCase().formatHex(bytes) + "'";
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return value instanceof String s && dataType instanceof StringType ? s : sql();
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return this;
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(value, dataType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, dataType);
    }
}
