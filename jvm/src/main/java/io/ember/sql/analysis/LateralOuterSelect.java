package io.ember.sql.analysis;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.If;
import io.ember.sql.expressions.IsNull;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.optimizer.PullUpCorrelatedPredicates;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LateralJoin;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lateral join whose right side's select list reads outer columns
 * ({@code t, LATERAL (SELECT t.v + u.w AS x FROM u WHERE u.w > t.v)}): the select is lifted
 * above the join, where the outer columns are the left side's, and its columns keep their ids
 * (and the right side's qualifier, through a select of the right side's output on top). In a
 * left join, a left row without a match gets nulls: a marker column of the right side tells the
 * lifted expressions so. A join condition ({@code ON}) is and-ed into the join's with every
 * name of a right-side column ({@code x}, {@code s.x}) replaced by the expression it is lifted
 * from, so it reads the join's two sides; a name both sides have stays refused. Stateless.
 */
final class LateralOuterSelect {
    private static final String MARKER = "__lateral_matched";

    private final PullUpCorrelatedPredicates pullUp;

    LateralOuterSelect(PullUpCorrelatedPredicates pullUp) {
        this.pullUp = pullUp;
    }

    /** The rewritten join, or empty when the right side has no top select reading outer columns. */
    Optional<LogicalPlan> rewrite(LateralJoin j) {
        LogicalPlan right = j.right().plan();
        LogicalPlan top = right;
        while (top instanceof SubqueryAlias a) {
            top = a.child();
        }
        boolean left = j.joinType() == JoinType.LEFT_OUTER;
        if (!(top instanceof Project p) || p.projectList().stream().noneMatch(Subqueries::hasOuterReference)
                || !(left || j.joinType() == JoinType.INNER || j.joinType() == JoinType.CROSS)) {
            return Optional.empty();
        }
        Optional<Expression> on = Optional.empty();
        if (j.condition().isPresent()) {
            on = inlineRightColumns(j.condition().get(), p, right.output(), j.child().output());
            if (on.isEmpty()) {
                return Optional.empty();
            }
        }
        PullUpCorrelatedPredicates.Result r = pullUp.pullUp(p.child());
        LogicalPlan inner = r.plan();
        AttributeReference marker = null;
        if (left) {
            Alias m = new Alias(new Literal(true, DataTypes.BooleanType), MARKER);
            List<Expression> withMarker = new ArrayList<>(inner.output());
            withMarker.add(m);
            inner = new Project(withMarker, inner);
            marker = m.toAttribute().withNullability(true); // null for a left row without a match
        }
        List<Expression> conjuncts = new ArrayList<>();
        r.predicates().forEach(e -> conjuncts.add(Subqueries.stripOuter(e)));
        on.ifPresent(conjuncts::add);
        Optional<Expression> condition = conjuncts.stream()
                .reduce((a, b) -> new UnresolvedFunction("and", List.of(a, b), false));
        JoinType type = j.joinType() == JoinType.CROSS && condition.isPresent() ? JoinType.INNER : j.joinType();
        LogicalPlan joined = new Join(j.child(), inner, type, condition);
        List<Expression> lifted = new ArrayList<>(j.child().output());
        for (Expression e : p.projectList()) {
            lifted.add(lift((NamedExpression) e, marker, j.child().output()));
        }
        List<AttributeReference> out = new ArrayList<>(j.child().output());
        out.addAll(right.output());
        return Optional.of(new Project(out, new Project(lifted, joined)));
    }

    /**
     * {@code on} with each name of a right-side column replaced by that column's select
     * expression (outer references made plain), or empty if a name it uses could also be a
     * left column's (left to the refusal, never resolved to the wrong side).
     */
    private static Optional<Expression> inlineRightColumns(Expression on, Project select, List<AttributeReference> rightOutput,
                                                           List<AttributeReference> leftOutput) {
        boolean[] clash = {false};
        Expression inlined = on.transformUp(x -> {
            if (!(x instanceof UnresolvedAttribute u)) {
                return x;
            }
            for (int i = 0; i < rightOutput.size(); i++) {
                if (names(u, rightOutput.get(i))) {
                    if (leftOutput.stream().anyMatch(l -> names(u, l))) {
                        clash[0] = true;
                    }
                    Expression e = select.projectList().get(i);
                    return Subqueries.stripOuter(e instanceof Alias a ? a.child() : e);
                }
            }
            return x;
        });
        return clash[0] ? Optional.empty() : Optional.of(inlined);
    }

    /** Whether {@code u} ({@code x} or {@code q.x}) names the column {@code a}, as the analyzer matches names (case-insensitively). */
    private static boolean names(UnresolvedAttribute u, AttributeReference a) {
        List<String> parts = u.nameParts();
        String name = parts.get(parts.size() - 1);
        if (!name.equalsIgnoreCase(a.name())) {
            return false;
        }
        if (parts.size() == 1) {
            return true;
        }
        List<String> q = a.qualifier();
        List<String> given = parts.subList(0, parts.size() - 1);
        if (given.size() > q.size()) {
            return false;
        }
        List<String> tail = q.subList(q.size() - given.size(), q.size());
        for (int i = 0; i < given.size(); i++) {
            if (!given.get(i).equalsIgnoreCase(tail.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * One select column computed above the join, with its id; in a left join a computed column is
     * null for an unmatched row ({@code coalesce(u.w, 0)} would not be by itself).
     */
    private static Expression lift(NamedExpression e, AttributeReference marker, List<AttributeReference> leftColumns) {
        Expression body = Subqueries.stripOuter(e instanceof Alias a ? a.child() : e);
        if (marker != null) {
            // the right side's columns are null for an unmatched row, whatever their own nullability
            body = body.transformUp(x -> x instanceof AttributeReference a
                    && leftColumns.stream().noneMatch(l -> l.sameColumn(a)) ? a.withNullability(true) : x);
            if (!(body instanceof AttributeReference)) {
                body = new If(new IsNull(marker), new Literal(null, body.dataType()), body);
            }
        }
        if (e instanceof AttributeReference a && body == a) {
            return a;
        }
        return new Alias(body, e.name(), e.exprId());
    }
}
