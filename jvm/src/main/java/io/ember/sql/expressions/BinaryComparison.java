package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.Comparator;

/**
 * {@code = < <= > >=} over operands of one type (coercion unifies them), null when either is
 * null. Int, long and double operands run one tight loop per operator; other types compare
 * through {@link SqlOrdering}.
 */
public abstract class BinaryComparison extends BinaryOperator {
    private static final long serialVersionUID = 1L;

    /** The relation a subclass tests. */
    protected enum Op { EQ, LT, LE, GT, GE }

    protected BinaryComparison(Expression left, Expression right) {
        super(left, right);
    }

    protected abstract Op op();

    @Override
    public InputType inputType() {
        return InputType.ORDERABLE;
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    /** Answers of a dictionary-encoded operand compared with a constant, per dictionary. */
    private final DictionaryMemo dictionaryAnswers = new DictionaryMemo();

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int n = batch.numRows();
        if (right instanceof Literal c && c.value() != null && !(left instanceof Literal)) {
            ColumnVector l = left.eval(batch);
            ColumnVector fast = ScalarComparisons.compare(l, left.dataType(), c.value(), op(), n, dictionaryAnswers);
            return fast != null ? fast : eval(l, right.eval(batch), n);
        }
        if (left instanceof Literal c && c.value() != null && !(right instanceof Literal)) {
            ColumnVector r = right.eval(batch);
            ColumnVector fast = ScalarComparisons.compare(r, right.dataType(), c.value(), ScalarComparisons.flip(op()), n,
                    dictionaryAnswers);
            return fast != null ? fast : eval(left.eval(batch), r, n);
        }
        return eval(left.eval(batch), right.eval(batch), n);
    }

    private ColumnVector eval(ColumnVector l, ColumnVector r, int n) {
        boolean[] out = new boolean[n];
        boolean[] nulls = Vectors.union(Vectors.nulls(l), Vectors.nulls(r));
        DataType t = left.dataType();
        if (DataTypes.isIntBacked(t)) {
            compareInts(Vectors.ints(l).values, Vectors.ints(r).values, out, n);
        } else if (DataTypes.isLongBacked(t)) {
            compareLongs(Vectors.longs(l).values, Vectors.longs(r).values, out, n);
        } else if (t.equals(DataTypes.DoubleType)) {
            double[] a = Vectors.doubles(l).values;
            double[] b = Vectors.doubles(r).values;
            for (int i = 0; i < n; i++) out[i] = accept(SqlOrdering.compareDoubles(a[i], b[i]));
        } else if (t.equals(DataTypes.StringType)) {
            String[] a = Vectors.strings(l);
            String[] b = Vectors.strings(r);
            for (int i = 0; i < n; i++) {
                if (a[i] != null && b[i] != null) {
                    out[i] = op() == Op.EQ ? a[i].equals(b[i]) : accept(SqlOrdering.compareStrings(a[i], b[i]));
                }
            }
        } else if (!compareDecimals(l, r, t, out, n)) {
            Comparator<Object> c = SqlOrdering.forType(t);
            for (int i = 0; i < n; i++) {
                Object a = l.get(i);
                Object b = r.get(i);
                if (a != null && b != null) out[i] = accept(c.compare(a, b));
            }
        }
        return new BooleanVector(DataTypes.BooleanType, out, nulls);
    }

    /** Compares decimals of one scale on their unscaled longs; false when they do not fit (compared exactly instead). */
    private boolean compareDecimals(ColumnVector l, ColumnVector r, DataType t, boolean[] out, int n) {
        if (!(t instanceof DecimalType d) || !(right.dataType() instanceof DecimalType rd) || rd.scale() != d.scale()
                || !DecimalLongs.eitherCompact(l, r)) {
            return false;
        }
        long[] a = DecimalLongs.unscaledAt(l, d.scale(), n);
        long[] b = a == null ? null : DecimalLongs.unscaledAt(r, d.scale(), n);
        if (b == null) {
            return false;
        }
        compareLongs(a, b, out, n);
        return true;
    }

    private void compareInts(int[] a, int[] b, boolean[] out, int n) {
        switch (op()) {
            case EQ -> { for (int i = 0; i < n; i++) out[i] = a[i] == b[i]; }
            case LT -> { for (int i = 0; i < n; i++) out[i] = a[i] < b[i]; }
            case LE -> { for (int i = 0; i < n; i++) out[i] = a[i] <= b[i]; }
            case GT -> { for (int i = 0; i < n; i++) out[i] = a[i] > b[i]; }
            case GE -> { for (int i = 0; i < n; i++) out[i] = a[i] >= b[i]; }
        }
    }

    private void compareLongs(long[] a, long[] b, boolean[] out, int n) {
        switch (op()) {
            case EQ -> { for (int i = 0; i < n; i++) out[i] = a[i] == b[i]; }
            case LT -> { for (int i = 0; i < n; i++) out[i] = a[i] < b[i]; }
            case LE -> { for (int i = 0; i < n; i++) out[i] = a[i] <= b[i]; }
            case GT -> { for (int i = 0; i < n; i++) out[i] = a[i] > b[i]; }
            case GE -> { for (int i = 0; i < n; i++) out[i] = a[i] >= b[i]; }
        }
    }

    /** Whether a comparison result (negative, zero, positive) satisfies this operator. */
    protected final boolean accept(int cmp) {
        return switch (op()) {
            case EQ -> cmp == 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
    }
}
