package io.ember.sql.optimizer;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves the conjuncts of a filter over an aggregate that read only grouping columns below it,
 * so fewer rows are grouped: {@code Filter(k > 1, Aggregate([k], [k, sum(v)])) ->
 * Aggregate([k], [k, sum(v)], Filter(k > 1))}. Conjuncts over aggregate results stay above.
 */
final class PushFilterThroughAggregate implements Rule<LogicalPlan> {
    private final Predicates p;

    PushFilterThroughAggregate(Predicates p) {
        this.p = p;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (!p.hasAnd()) {
            return plan;
        }
        return plan.transformDown(node -> {
            if (!(node instanceof Filter f) || !(f.child() instanceof Aggregate a) || a.groupingExpressions().isEmpty()) {
                return node;
            }
            Set<ExprId> groupingOutputs = groupingOutputs(a);
            List<Expression> down = new ArrayList<>();
            List<Expression> stay = new ArrayList<>();
            for (Expression c : p.splitConjuncts(f.condition())) {
                boolean pushable = c.deterministic() && !c.references().isEmpty() && Aliases.readsOnly(c, groupingOutputs);
                (pushable ? down : stay).add(c);
            }
            if (down.isEmpty()) {
                return node;
            }
            Expression below = Aliases.substitute(p.conjunction(down).get(), a.aggregateExpressions());
            Aggregate pushed = new Aggregate(a.groupingExpressions(), a.aggregateExpressions(), new Filter(below, a.child()));
            return p.conjunction(stay).<LogicalPlan>map(c -> new Filter(c, pushed)).orElse(pushed);
        });
    }

    /** The output columns that carry a grouping value (not an aggregate result). */
    private static Set<ExprId> groupingOutputs(Aggregate a) {
        Set<ExprId> ids = new HashSet<>();
        for (Expression e : a.aggregateExpressions()) {
            Expression body = e instanceof Alias al ? al.child() : e;
            boolean fromGrouping = !body.exists(x -> x instanceof AggregateFunction) && body.deterministic()
                    && (a.groupingExpressions().contains(body) || body instanceof AttributeReference);
            if (fromGrouping) {
                ids.add(((io.ember.sql.expressions.NamedExpression) e).exprId());
            }
        }
        return ids;
    }
}
