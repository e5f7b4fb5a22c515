package io.ember.sql.planning;

import io.ember.sql.execution.Canonical;
import io.ember.sql.execution.ProjectExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.execution.WindowExec;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.expressions.WindowExpression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans window computations: a {@link Window} node becomes a window operator; a projection
 * holding window expressions becomes one window operator per distinct (partitioning,
 * ordering), chained, under a projection that reads their result columns.
 */
final class WindowStrategy implements Strategy {
    @Override
    public Optional<SparkPlan> apply(LogicalPlan plan, QueryPlanner planner) {
        if (plan instanceof Window w) {
            WindowExpression first = firstWindow(w.windowExpressions().get(0));
            return Optional.of(new WindowExec(w.windowExpressions(), first.partitionSpec(), first.orderSpec(),
                    planner.planChild(w.child())));
        }
        if (!(plan instanceof Project p) || p.projectList().stream().noneMatch(e -> e.exists(x -> x instanceof WindowExpression))) {
            return Optional.empty();
        }
        List<WindowExpression> windows = new ArrayList<>();
        for (Expression e : p.projectList()) {
            e.foreach(x -> {
                if (x instanceof WindowExpression we && windows.stream().noneMatch(o -> Canonical.same(o, we))) {
                    windows.add(we);
                }
            });
        }
        List<Alias> named = new ArrayList<>();
        for (WindowExpression we : windows) {
            named.add(new Alias(we, we.sql()));
        }
        SparkPlan child = planner.planChild(p.child());
        List<Alias> left = new ArrayList<>(named);
        while (!left.isEmpty()) {
            WindowExpression spec = (WindowExpression) left.get(0).child();
            List<Alias> group = new ArrayList<>();
            for (Alias a : left) {
                WindowExpression we = (WindowExpression) a.child();
                if (Canonical.sameList(we.partitionSpec(), spec.partitionSpec())
                        && Canonical.sameList(we.orderSpec(), spec.orderSpec())) {
                    group.add(a);
                }
            }
            left.removeAll(group);
            child = new WindowExec(group, spec.partitionSpec(), spec.orderSpec(), child);
        }
        List<NamedExpression> projectList = new ArrayList<>();
        for (Expression e : p.projectList()) {
            projectList.add((NamedExpression) e.transformDown(x -> {
                if (x instanceof WindowExpression we) {
                    for (int i = 0; i < windows.size(); i++) {
                        if (Canonical.same(windows.get(i), we)) {
                            AttributeReference a = named.get(i).toAttribute();
                            return a;
                        }
                    }
                }
                return x;
            }));
        }
        return Optional.of(new ProjectExec(projectList, child));
    }

    private static WindowExpression firstWindow(Expression e) {
        return (WindowExpression) e.collect(x -> x instanceof WindowExpression).get(0);
    }
}
