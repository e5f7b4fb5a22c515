package io.ember.sql.planning;

import io.ember.sql.execution.FilterExec;
import io.ember.sql.execution.ProjectExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans {@code [Project] [Filter] relation} over a {@link ScanRelation}: the scan is asked
 * only for the columns the project and filter read (in the relation's order) and is handed the
 * filter's conjuncts to skip data with; the filter still runs above it.
 */
final class ScanStrategy implements Strategy {
    @Override
    public Optional<SparkPlan> apply(LogicalPlan plan, QueryPlanner planner) {
        List<NamedExpression> projectList = null;
        LogicalPlan below = plan;
        if (plan instanceof Project p) {
            projectList = new ArrayList<>();
            for (Expression e : p.projectList()) {
                projectList.add((NamedExpression) e);
            }
            below = p.child();
        }
        Expression condition = null;
        if (below instanceof Filter f) {
            condition = f.condition();
            below = f.child();
        }
        if (!(below instanceof ScanRelation scan)) {
            return Optional.empty();
        }
        List<AttributeReference> relationOutput = below.output();
        List<AttributeReference> required = relationOutput;
        if (projectList != null) {
            Set<AttributeReference> refs = new LinkedHashSet<>();
            projectList.forEach(e -> refs.addAll(e.references()));
            if (condition != null) {
                refs.addAll(condition.references());
            }
            required = new ArrayList<>();
            for (AttributeReference a : relationOutput) {
                if (refs.stream().anyMatch(r -> r.exprId().equals(a.exprId()))) {
                    required.add(a);
                }
            }
        }
        SparkPlan out = scan.planScan(required, condition == null ? List.of() : conjuncts(condition));
        if (condition != null) {
            out = new FilterExec(condition, out);
        }
        if (projectList != null) {
            out = new ProjectExec(projectList, out);
        }
        return Optional.of(out);
    }

    /** The AND-ed parts of a condition ({@code and} nodes are split by their SQL name). */
    static List<Expression> conjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        if (isAnd(e)) {
            for (Expression c : e.children()) {
                out.addAll(conjuncts(c));
            }
        } else {
            out.add(e);
        }
        return out;
    }

    private static boolean isAnd(Expression e) {
        return e.children().size() == 2 && e.nodeName().equals("And");
    }
}
