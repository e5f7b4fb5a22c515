package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.UnresolvedSubqueryColumnAliases;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code AS t(a, b)} over a resolved relation: a select renaming its columns in order; the counts must match. */
final class ResolveSubqueryColumnAliases implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof UnresolvedSubqueryColumnAliases u && u.childrenResolved()
                ? rename(u) : node);
    }

    private static LogicalPlan rename(UnresolvedSubqueryColumnAliases u) {
        List<AttributeReference> out = u.child().output();
        if (out.size() != u.names().size()) {
            throw new AnalysisException("ASSIGNMENT_ARITY_MISMATCH", "The number of columns or variables assigned or "
                    + "aliased: " + u.names().size() + " does not match the number of source tables or expressions: "
                    + out.size() + ".", Map.of("numTarget", String.valueOf(u.names().size()),
                    "numExpr", String.valueOf(out.size())));
        }
        List<Expression> list = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            list.add(new Alias(out.get(i), u.names().get(i)));
        }
        return new Project(list, u.child());
    }
}
