package io.ember.sql.optimizer;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.subquery.Exists;
import io.ember.sql.expressions.subquery.InSubquery;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.expressions.subquery.SubqueryExpression;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.aggregate.Count;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Project;
import io.ember.sql.types.DataTypes;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns each {@code [NOT] EXISTS} and {@code [NOT] IN} subquery that is a conjunct of a filter
 * into a join: EXISTS and IN into a left semi join, NOT EXISTS into a left anti join, on the
 * subquery's correlated predicates (pulled up, {@link PullUpCorrelatedPredicates}) and, for IN,
 * the equality of each value with its column. NOT IN keeps SQL's null semantics with a
 * null-aware anti join condition: a row goes when some row of the subquery makes
 * {@code v = x} true or unknown ({@code (v = x) OR isnull(v = x)}), so a null value, or a null
 * in the subquery, removes every row unless the subquery is empty; when neither side can be
 * null, the plain equality (a hash join) is enough, and an uncorrelated one-column NOT IN runs
 * as a hash anti join plus a check of the subquery's row and null counts instead of the
 * nested-loop join the OR condition needs. Subqueries nested in the subquery's plan
 * are rewritten first. Stateless.
 */
public final class RewritePredicateSubquery implements Rule<LogicalPlan> {
    private final Predicates p;
    private final PullUpCorrelatedPredicates pullUp;

    public RewritePredicateSubquery(Predicates p) {
        this.p = p;
        this.pullUp = new PullUpCorrelatedPredicates(p);
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return SubqueryRewrites.nestedFirst(plan, this, node -> node instanceof Filter f ? rewrite(f) : node);
    }

    private LogicalPlan rewrite(Filter f) {
        List<Expression> joins = new ArrayList<>();
        List<Expression> rest = new ArrayList<>();
        for (Expression c : p.splitConjuncts(f.condition())) {
            (predicateSubquery(c) ? joins : rest).add(c);
        }
        if (joins.isEmpty()) {
            return f;
        }
        Optional<Expression> kept = p.conjunction(rest);
        LogicalPlan out = kept.isPresent() ? new Filter(kept.get(), f.child()) : f.child();
        for (Expression c : joins) {
            out = join(out, c);
        }
        return out;
    }

    private boolean predicateSubquery(Expression c) {
        Expression e = p.isNot(c) ? c.children().get(0) : c;
        return e instanceof Exists || e instanceof InSubquery;
    }

    private LogicalPlan join(LogicalPlan left, Expression c) {
        boolean negated = p.isNot(c);
        SubqueryExpression s = (SubqueryExpression) (negated ? c.children().get(0) : c);
        List<AttributeReference> columns = s.plan().output();
        PullUpCorrelatedPredicates.Result r = pullUp.pullUp(s.plan());
        List<Expression> conds = new ArrayList<>();
        for (Expression pred : r.predicates()) {
            conds.add(Subqueries.stripOuter(pred));
        }
        if (s instanceof InSubquery in && negated && in.values().size() == 1 && !s.correlated()
                && (in.values().get(0).nullable() || columns.get(0).nullable())) {
            return nullAwareAntiJoin(left, in.values().get(0), columns.get(0), r.plan());
        }
        if (s instanceof InSubquery in) {
            Expression eq = equalities(in.values(), columns);
            if (negated && (in.values().stream().anyMatch(Expression::nullable) || columns.stream().anyMatch(Expression::nullable))) {
                eq = op("or", eq, op("isnull", eq));
            }
            conds.add(0, eq);
        }
        return new Join(left, r.plan(), negated ? JoinType.LEFT_ANTI : JoinType.LEFT_SEMI, p.conjunction(conds));
    }

    /**
     * {@code v NOT IN (SELECT c ...)}, uncorrelated, one column, nulls possible: a hash anti join on
     * {@code v = c} (removing the rows with a match), then a row stays if the subquery is empty, or
     * if {@code v} is not null and the subquery has no null (one row of counts, joined to every row).
     */
    private LogicalPlan nullAwareAntiJoin(LogicalPlan left, Expression v, AttributeReference c, LogicalPlan sub) {
        Join anti = new Join(left, sub, JoinType.LEFT_ANTI, Optional.of(op("==", v, c)));
        Alias rows = new Alias(new Count(List.of(new Literal(1, DataTypes.IntegerType))), "rows");
        Alias nonNull = new Alias(new Count(List.of(c)), "nonNull");
        Aggregate counts = new Aggregate(List.of(), List.of(rows, nonNull), sub);
        Join withCounts = new Join(anti, counts, JoinType.LEFT_OUTER, Optional.empty());
        Expression empty = op("==", rows.toAttribute(), new Literal(0L, DataTypes.LongType));
        Expression noNulls = op("and", op("isnotnull", v), op("==", rows.toAttribute(), nonNull.toAttribute()));
        return new Project(new ArrayList<>(left.output()), new Filter(op("or", empty, noNulls), withCounts));
    }

    private Expression equalities(List<Expression> values, List<AttributeReference> columns) {
        List<Expression> eqs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            eqs.add(op("==", values.get(i), columns.get(i)));
        }
        return p.conjunction(eqs).orElseThrow();
    }

    private Expression op(String name, Expression... args) {
        return p.build(name, List.of(args)).orElseThrow(() -> new IllegalStateException("no '" + name + "' function is registered"));
    }
}
