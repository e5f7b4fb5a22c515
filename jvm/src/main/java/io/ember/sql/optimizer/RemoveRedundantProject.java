package io.ember.sql.optimizer;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;
import java.util.List;

/** A select of exactly its input's columns, in order, is removed. */
final class RemoveRedundantProject implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof Project p && sameColumns(p.projectList(), p.child().output())
                ? p.child()
                : node);
    }

    private static boolean sameColumns(List<Expression> list, List<AttributeReference> input) {
        if (list.size() != input.size()) {
            return false;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof AttributeReference a) || !a.sameColumn(input.get(i))
                    || !a.name().equals(input.get(i).name())) {
                return false;
            }
        }
        return true;
    }
}
