package io.ember.sql.expressions.math;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.misc.KernelSignature;
import io.ember.sql.expressions.misc.ScalarKernel;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * Math functions computed row by row: hyperbolic and reciprocal trigonometry over doubles
 * (named in capitals in SQL text, as Spark prints them), {@code factorial}, {@code e()},
 * {@code pi()}, {@code width_bucket}, {@code nullifzero}/{@code zeroifnull} and {@code isnan}.
 */
public enum MathKernel implements ScalarKernel {
    COSH("cosh", "COSH", Math::cosh),
    SINH("sinh", "SINH", Math::sinh),
    TANH("tanh", "TANH", Math::tanh),
    ACOSH("acosh", "ACOSH", x -> Math.abs(x) > 1e150 ? Math.log(x) + Math.log(2) : Math.log(x + Math.sqrt(x * x - 1.0))),
    ASINH("asinh", "ASINH", x -> x == Double.NEGATIVE_INFINITY ? x
            : Math.abs(x) > 1e150 ? Math.signum(x) * (Math.log(Math.abs(x)) + Math.log(2)) : Math.log(x + Math.sqrt(x * x + 1.0))),
    ATANH("atanh", "ATANH", x -> 0.5 * Math.log((1.0 + x) / (1.0 - x))),
    COT("cot", "COT", x -> 1.0 / Math.tan(x)),
    CSC("csc", "CSC", x -> 1.0 / Math.sin(x)),
    SEC("sec", "SEC", x -> 1.0 / Math.cos(x)),
    EXPM1("expm1", "EXPM1", Math::expm1),
    RINT("rint", "rint", Math::rint),
    E("e", "E", 0, DataTypes.DoubleType, a -> Math.E),
    PI("pi", "PI", 0, DataTypes.DoubleType, a -> Math.PI),
    FACTORIAL("factorial", "factorial", 1, DataTypes.LongType, a -> {
        int n = (Integer) a[0];
        if (n < 0 || n > 20) return null;
        long f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }),
    WIDTH_BUCKET("width_bucket", "width_bucket", 4, DataTypes.LongType,
            a -> widthBucket((Double) a[0], (Double) a[1], (Double) a[2], (Long) a[3])),
    ISNAN("isnan", "isnan", 1, DataTypes.BooleanType, a -> a[0] != null && Double.isNaN((Double) a[0])),
    NULLIFZERO("nullifzero", "nullifzero", 1, null, a -> ((Number) a[0]).doubleValue() == 0 ? null : a[0]),
    ZEROIFNULL("zeroifnull", "zeroifnull", 1, null, a -> a[0]),
    /** Unary plus: the value itself, printed {@code (+ x)}. */
    POSITIVE("positive", "positive", 1, null, a -> a[0]);

    private final KernelSignature signature;
    private final String pretty;
    private final Function<Object[], Object> fn;

    MathKernel(String name, String pretty, DoubleUnaryOperator f) {
        this(name, pretty, 1, DataTypes.DoubleType, a -> f.applyAsDouble((Double) a[0]));
    }

    MathKernel(String name, String pretty, int arity, DataType result, Function<Object[], Object> fn) {
        this.signature = new KernelSignature(name, arity, result);
        this.pretty = pretty;
        this.fn = fn;
    }

    @Override
    public KernelSignature signature() {
        return signature;
    }

    @Override
    public String prettyName() {
        return pretty;
    }

    @Override
    public InputType inputType(int i, List<DataType> argTypes) {
        return switch (this) {
            case FACTORIAL -> InputType.INT;
            case WIDTH_BUCKET -> i == 3 ? InputType.LONG : InputType.DOUBLE;
            case NULLIFZERO, ZEROIFNULL, POSITIVE -> InputType.NUMERIC;
            default -> InputType.DOUBLE;
        };
    }

    @Override
    public DataType resultType(List<DataType> argTypes) {
        return signature.result() != null ? signature.result() : argTypes.get(0);
    }

    @Override
    public boolean nullSafe() {
        return this == ISNAN || this == ZEROIFNULL;
    }

    @Override
    public Object apply(Object[] values, List<DataType> argTypes) {
        if (this == ZEROIFNULL && values[0] == null) return zero(argTypes.get(0));
        return fn.apply(values);
    }

    @Override
    public String sql(String name, List<Expression> args) {
        if (this == POSITIVE) return "(+ " + args.get(0).sql() + ")";
        return args.isEmpty() ? name + "()" : ScalarKernel.super.sql(name, args);
    }

    private static Object zero(DataType t) {
        if (t.equals(DataTypes.DoubleType)) return 0.0;
        if (t.equals(DataTypes.FloatType)) return 0.0f;
        if (t.equals(DataTypes.LongType)) return 0L;
        if (t instanceof io.ember.sql.types.DecimalType) return java.math.BigDecimal.ZERO;
        return 0;
    }

    /** Spark's {@code width_bucket}: the 1-based bucket of {@code v} among {@code n} equal buckets over [min, max). */
    static Long widthBucket(double v, double min, double max, long n) {
        if (n <= 0 || n == Long.MAX_VALUE || Double.isNaN(v) || min == max || Double.isNaN(min) || Double.isInfinite(min)
                || Double.isNaN(max) || Double.isInfinite(max)) {
            return null;
        }
        double lower = Math.min(min, max);
        double upper = Math.max(min, max);
        if (min < max) {
            if (v < lower) return 0L;
            if (v >= upper) return n + 1;
            return (long) (n * (v - lower) / (upper - lower)) + 1;
        }
        if (v > upper) return 0L;
        if (v <= lower) return n + 1;
        return (long) (n * (upper - v) / (upper - lower)) + 1;
    }
}
