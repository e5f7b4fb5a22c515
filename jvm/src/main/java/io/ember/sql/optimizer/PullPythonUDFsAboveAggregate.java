package io.ember.sql.optimizer;

import io.ember.sql.analysis.Canonical;
import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.PythonUDF;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lifts the Python UDF calls an aggregate applies to its results ({@code f(sum(b))}, {@code
 * f(k)} of a grouping column {@code k}) into a project above it, where {@link
 * ExtractPythonUDFs} can move them: {@code Aggregate([k], [f(sum(b)) AS s], x) ->
 * Project([f(_pyagg0) AS s], Aggregate([k], [sum(b) AS _pyagg0], x))}, as Spark's
 * ExtractPythonUDFFromAggregate. The aggregate then computes the aggregate functions and
 * grouping values those calls read; each output keeps its name and id.
 */
final class PullPythonUDFsAboveAggregate implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof Aggregate a && needsPull(a) ? pull(a) : node);
    }

    private static boolean needsPull(Aggregate a) {
        for (Expression e : a.aggregateExpressions()) {
            if (!(e instanceof Alias) && !(e instanceof AttributeReference)) {
                return false;   // not a resolved aggregate; leave it to whoever reports that
            }
        }
        for (Expression e : a.aggregateExpressions()) {
            if (callOutside(e, a.groupingExpressions())) {
                return true;
            }
        }
        return false;
    }

    /** True if {@code e} calls a UDF outside aggregate functions and grouping expressions. */
    private static boolean callOutside(Expression e, List<Expression> grouping) {
        if (e instanceof AggregateFunction || isGrouping(e, grouping)) {
            return false;
        }
        if (e instanceof PythonUDF) {
            return true;
        }
        for (Expression c : e.children()) {
            if (callOutside(c, grouping)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGrouping(Expression e, List<Expression> grouping) {
        for (Expression g : grouping) {
            if (Canonical.semanticEquals(e, g)) {
                return true;
            }
        }
        return false;
    }

    private static LogicalPlan pull(Aggregate a) {
        List<Expression> below = new ArrayList<>();
        Map<Expression, AttributeReference> computed = new LinkedHashMap<>();
        List<Expression> above = new ArrayList<>();
        for (Expression e : a.aggregateExpressions()) {
            if (e instanceof AttributeReference r) {
                below.add(r);
                above.add(r);
                continue;
            }
            Alias alias = (Alias) e;
            Expression body = alias.child().transformDown(x -> {
                if (!(x instanceof AggregateFunction) && !isGrouping(x, a.groupingExpressions())) {
                    return x;
                }
                return computed.computeIfAbsent(Canonical.of(x), k -> {
                    Alias part = new Alias(x, "_pyagg" + computed.size());
                    below.add(part);
                    return part.toAttribute();
                });
            });
            above.add(new Alias(body, alias.name(), alias.exprId()));
        }
        return new Project(above, new Aggregate(a.groupingExpressions(), below, a.child()));
    }
}
