package io.ember.sql.analysis;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.CaseWhen;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.optimizer.Predicates;
import io.ember.sql.optimizer.PullUpCorrelatedPredicates;
import io.ember.sql.optimizer.RewriteScalarSubquery;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LateralJoin;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.SubqueryAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lateral join whose right side is a correlated global aggregate
 * ({@code t, LATERAL (SELECT max(w) FROM u WHERE u.k = t.k)}): one right row per left row, as
 * Spark answers it. The aggregate is grouped by the inner columns of the correlated equalities
 * and left outer joined on them; a left row that found no group gets each aggregate's value over
 * no rows ({@code count} 0, others null) through a marker column, as a correlated scalar subquery
 * does. The right side's columns keep their ids, so the join condition ({@code ON m > 1}, an
 * inner or cross join's) becomes a filter over the result. Stateless.
 */
final class LateralAggregate {
    private final PullUpCorrelatedPredicates pullUp;

    LateralAggregate(PullUpCorrelatedPredicates pullUp) {
        this.pullUp = pullUp;
    }

    /** The rewritten plan, or empty when {@code j}'s right side is not a correlated global aggregate this handles. */
    Optional<LogicalPlan> rewrite(LateralJoin j) {
        LogicalPlan sub = j.right().plan();
        while (sub instanceof SubqueryAlias s) {
            sub = s.child();
        }
        if (!(sub instanceof Aggregate a) || !a.groupingExpressions().isEmpty() || !Subqueries.hasOuterReferences(a)
                || a.aggregateExpressions().stream().anyMatch(Subqueries::hasOuterReference)
                || j.condition().isPresent() && j.joinType() == JoinType.LEFT_OUTER) {
            return Optional.empty();
        }
        PullUpCorrelatedPredicates.Result below = pullUp.pullUp(a.child());
        Aggregate grouped = pullUp.groupByKeys(a, below);
        Alias marker = new Alias(Predicates.TRUE, "alwaysTrue");
        List<Expression> outputs = new ArrayList<>(grouped.aggregateExpressions());
        outputs.add(marker);
        grouped = new Aggregate(grouped.groupingExpressions(), outputs, grouped.child());
        List<Expression> conds = new ArrayList<>();
        below.predicates().forEach(p -> conds.add(Subqueries.stripOuter(p)));
        Optional<Expression> on = conds.stream().reduce((x, y) -> new UnresolvedFunction("and", List.of(x, y), false));
        LogicalPlan joined = new Join(j.child(), grouped, JoinType.LEFT_OUTER, on);
        Expression noGroup = new io.ember.sql.expressions.IsNull(marker.toAttribute().withNullability(true));
        List<Expression> list = new ArrayList<>(j.child().output());
        for (Expression e : a.aggregateExpressions()) {
            AttributeReference col = ((NamedExpression) e).toAttribute();
            Optional<Expression> empty = RewriteScalarSubquery.valueOverNoRows(e);
            Expression value = empty.isEmpty() ? col.withNullability(true)
                    : new CaseWhen(List.<Expression[]>of(new Expression[] {noGroup, empty.get()}), col.withNullability(true));
            list.add(new Alias(value, col.name(), col.exprId()));
        }
        LogicalPlan plan = new Project(list, joined);
        return Optional.of(j.condition().isPresent() ? new Filter(j.condition().get(), plan) : plan);
    }
}
