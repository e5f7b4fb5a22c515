package io.ember.sql.analysis;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.subquery.OuterReference;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.expressions.subquery.SubqueryExpression;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code UpdateOuterReferences} for HAVING: an aggregate function inside a subquery under
 * a filter over an aggregate that reads only outer columns of the aggregate's input
 * ({@code HAVING EXISTS (SELECT 1 FROM u WHERE u.w = sum(t.v))}) is computed by the outer
 * aggregate (an equal output column, or an extra one with a select on top keeping the original
 * columns), and the subquery reads its value as an outer reference. An aggregate mixing outer and
 * local columns is left for {@link CheckSubqueries} to refuse. Stateless.
 */
final class PullOuterAggregates implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (!(node instanceof Filter f) || !(f.child() instanceof Aggregate a) || !a.resolved()
                    || !Subqueries.hasSubquery(f.condition())) {
                return node;
            }
            List<Alias> added = new ArrayList<>();
            Expression cond = f.condition().transformUp(x -> x instanceof SubqueryExpression s
                    ? pull(s, a, added) : x);
            if (cond == f.condition()) {
                return node;
            }
            if (added.isEmpty()) {
                return new Filter(cond, a);
            }
            List<Expression> list = new ArrayList<>(a.aggregateExpressions());
            list.addAll(added);
            return new Project(a.output(), new Filter(cond, new Aggregate(a.groupingExpressions(), list, a.child())));
        });
    }

    private static Expression pull(SubqueryExpression s, Aggregate a, List<Alias> added) {
        LogicalPlan p = s.plan().transformUp(node -> node.mapExpressions(e -> e.transformDown(x ->
                x instanceof AggregateFunction fn && fn.resolved() && readsOnlyOuter(fn, a)
                        ? new OuterReference(columnFor(Subqueries.stripOuter(fn), a, added)) : x)));
        return p == s.plan() ? s : s.withPlan(p);
    }

    /** True when every column {@code fn} reads is an outer reference to the aggregate's input. */
    private static boolean readsOnlyOuter(Expression fn, Aggregate a) {
        boolean[] outer = {false};
        boolean[] local = {false};
        fn.foreach(x -> {
            if (x instanceof OuterReference o) {
                outer[0] = true;
                local[0] |= a.child().output().stream().noneMatch(c -> c.sameColumn(o.attribute()));
            } else if (x instanceof AttributeReference) {
                local[0] = true;
            }
        });
        return outer[0] && !local[0];
    }

    /** The aggregate's output column computing {@code fn}, added to {@code added} when it has none. */
    private static AttributeReference columnFor(Expression fn, Aggregate a, List<Alias> added) {
        for (Expression out : a.aggregateExpressions()) {
            if (out instanceof Alias al && Canonical.semanticEquals(al.child(), fn)) {
                return al.toAttribute();
            }
        }
        for (Alias al : added) {
            if (Canonical.semanticEquals(al.child(), fn)) {
                return al.toAttribute();
            }
        }
        Alias extra = new Alias(fn, AutoAlias.nameOf(fn));
        added.add(extra);
        return extra.toAttribute();
    }
}
