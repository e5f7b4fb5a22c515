package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every input row once per projection: row i of the output is {@code projections.get(p)}
 * evaluated over an input row, for each p in turn. Grouping sets read their input once through
 * it (one projection per set, the grouping columns a set leaves out as nulls, plus the set's
 * grouping id), and an aggregate above groups by the projected columns. {@code output} names
 * the columns every projection fills, in order.
 */
public final class Expand extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final List<List<Expression>> projections;
    private final List<AttributeReference> output;
    private final LogicalPlan child;

    public Expand(List<? extends List<? extends Expression>> projections, List<AttributeReference> output, LogicalPlan child) {
        List<List<Expression>> copy = new ArrayList<>();
        for (List<? extends Expression> p : projections) {
            if (p.size() != output.size()) {
                throw new IllegalArgumentException("a projection of " + p.size() + " columns for " + output.size() + " outputs");
            }
            copy.add(List.copyOf(p));
        }
        this.projections = List.copyOf(copy);
        this.output = List.copyOf(output);
        this.child = child;
    }

    public List<List<Expression>> projections() {
        return projections;
    }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new Expand(projections, output, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public List<Expression> expressions() {
        List<Expression> all = new ArrayList<>();
        projections.forEach(all::addAll);
        return all;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<List<Expression>> mapped = new ArrayList<>();
        boolean changed = false;
        for (List<Expression> p : projections) {
            List<Expression> m = mapAll(p, f);
            changed |= m != null;
            mapped.add(m == null ? p : m);
        }
        return changed ? new Expand(mapped, output, child) : this;
    }

    @Override
    public Statistics stats() {
        Statistics c = child.stats();
        int n = projections.size();
        return new Statistics(Statistics.saturatingMultiply(c.sizeInBytes(), n),
                c.rowCount() == null ? null : Statistics.saturatingMultiply(c.rowCount(), n));
    }

    @Override
    protected List<Object> args() {
        return List.of(projections, output);
    }
}
