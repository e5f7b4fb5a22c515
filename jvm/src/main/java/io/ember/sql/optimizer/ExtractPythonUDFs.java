package io.ember.sql.optimizer;

import io.ember.sql.analysis.Canonical;
import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.PythonUDF;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.BatchEvalPython;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.UnaryNode;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves the Python UDF calls of an operator into a {@link BatchEvalPython} below it, as Spark's
 * rule of the same name: {@code Project(f(a) + 1 AS b, x) -> Project(pythonUDF0 + 1 AS b,
 * BatchEvalPython([f(a)], [pythonUDF0], x))}. One pass moves the innermost calls (whose
 * arguments hold no other call and read only the child's columns); nested calls move on the
 * next pass of the fixed point, each into its own node above the last. Equal deterministic
 * calls are evaluated once; every nondeterministic call is its own.
 *
 * <p>In an {@link Aggregate} only calls in grouping expressions or inside aggregate functions
 * move below it ({@link PullPythonUDFsAboveAggregate} first lifts the others above it). When
 * the operator passes its child's columns through (a filter, a sort), a project above keeps
 * its output what it was.
 */
final class ExtractPythonUDFs implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof UnaryNode u && !(node instanceof BatchEvalPython)
                ? extract(u) : node);
    }

    private static LogicalPlan extract(UnaryNode node) {
        Set<ExprId> input = Aliases.ids(node.child().output());
        List<PythonUDF> found = new ArrayList<>();
        for (Expression e : movableRegions(node)) {
            e.foreach(x -> {
                if (x instanceof PythonUDF p && evaluableBelow(p, input)) {
                    found.add(p);
                }
            });
        }
        if (found.isEmpty()) {
            return node;
        }
        Map<Expression, AttributeReference> deterministic = new LinkedHashMap<>();
        Map<PythonUDF, AttributeReference> each = new IdentityHashMap<>();
        List<PythonUDF> udfs = new ArrayList<>();
        List<AttributeReference> results = new ArrayList<>();
        for (PythonUDF p : found) {
            if (p.deterministic() && deterministic.containsKey(Canonical.of(p))) {
                continue;
            }
            AttributeReference r = new AttributeReference("pythonUDF" + udfs.size(), p.dataType(), true);
            udfs.add(p);
            results.add(r);
            if (p.deterministic()) {
                deterministic.put(Canonical.of(p), r);
            } else {
                each.put(p, r);
            }
        }
        LogicalPlan rewritten = node.mapExpressions(e -> e.transformUp(x -> {
            if (!(x instanceof PythonUDF p)) {
                return x;
            }
            AttributeReference r = p.deterministic() ? deterministic.get(Canonical.of(p)) : each.get(p);
            return r == null ? x : r;
        }));
        LogicalPlan moved = ((UnaryNode) rewritten).withChild(new BatchEvalPython(udfs, results, node.child()));
        return moved.output().equals(node.output()) ? moved : new Project(node.output(), moved);
    }

    /** The parts of the node's expressions whose calls may be evaluated below it. */
    private static List<Expression> movableRegions(UnaryNode node) {
        if (!(node instanceof Aggregate a)) {
            return node.expressions();
        }
        List<Expression> regions = new ArrayList<>(a.groupingExpressions());
        for (Expression e : a.aggregateExpressions()) {
            e.foreach(x -> {
                if (x instanceof AggregateFunction) {
                    regions.add(x);
                }
            });
        }
        return regions;
    }

    private static boolean evaluableBelow(PythonUDF p, Set<ExprId> input) {
        for (Expression arg : p.children()) {
            if (arg.exists(x -> x instanceof PythonUDF || x instanceof AggregateFunction)) {
                return false;
            }
        }
        return Aliases.readsOnly(p, input);
    }
}
