package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.Expression;
import java.util.List;

/**
 * Variance and standard deviation ({@code var_samp}, {@code var_pop}, {@code stddev_samp},
 * {@code stddev_pop} and their aliases) from the count and sum of squared deviations. A sample
 * statistic of one value is null, as in Spark 3+.
 */
public final class CentralMoment extends MomentAggregate {
    private static final long serialVersionUID = 1L;

    /** Which statistic. */
    public enum Kind { VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP }

    private final Kind kind;
    private final String name;

    public CentralMoment(Expression child, Kind kind, String name) {
        super(child, 2);
        this.kind = kind;
        this.name = name;
    }

    @Override
    protected Double statistic(double n, double m2, double m3, double m4) {
        boolean sample = kind == Kind.VAR_SAMP || kind == Kind.STDDEV_SAMP;
        if (n == 0 || (sample && n == 1)) return null;
        double var = m2 / (sample ? n - 1 : n);
        return kind == Kind.STDDEV_SAMP || kind == Kind.STDDEV_POP ? Math.sqrt(var) : var;
    }

    @Override
    public String sql() {
        return name + "(" + child.sql() + ")";
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new CentralMoment(c.get(0), kind, name);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind, name);
    }
}
