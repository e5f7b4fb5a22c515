package io.ember.sql.analysis;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.expressions.subquery.SubqueryExpression;
import io.ember.sql.expressions.subquery.UnresolvedOuterReference;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Resolves the plans of subquery expressions against the query they sit in: a node whose
 * children are resolved hands its input columns to each of its subqueries as their outer
 * scope. The subquery's plan is analyzed on its own first; a name it cannot resolve from its
 * own inputs, or one marked with {@code outer()}, is then looked up in the outer scope and
 * becomes an {@code OuterReference}; the two steps repeat until nothing changes (each round
 * may resolve one more level of the subquery's plan). A subquery whose plan shares column ids
 * with the outer scope (the same DataFrame on both sides) gets fresh ids ({@link SubqueryIds}).
 * Only one level of outer scope is visible; names that resolve nowhere stay unresolved for
 * {@link CheckAnalysis} to report. Stateless.
 */
final class ResolveSubquery implements Rule<LogicalPlan> {
    private static final int MAX_ROUNDS = 100;

    private final NameResolver names;
    private final UnaryOperator<LogicalPlan> resolver;

    /** {@code resolver} runs the analyzer's resolution batches (without checking) over a plan. */
    ResolveSubquery(NameResolver names, UnaryOperator<LogicalPlan> resolver) {
        this.names = names;
        this.resolver = resolver;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (!node.childrenResolved() || node.expressions().stream().noneMatch(Subqueries::hasSubquery)) {
                return node;
            }
            List<AttributeReference> outer = node.inputSet();
            return node.mapExpressions(e -> e.transformUp(x -> x instanceof SubqueryExpression s ? resolve(s, outer) : x));
        });
    }

    private Expression resolve(SubqueryExpression s, List<AttributeReference> outer) {
        LogicalPlan p = s.plan();
        if (!p.resolved()) {
            p = resolveWithOuter(p, outer);
        }
        p = SubqueryIds.distinctFrom(p, outer);
        return p == s.plan() ? s : s.withPlan(p);
    }

    private LogicalPlan resolveWithOuter(LogicalPlan plan, List<AttributeReference> outer) {
        LogicalPlan p = plan;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            LogicalPlan resolved = resolver.apply(p);
            LogicalPlan withOuter = resolved.transformUp(node -> node.childrenResolved()
                    ? node.mapExpressions(e -> outerNames(e, node.inputSet(), outer)) : node);
            if (withOuter == resolved) {
                return resolved;
            }
            p = withOuter;
        }
        return p;
    }

    /** {@code e} with outer-marked names, and names its node's input lacks, resolved in the outer scope. */
    private Expression outerNames(Expression e, List<AttributeReference> input, List<AttributeReference> outer) {
        return e.transformUp(x -> {
            if (x instanceof UnresolvedOuterReference u) {
                return names.resolve(u.nameParts(), outer).map(Subqueries::markOuter).orElse(x);
            }
            if (x instanceof UnresolvedAttribute u && names.resolve(u.nameParts(), input).isEmpty()) {
                return names.resolve(u.nameParts(), outer).map(Subqueries::markOuter).orElse(x);
            }
            return x;
        });
    }
}
