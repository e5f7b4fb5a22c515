package io.ember.sql.optimizer;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.CaseWhen;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.subquery.ScalarSubquery;
import io.ember.sql.expressions.subquery.SingleValue;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.SubqueryAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns each scalar subquery of a select, filter or aggregate into a left outer join of the
 * operator's input with the subquery, whose value column takes the subquery's place.
 * Uncorrelated: a global aggregate joins as it is (one row); any other plan under
 * {@link SingleValue} (null for no row, an error for two). Correlated: the correlated
 * predicates are pulled up and become the join condition; a global aggregate is grouped by
 * their inner columns, and when the aggregate has a value over no rows (the count bug:
 * {@code count} over no rows is 0, not null) a marker column tells an outer row that found no
 * group, which then gets that value; any other plan is grouped by those columns under
 * {@link SingleValue}. A global aggregate with other correlated predicates is {@link DomainJoin}'s. Filters get a select over them that keeps their output. Stateless.
 */
public final class RewriteScalarSubquery implements io.ember.sql.rules.Rule<LogicalPlan> {
    private final Predicates p;
    private final PullUpCorrelatedPredicates pullUp;
    private final DomainJoin domainJoin;

    public RewriteScalarSubquery(Predicates p) {
        this.p = p;
        this.pullUp = new PullUpCorrelatedPredicates(p);
        this.domainJoin = new DomainJoin(p);
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return SubqueryRewrites.nestedFirst(plan, this,
                node -> SubqueryRewrites.joinEach(node, x -> x instanceof ScalarSubquery, (child, s) -> join(child, (ScalarSubquery) s)));
    }

    private SubqueryRewrites.Joined join(LogicalPlan child, ScalarSubquery s) {
        LogicalPlan sub = s.plan();
        while (sub instanceof SubqueryAlias a) {
            sub = a.child();
        }
        // Read from the nullable side of a left outer join: nullable, or rules would fold isnull() away.
        AttributeReference column = sub.output().get(0).withNullability(true);
        boolean global = sub instanceof Aggregate a && a.groupingExpressions().isEmpty();
        if (!s.correlated()) {
            if (global) {
                return new SubqueryRewrites.Joined(new Join(child, sub, JoinType.LEFT_OUTER, Optional.empty()), column);
            }
            Alias v = new Alias(new SingleValue(column), column.name());
            return new SubqueryRewrites.Joined(new Join(child, new Aggregate(List.of(), List.of(v), sub), JoinType.LEFT_OUTER, Optional.empty()),
                    v.toAttribute());
        }
        if (global) {
            Aggregate a = (Aggregate) sub;
            PullUpCorrelatedPredicates.Result below = pullUp.pullUp(a.child());
            if (!pullUp.allEqualities(below.predicates())) {
                return domainJoin.join(child, a, below);
            }
            Aggregate grouped = pullUp.groupByKeys(a, below);
            Expression value = column;
            Optional<Expression> empty = valueOverNoRows(a.aggregateExpressions().get(0));
            if (empty.isPresent()) {
                Alias marker = new Alias(Predicates.TRUE, "alwaysTrue");
                List<Expression> outputs = new ArrayList<>(grouped.aggregateExpressions());
                outputs.add(marker);
                grouped = new Aggregate(grouped.groupingExpressions(), outputs, grouped.child());
                Expression noGroup = p.build("isnull", List.of(marker.toAttribute().withNullability(true))).orElseThrow();
                value = new CaseWhen(List.<Expression[]>of(new Expression[] {noGroup, empty.get()}), column);
            }
            return new SubqueryRewrites.Joined(new Join(child, grouped, JoinType.LEFT_OUTER, condition(below)), value);
        }
        PullUpCorrelatedPredicates.Result r = pullUp.pullUp(sub);
        List<AttributeReference> keys = pullUp.equalityKeys(r.predicates());
        Alias v = new Alias(new SingleValue(column), column.name());
        List<Expression> outputs = new ArrayList<>(keys);
        outputs.add(v);
        Aggregate right = new Aggregate(keys, outputs, r.plan());
        return new SubqueryRewrites.Joined(new Join(child, right, JoinType.LEFT_OUTER, condition(r)), v.toAttribute());
    }

    private Optional<Expression> condition(PullUpCorrelatedPredicates.Result r) {
        List<Expression> conds = new ArrayList<>();
        for (Expression pred : r.predicates()) {
            conds.add(Subqueries.stripOuter(pred));
        }
        return p.conjunction(conds);
    }

    /**
     * What an aggregate's value expression gives over no rows, when not null: each aggregate
     * function replaced by its value for a group that saw nothing ({@code count} 0), then
     * folded; the unfolded expression of constants when folding fails at planning time.
     */
    public static Optional<Expression> valueOverNoRows(Expression aggregateOutput) {
        Expression body = aggregateOutput instanceof Alias al ? al.child() : aggregateOutput;
        Expression constants = body.transformDown(x -> x instanceof AggregateFunction f
                ? new Literal(f.newState().result(1).get(0), f.dataType()) : x);
        if (!constants.references().isEmpty()) {
            return Optional.empty();
        }
        try {
            Object v = constants.evalConstant();
            return v == null ? Optional.empty() : Optional.of(new Literal(v, body.dataType()));
        } catch (RuntimeException notFoldable) {
            return Optional.of(constants);
        }
    }
}
