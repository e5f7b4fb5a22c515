package io.ember.sql.expressions.math;

import io.ember.sql.expressions.Decimals;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code round(x, d)} (HALF_UP) and {@code bround(x, d)} (HALF_EVEN) to {@code d} decimal places
 * (negative rounds left of the point). The result has the input's type; a double rounds through
 * its shortest decimal form, so {@code round(1.005, 2)} is 1.01 as in Spark.
 */
public final class Round extends RowFunction {
    private static final long serialVersionUID = 1L;

    private final boolean halfEven;

    public Round(Expression child, Expression scale, boolean halfEven) {
        super(List.of(child, scale));
        this.halfEven = halfEven;
    }

    @Override
    public String prettyName() {
        return halfEven ? "bround" : "round";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.NUMERIC, InputType.INT);
    }

    private int scale() {
        Object s = args.get(1).foldable() ? args.get(1).evalConstant() : null;
        return s == null ? 0 : (Integer) s;
    }

    @Override
    public DataType dataType() {
        DataType t = args.get(0).dataType();
        if (t instanceof DecimalType d) {
            int scale = scale();
            int intDigits = d.precision() - d.scale() + 1;
            if (scale < 0) {
                return Decimals.clamp(intDigits - scale, 0);
            }
            int s = Math.min(d.scale(), scale);
            return Decimals.clamp(intDigits + s, s);
        }
        return t;
    }

    @Override
    protected Object compute(Object[] v) {
        int scale = (Integer) v[1];
        RoundingMode mode = halfEven ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP;
        DataType t = args.get(0).dataType();
        Object x = v[0];
        if (t instanceof DecimalType d) {
            DecimalType rt = (DecimalType) dataType();
            return Decimals.toPrecision(((BigDecimal) x).setScale(Math.min(scale, d.scale()), mode).setScale(rt.scale(), mode), rt);
        }
        if (t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)) {
            double dv = ((Number) x).doubleValue();
            if (Double.isNaN(dv) || Double.isInfinite(dv)) return x;
            double r = new BigDecimal(t.equals(DataTypes.FloatType) ? Float.toString((Float) x) : Double.toString(dv))
                    .setScale(scale, mode).doubleValue();
            return t.equals(DataTypes.FloatType) ? (Object) (float) r : (Object) r;
        }
        long l = ((Number) x).longValue();
        long r = scale >= 0 ? l : BigDecimal.valueOf(l).setScale(scale, mode).longValue();
        return t.equals(DataTypes.LongType) ? (Object) r : (Object) (int) r;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new Round(a.get(0), a.get(1), halfEven);
    }

    @Override
    protected List<Object> args() {
        return List.of(halfEven);
    }
}
