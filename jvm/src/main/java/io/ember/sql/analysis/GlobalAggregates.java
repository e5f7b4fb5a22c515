package io.ember.sql.analysis;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.WindowExpression;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;
import java.util.List;

/** A select list that calls an aggregate function ({@code df.select(sum("a"))}) aggregates the whole input: an {@link Aggregate} without grouping. */
final class GlobalAggregates implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (node instanceof Project p && containsAggregate(p.projectList())) {
                return new Aggregate(List.of(), p.projectList(), p.child());
            }
            return node;
        });
    }

    /** True if an entry calls an aggregate function outside any window ({@code sum(a) OVER w} aggregates per row). */
    static boolean containsAggregate(List<Expression> list) {
        return list.stream().anyMatch(GlobalAggregates::aggregatesOutsideWindows);
    }

    private static boolean aggregatesOutsideWindows(Expression e) {
        if (e instanceof WindowExpression) {
            return false;
        }
        return e instanceof AggregateFunction || e.children().stream().anyMatch(GlobalAggregates::aggregatesOutsideWindows);
    }
}
