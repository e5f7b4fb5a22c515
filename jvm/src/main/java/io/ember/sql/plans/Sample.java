package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The rows of {@code child} whose random draw falls in {@code [lowerBound, upperBound)}
 * (Bernoulli sampling), or a Poisson number of copies of each row with replacement. A fixed
 * {@code seed} gives the same rows every run; {@code randomSplit} uses adjacent bounds.
 */
public final class Sample extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final double lowerBound;
    private final double upperBound;
    private final boolean withReplacement;
    private final long seed;
    private final LogicalPlan child;

    public Sample(double lowerBound, double upperBound, boolean withReplacement, long seed, LogicalPlan child) {
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.withReplacement = withReplacement;
        this.seed = seed;
        this.child = child;
    }

    public double lowerBound() { return lowerBound; }
    public double upperBound() { return upperBound; }
    public boolean withReplacement() { return withReplacement; }
    public long seed() { return seed; }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new Sample(lowerBound, upperBound, withReplacement, seed, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        return this;
    }

    @Override
    public Statistics stats() {
        Statistics c = child.stats();
        double fraction = upperBound - lowerBound;
        long size = Math.max(1, (long) (c.sizeInBytes() * fraction));
        return new Statistics(size, c.rowCount() == null ? null : (long) Math.ceil(c.rowCount() * fraction));
    }

    @Override
    protected List<Object> args() {
        return List.of(lowerBound, upperBound, withReplacement, seed);
    }
}
