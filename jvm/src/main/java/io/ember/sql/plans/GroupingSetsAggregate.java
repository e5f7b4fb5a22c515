package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code GROUP BY GROUPING SETS (...)}, {@code ROLLUP (...)}, {@code CUBE (...)} as a front end
 * builds it: the grouping sets (each a list of grouping expressions), the grouping columns
 * ({@code groupBy}, the key columns of the result, in order; empty means every expression of
 * the sets, in order of first appearance), the aggregate list, and the input. It never runs:
 * once its expressions resolve, the analyzer's {@code ResolveGroupingAnalytics} rewrites it to an
 * {@link Aggregate} over an {@link Expand} that reads the input once. Build one with
 * {@link #of}, {@link #rollup} or {@link #cube}.
 */
public final class GroupingSetsAggregate extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final List<List<Expression>> sets;
    private final List<Expression> groupBy;
    private final List<Expression> aggregates;
    private final LogicalPlan child;

    private GroupingSetsAggregate(List<List<Expression>> sets, List<Expression> groupBy, List<Expression> aggregates,
                                  LogicalPlan child) {
        this.sets = sets;
        this.groupBy = groupBy;
        this.aggregates = aggregates;
        this.child = child;
    }

    /**
     * {@code GROUP BY groupBy GROUPING SETS (sets)}: every expression of a set must be one of
     * {@code groupBy} (aliases aside); with {@code groupBy} empty the sets' expressions, in order
     * of first appearance, are the grouping columns.
     */
    public static GroupingSetsAggregate of(List<? extends List<? extends Expression>> sets,
                                           List<? extends Expression> groupBy, List<? extends Expression> aggregates,
                                           LogicalPlan child) {
        List<List<Expression>> copy = new ArrayList<>();
        for (List<? extends Expression> s : sets) {
            copy.add(List.copyOf(s));
        }
        return new GroupingSetsAggregate(List.copyOf(copy), List.copyOf(groupBy), List.copyOf(aggregates), child);
    }

    /** {@code ROLLUP (g1, ..., gn)}: the sets (g1..gn), (g1..gn-1), ..., (). */
    public static GroupingSetsAggregate rollup(List<? extends Expression> groupBy, List<? extends Expression> aggregates,
                                               LogicalPlan child) {
        List<List<Expression>> sets = new ArrayList<>();
        for (int kept = groupBy.size(); kept >= 0; kept--) {
            sets.add(List.copyOf(groupBy.subList(0, kept)));
        }
        return of(sets, groupBy, aggregates, child);
    }

    /** {@code CUBE (g1, ..., gn)}: every subset, from all columns down to none (Spark's order). */
    public static GroupingSetsAggregate cube(List<? extends Expression> groupBy, List<? extends Expression> aggregates,
                                             LogicalPlan child) {
        int n = groupBy.size();
        if (n > 30) {
            throw new IllegalArgumentException("cube of " + n + " columns: at most 30");
        }
        List<List<Expression>> sets = new ArrayList<>();
        for (int mask = (1 << n) - 1; mask >= 0; mask--) {
            List<Expression> set = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << (n - 1 - i))) != 0) {
                    set.add(groupBy.get(i));
                }
            }
            sets.add(set);
        }
        return of(sets, groupBy, aggregates, child);
    }

    public List<List<Expression>> sets() {
        return sets;
    }

    public List<Expression> groupBy() {
        return groupBy;
    }

    public List<Expression> aggregates() {
        return aggregates;
    }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new GroupingSetsAggregate(sets, groupBy, aggregates, newChild);
    }

    /** Never resolved: the analyzer replaces it. */
    @Override
    protected boolean computeResolved() {
        return false;
    }

    /** True once every expression it holds is resolved (what the rewrite waits for). */
    public boolean expressionsResolved() {
        return childrenResolved() && expressions().stream().allMatch(Expression::resolved);
    }

    /** None until the analyzer rewrites it (parents wait for resolved children). */
    @Override
    public List<AttributeReference> output() {
        return List.of();
    }

    @Override
    public List<Expression> expressions() {
        List<Expression> all = new ArrayList<>();
        sets.forEach(all::addAll);
        all.addAll(groupBy);
        all.addAll(aggregates);
        return all;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<List<Expression>> s = new ArrayList<>();
        boolean changed = false;
        for (List<Expression> set : sets) {
            List<Expression> m = mapAll(set, f);
            changed |= m != null;
            s.add(m == null ? set : m);
        }
        List<Expression> g = mapAll(groupBy, f);
        List<Expression> a = mapAll(aggregates, f);
        if (!changed && g == null && a == null) {
            return this;
        }
        return new GroupingSetsAggregate(List.copyOf(s), g == null ? groupBy : g, a == null ? aggregates : a, child);
    }

    @Override
    protected List<Object> args() {
        return List.of(sets, groupBy, aggregates);
    }
}
