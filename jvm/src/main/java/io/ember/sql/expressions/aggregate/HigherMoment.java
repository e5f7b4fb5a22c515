package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.Expression;
import java.util.List;

/**
 * {@code skewness} and {@code kurtosis} (excess, population) from the count and central moments 2
 * to 4; null for no values or zero variance.
 */
public final class HigherMoment extends MomentAggregate {
    private static final long serialVersionUID = 1L;

    private final boolean kurtosis;

    public HigherMoment(Expression child, boolean kurtosis) {
        super(child, 4);
        this.kurtosis = kurtosis;
    }

    @Override
    protected Double statistic(double n, double m2, double m3, double m4) {
        if (n == 0 || m2 == 0) return null;
        return kurtosis ? n * m4 / (m2 * m2) - 3.0 : Math.sqrt(n) * m3 / Math.sqrt(m2 * m2 * m2);
    }

    @Override
    public String sql() {
        return (kurtosis ? "kurtosis(" : "skewness(") + child.sql() + ")";
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new HigherMoment(c.get(0), kurtosis);
    }

    @Override
    protected List<Object> args() {
        return List.of(kurtosis);
    }
}
