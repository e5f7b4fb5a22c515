package io.ember.sql.optimizer;

import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;

/**
 * Moves a filter below a select, rewriting it over the select's input:
 * {@code Filter(b > 1, Project(a + 1 AS b, x)) -> Project(a + 1 AS b, Filter(a + 1 > 1, x))}.
 * Only when the select is deterministic, so rows are the same whichever runs first.
 */
final class PushFilterThroughProject implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformDown(node -> {
            if (node instanceof Filter f && f.child() instanceof Project p
                    && p.projectList().stream().allMatch(Expression::deterministic) && f.condition().deterministic()) {
                return new Project(p.projectList(), new Filter(Aliases.substitute(f.condition(), p.projectList()), p.child()));
            }
            return node;
        });
    }
}
