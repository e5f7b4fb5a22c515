package io.ember.sql.cache;

import io.ember.sql.execution.FilterExec;
import io.ember.sql.execution.ProjectExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.planning.ScanRelation;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The few planning steps these tests need (project, filter, scan relations with the columns
 * and conjuncts they are asked for), standing in for the session's planner.
 */
final class TestPlanner {
    private TestPlanner() {}

    static SparkPlan plan(LogicalPlan p) {
        if (p instanceof Project proj) {
            List<NamedExpression> list = new ArrayList<>();
            proj.projectList().forEach(e -> list.add((NamedExpression) e));
            return new ProjectExec(list, planScanOr(proj.child(), refs(proj.projectList())));
        }
        if (p instanceof Filter f) {
            return planScanOr(f, null);
        }
        if (p instanceof ScanRelation s) {
            return s.planScan(p.output(), List.of());
        }
        throw new UnsupportedOperationException("test planner: " + p.nodeName());
    }

    private static SparkPlan planScanOr(LogicalPlan p, Set<AttributeReference> needed) {
        if (p instanceof Filter f && f.child() instanceof ScanRelation s) {
            Set<AttributeReference> cols = needed == null ? null : new LinkedHashSet<>(needed);
            if (cols != null) {
                cols.addAll(f.condition().references());
            }
            return new FilterExec(f.condition(), s.planScan(columns(f.child(), cols), List.of(f.condition())));
        }
        if (p instanceof ScanRelation s) {
            return s.planScan(columns(p, needed), List.of());
        }
        if (p instanceof Filter f) {
            return new FilterExec(f.condition(), plan(f.child()));
        }
        return plan(p);
    }

    private static List<AttributeReference> columns(LogicalPlan relation, Set<AttributeReference> needed) {
        if (needed == null) {
            return relation.output();
        }
        List<AttributeReference> out = new ArrayList<>();
        for (AttributeReference a : relation.output()) {
            if (needed.stream().anyMatch(n -> n.exprId().equals(a.exprId()))) {
                out.add(a);
            }
        }
        return out;
    }

    private static Set<AttributeReference> refs(List<? extends Expression> exprs) {
        Set<AttributeReference> out = new LinkedHashSet<>();
        exprs.forEach(e -> out.addAll(e.references()));
        return out;
    }
}
