package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import java.math.BigDecimal;

/**
 * {@code + - * / %} and friends over numeric operands of one type (coercion casts them first;
 * two decimals may differ, and the result decimal follows Spark's precision rules). Integer
 * overflow wraps and a zero divisor gives null, as Spark does outside ANSI mode; byte and short
 * results wrap to their width. A subclass supplies the loops for each representation, so each
 * loop is a tight, monomorphic pass over primitive arrays.
 *
 * <p>Under {@link Mode#ANSI} (set by the analyzer when {@code spark.sql.ansi.enabled}) an
 * integral overflow or a zero divisor fails with Spark's error class; under {@link Mode#TRY}
 * (the {@code try_} functions) such rows are null. See {@link ArithmeticChecks}.
 */
public abstract class BinaryArithmetic extends BinaryOperator {
    private static final long serialVersionUID = 1L;

    /** How rows that overflow or divide by zero are treated. */
    public enum Mode { LEGACY, ANSI, TRY }

    /** Set only on a fresh copy in {@link #withMode} before the copy is shared; effectively final. */
    private Mode mode = Mode.LEGACY;

    public Mode mode() {
        return mode;
    }

    /** This operator over the same operands in mode {@code m}. */
    public BinaryArithmetic withMode(Mode m) {
        BinaryArithmetic c = (BinaryArithmetic) withOperands(left, right);
        c.mode = m;
        return c;
    }

    @Override
    protected Expression withNewChildren(java.util.List<Expression> c) {
        BinaryArithmetic e = (BinaryArithmetic) withOperands(c.get(0), c.get(1));
        e.mode = mode;
        return e;
    }

    @Override
    protected java.util.List<Object> args() {
        return java.util.List.of(mode);
    }

    protected BinaryArithmetic(Expression left, Expression right) {
        super(left, right);
    }

    protected abstract void ints(int[] a, int[] b, int[] out, int n, NullMask nulls);

    protected abstract void longs(long[] a, long[] b, long[] out, int n, NullMask nulls);

    protected abstract void floats(float[] a, float[] b, float[] out, int n, NullMask nulls);

    protected abstract void doubles(double[] a, double[] b, double[] out, int n, NullMask nulls);

    /** One decimal result (exact; rounding to the result type follows), or null. */
    protected abstract BigDecimal decimal(BigDecimal a, BigDecimal b);

    /** The result decimal type of two decimal operands. */
    protected abstract DecimalType decimalResult(DecimalType a, DecimalType b);

    /**
     * The exact results at {@code result}'s scale computed on unscaled longs ({@link
     * DecimalLongs}), or null when this operator has no such path or a value does not fit; the
     * caller then computes with {@link #decimal}. Null rows may hold any value.
     */
    protected long[] decimalLongs(ColumnVector l, ColumnVector r, DecimalType lt, DecimalType rt,
            DecimalType result, int n) {
        return null;
    }

    @Override
    public InputType inputType() {
        return InputType.NUMERIC;
    }

    @Override
    public DataType dataType() {
        if (left.dataType() instanceof DecimalType a && right.dataType() instanceof DecimalType b) {
            return decimalResult(a, b);
        }
        return left.dataType();
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        if (left.dataType() instanceof DecimalType && right.dataType() instanceof DecimalType) {
            return TypeCheckResult.success();
        }
        return super.checkInputDataTypes();
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        ColumnVector l = left.eval(batch);
        ColumnVector r = right.eval(batch);
        int n = batch.numRows();
        DataType t = left.dataType();
        NullMask nulls = new NullMask(Vectors.union(Vectors.nulls(l), Vectors.nulls(r)), n);
        if (mode != Mode.LEGACY) ArithmeticChecks.check(this, l, r, n, nulls, mode == Mode.TRY);
        if (DataTypes.isIntBacked(t)) {
            int[] out = new int[n];
            ints(Vectors.ints(l).values, Vectors.ints(r).values, out, n, nulls);
            narrow(t, out);
            return new IntVector(t, out, nulls.mask());
        }
        if (DataTypes.isLongBacked(t)) {
            long[] out = new long[n];
            longs(Vectors.longs(l).values, Vectors.longs(r).values, out, n, nulls);
            return new LongVector(t, out, nulls.mask());
        }
        if (t.equals(DataTypes.DoubleType)) {
            double[] out = new double[n];
            doubles(Vectors.doubles(l).values, Vectors.doubles(r).values, out, n, nulls);
            return new DoubleVector(t, out, nulls.mask());
        }
        if (t.equals(DataTypes.FloatType)) {
            float[] out = new float[n];
            floats(Vectors.floats(l).values, Vectors.floats(r).values, out, n, nulls);
            return new FloatVector(t, out, nulls.mask());
        }
        return evalDecimal(l, r, n, nulls);
    }

    private ColumnVector evalDecimal(ColumnVector l, ColumnVector r, int n, NullMask nulls) {
        DecimalType rt = (DecimalType) dataType();
        if (left.dataType() instanceof DecimalType a && right.dataType() instanceof DecimalType b
                && DecimalLongs.eitherCompact(l, r)) {
            long[] fast = decimalLongs(l, r, a, b, rt, n);
            DecimalVector v = fast == null ? null : DecimalLongs.result(rt, fast, nulls.mask());
            if (v != null) {
                return v;
            }
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            BigDecimal a = (BigDecimal) l.get(i);
            BigDecimal b = (BigDecimal) r.get(i);
            if (a != null && b != null) {
                out[i] = Decimals.toPrecision(decimal(a, b), rt);
            }
        }
        return new ObjectVector(rt, out);
    }

    /** Byte and short arithmetic wraps at their width, as the JVM's (and Spark's) narrowing does. */
    static void narrow(DataType t, int[] out) {
        if (t.equals(DataTypes.ByteType)) {
            for (int i = 0; i < out.length; i++) out[i] = (byte) out[i];
        } else if (t.equals(DataTypes.ShortType)) {
            for (int i = 0; i < out.length; i++) out[i] = (short) out[i];
        }
    }
}
