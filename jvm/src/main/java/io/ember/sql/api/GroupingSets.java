package io.ember.sql.api;

import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.GroupingSetsAggregate;
import io.ember.sql.plans.LogicalPlan;
import java.util.List;

/**
 * The builder front ends call for {@code GROUPING SETS}, {@code ROLLUP} and {@code CUBE}
 * ({@code Dataset.rollup/cube/groupingSets}, the SQL parser): each gives an unresolved
 * {@link GroupingSetsAggregate}, which the analyzer turns into an aggregate over an expand
 * that reads the input once. Expressions may be unresolved (names, function calls); a grouping
 * expression may carry an alias, which names its result column. Stateless.
 */
public final class GroupingSets {
    private GroupingSets() {}

    /**
     * {@code SELECT aggregates FROM child GROUP BY groupBy GROUPING SETS (sets)}. Every expression
     * of a set must be one of {@code groupBy}; an empty {@code groupBy} means the sets' expressions
     * in order of first appearance.
     */
    public static LogicalPlan groupingSets(List<? extends List<? extends Expression>> sets, List<? extends Expression> groupBy,
                                           List<? extends Expression> aggregates, LogicalPlan child) {
        return GroupingSetsAggregate.of(sets, groupBy, aggregates, child);
    }

    /** {@code GROUP BY ROLLUP (groupBy)}: the sets (g1..gn), (g1..gn-1), ..., (). */
    public static LogicalPlan rollup(List<? extends Expression> groupBy, List<? extends Expression> aggregates, LogicalPlan child) {
        return GroupingSetsAggregate.rollup(groupBy, aggregates, child);
    }

    /** {@code GROUP BY CUBE (groupBy)}: every subset of the grouping columns. */
    public static LogicalPlan cube(List<? extends Expression> groupBy, List<? extends Expression> aggregates, LogicalPlan child) {
        return GroupingSetsAggregate.cube(groupBy, aggregates, child);
    }
}
