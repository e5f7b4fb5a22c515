package io.ember.sql.analysis;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.expressions.subquery.SubqueryExpression;
import io.ember.sql.expressions.subquery.UnresolvedOuterReference;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * {@link CheckAnalysis} to report. Under HAVING (a filter right above an aggregate) the outer
 * scope is the aggregate's output and then its input, as Spark's: an aggregate of input columns
 * inside the subquery ({@code WHERE u.w = sum(t.v)}) is moved into the aggregate by
 * {@link PullOuterAggregates}; a bare input column stays a missing attribute for the checks.
 * Stateless.
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
            List<List<AttributeReference>> outer = outerScopes(node);
            return node.mapExpressions(e -> e.transformUp(x -> x instanceof SubqueryExpression s ? resolve(s, outer) : x));
        });
    }

    /**
     * The columns a subquery under {@code node} may read from the outer query, as scopes tried
     * in order: the node's input, then (under HAVING) the aggregate's input.
     */
    private static List<List<AttributeReference>> outerScopes(LogicalPlan node) {
        if (node instanceof Filter && node.children().get(0) instanceof Aggregate a) {
            return List.of(node.inputSet(), a.child().output());
        }
        return List.of(node.inputSet());
    }

    private Expression resolve(SubqueryExpression s, List<List<AttributeReference>> outer) {
        LogicalPlan p = s.plan();
        if (!p.resolved()) {
            p = resolveWithOuter(p, outer);
        }
        List<AttributeReference> all = new ArrayList<>();
        outer.forEach(all::addAll);
        p = SubqueryIds.distinctFrom(p, all);
        return p == s.plan() ? s : s.withPlan(p);
    }

    private LogicalPlan resolveWithOuter(LogicalPlan plan, List<List<AttributeReference>> outer) {
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

    /** {@code e} with outer-marked names, and names its node's input lacks, resolved in the outer scopes. */
    private Expression outerNames(Expression e, List<AttributeReference> input, List<List<AttributeReference>> outer) {
        return e.transformUp(x -> {
            if (x instanceof UnresolvedOuterReference u) {
                return inOuter(u.nameParts(), outer).orElse(x);
            }
            if (x instanceof UnresolvedAttribute u && names.resolve(u.nameParts(), input).isEmpty()) {
                return inOuter(u.nameParts(), outer).orElse(x);
            }
            return x;
        });
    }

    /** The outer reference a name resolves to in the first scope that has it. */
    private Optional<Expression> inOuter(List<String> nameParts, List<List<AttributeReference>> outer) {
        for (List<AttributeReference> scope : outer) {
            Optional<Expression> r = names.resolve(nameParts, scope).map(Subqueries::markOuter);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }
}
