package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DayTimeIntervalType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.YearMonthIntervalType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code -a}. Named {@code negative(a)} when called as the function {@code negative} (what
 * PySpark's {@code -col} calls) and {@code (- a)} as the operator; overflow wraps, except for
 * the smallest ANSI interval, which fails with Spark's {@code INTERVAL_ARITHMETIC_OVERFLOW}.
 */
public final class UnaryMinus extends UnaryExpression implements ImplicitCastInputTypes {
    private static final long serialVersionUID = 1L;

    private final boolean asFunction;

    public UnaryMinus(Expression child, boolean asFunction) {
        super(child);
        this.asFunction = asFunction;
    }

    public UnaryMinus(Expression child) {
        this(child, true);
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.NUMERIC_OR_INTERVAL);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ExpectsInputTypes.check(this, inputTypes());
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        ColumnVector c = child.eval(batch);
        int n = batch.numRows();
        DataType t = dataType();
        if (DataTypes.isIntBacked(t)) {
            IntVector v = Vectors.ints(c);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = -v.values[i];
            if (t instanceof YearMonthIntervalType) checkIntervalMin(v.values, v.nulls, n, Integer.MIN_VALUE);
            BinaryArithmetic.narrow(t, out);
            return new IntVector(t, out, Vectors.nulls(c));
        }
        if (DataTypes.isLongBacked(t)) {
            LongVector v = Vectors.longs(c);
            long[] out = new long[n];
            for (int i = 0; i < n; i++) out[i] = -v.values[i];
            if (t instanceof DayTimeIntervalType) checkIntervalMin(v.values, v.nulls, n, Long.MIN_VALUE);
            return new LongVector(t, out, Vectors.nulls(c));
        }
        if (t.equals(DataTypes.DoubleType)) {
            DoubleVector v = Vectors.doubles(c);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) out[i] = -v.values[i];
            return new DoubleVector(t, out, Vectors.nulls(c));
        }
        if (t.equals(DataTypes.FloatType)) {
            FloatVector v = Vectors.floats(c);
            float[] out = new float[n];
            for (int i = 0; i < n; i++) out[i] = -v.values[i];
            return new FloatVector(t, out, Vectors.nulls(c));
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            Object v = c.get(i);
            out[i] = v == null ? null : ((BigDecimal) v).negate();
        }
        return new ObjectVector((DecimalType) t, out);
    }

    private static void checkIntervalMin(Object values, boolean[] nulls, int n, long min) {
        for (int i = 0; i < n; i++) {
            long v = values instanceof int[] ints ? ints[i] : ((long[]) values)[i];
            if (v == min && (nulls == null || !nulls[i])) {
                throw new ExpressionEvalException("INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION",
                        "Integer overflow while operating with intervals. Try devising appropriate values for the "
                                + "interval parameters.", java.util.Map.of());
            }
        }
    }

    @Override
    public String sql() {
        return asFunction ? "negative(" + child.sql() + ")" : "(- " + child.sql() + ")";
    }

    @Override
    protected Expression withNewChild(Expression c) {
        return new UnaryMinus(c, asFunction);
    }

    @Override
    protected List<Object> args() {
        return List.of(asFunction);
    }
}
