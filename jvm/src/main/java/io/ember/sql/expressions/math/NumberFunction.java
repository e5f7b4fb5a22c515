package io.ember.sql.expressions.math;

import io.ember.sql.expressions.AnsiAware;
import io.ember.sql.expressions.Decimals;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code CEIL}, {@code FLOOR} (bigint, or {@code decimal(p-s+1,0)} for decimals) and {@code abs}
 * (the input's type; the most negative value of an integral type stays itself outside ANSI mode
 * and fails with Spark's {@code ARITHMETIC_OVERFLOW} under it).
 */
public final class NumberFunction extends RowFunction implements AnsiAware {
    private static final long serialVersionUID = 1L;

    /** Which function. */
    public enum Kind { CEIL, FLOOR, ABS }

    private final Kind kind;
    private final boolean ansi;

    public NumberFunction(Kind kind, Expression child, boolean ansi) {
        super(List.of(child));
        this.kind = kind;
        this.ansi = ansi;
    }

    public NumberFunction(Kind kind, Expression child) {
        this(kind, child, false);
    }

    @Override
    public boolean ansi() {
        return ansi;
    }

    @Override
    public Expression withAnsi(boolean a) {
        return a == ansi || kind != Kind.ABS ? this : new NumberFunction(kind, args.get(0), a);
    }

    @Override
    public String prettyName() {
        return kind == Kind.ABS ? "abs" : kind.name();
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.NUMERIC);
    }

    @Override
    public DataType dataType() {
        DataType t = args.get(0).dataType();
        if (kind == Kind.ABS) return t;
        if (t instanceof DecimalType d) return Decimals.clamp(d.precision() - d.scale() + 1, 0);
        return DataTypes.LongType;
    }

    @Override
    protected Object compute(Object[] v) {
        DataType t = args.get(0).dataType();
        Object x = v[0];
        if (t instanceof DecimalType) {
            BigDecimal d = (BigDecimal) x;
            return switch (kind) {
                case ABS -> d.abs();
                case CEIL -> d.setScale(0, RoundingMode.CEILING);
                case FLOOR -> d.setScale(0, RoundingMode.FLOOR);
            };
        }
        if (kind == Kind.ABS) {
            if (t.equals(DataTypes.DoubleType)) return Math.abs((Double) x);
            if (t.equals(DataTypes.FloatType)) return Math.abs((Float) x);
            if (t.equals(DataTypes.LongType)) {
                long l = (Long) x;
                if (l == Long.MIN_VALUE && ansi) throw ExpressionEvalException.arithmeticOverflow(null);
                return Math.abs(l);
            }
            int i = ((Number) x).intValue();
            int min = t.equals(DataTypes.ByteType) ? Byte.MIN_VALUE : t.equals(DataTypes.ShortType) ? Short.MIN_VALUE
                    : Integer.MIN_VALUE;
            if (i == min) {
                if (ansi) throw ExpressionEvalException.arithmeticOverflow(null);
                return x;
            }
            return Math.abs(i);
        }
        if (x instanceof Double || x instanceof Float) {
            double d = ((Number) x).doubleValue();
            return (long) (kind == Kind.CEIL ? Math.ceil(d) : Math.floor(d));
        }
        return ((Number) x).longValue();
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new NumberFunction(kind, a.get(0), ansi);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind, ansi);
    }
}
