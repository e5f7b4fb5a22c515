package io.ember.sql.expressions.math;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Math functions over doubles ({@code SQRT}, {@code EXP}, {@code ln}, {@code LOG10},
 * {@code POWER}, ...): inputs are cast to double; logarithms of non-positive values are null,
 * as in Spark. SQL names keep Spark's spelling ({@code SQRT(x)} but {@code ln(x)}).
 */
public final class MathFunction extends RowFunction {
    private static final long serialVersionUID = 1L;

    /** One function and its computation. */
    public enum Kind {
        SQRT("SQRT", Math::sqrt), EXP("EXP", Math::exp), LN("ln", log(Math::log)), LOG10("LOG10", log(Math::log10)),
        LOG2("LOG2", log(x -> Math.log(x) / Math.log(2))), LOG1P("LOG1P", Math::log1p), SIGNUM("SIGNUM", Math::signum),
        SIN("SIN", Math::sin), COS("COS", Math::cos), TAN("TAN", Math::tan), ASIN("ASIN", Math::asin),
        ACOS("ACOS", Math::acos), ATAN("ATAN", Math::atan), CBRT("CBRT", Math::cbrt), DEGREES("DEGREES", Math::toDegrees),
        RADIANS("RADIANS", Math::toRadians),
        POWER("POWER", Math::pow), ATAN2("ATAN2", Math::atan2),
        LOG("LOG", (b, x) -> b <= 0 || x <= 0 ? Double.NaN : Math.log(x) / Math.log(b)), HYPOT("HYPOT", Math::hypot);

        final String sqlName;
        final DoubleUnaryOperator unary;
        final DoubleBinaryOperator binary;

        Kind(String sqlName, DoubleUnaryOperator f) {
            this.sqlName = sqlName;
            this.unary = f;
            this.binary = null;
        }

        Kind(String sqlName, DoubleBinaryOperator f) {
            this.sqlName = sqlName;
            this.unary = null;
            this.binary = f;
        }

        public int arity() {
            return unary != null ? 1 : 2;
        }

        /** NaN marks "no value" for logarithms of non-positive numbers. */
        private static DoubleUnaryOperator log(DoubleUnaryOperator f) {
            return x -> x <= 0 ? Double.NaN : f.applyAsDouble(x);
        }
    }

    private final Kind kind;

    public MathFunction(Kind kind, List<Expression> args) {
        super(args);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.sqlName;
    }

    @Override
    public List<InputType> inputTypes() {
        return Collections.nCopies(args.size(), InputType.DOUBLE);
    }

    @Override
    public DataType dataType() {
        return DataTypes.DoubleType;
    }

    @Override
    protected Object compute(Object[] v) {
        double a = ((Number) v[0]).doubleValue();
        if (kind.unary != null) {
            double r = kind.unary.applyAsDouble(a);
            boolean isLog = kind == Kind.LN || kind == Kind.LOG10 || kind == Kind.LOG2;
            return isLog && Double.isNaN(r) && !Double.isNaN(a) ? null : r;
        }
        double b = ((Number) v[1]).doubleValue();
        double r = kind.binary.applyAsDouble(a, b);
        return kind == Kind.LOG && Double.isNaN(r) && !Double.isNaN(a) && !Double.isNaN(b) ? null : r;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new MathFunction(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
