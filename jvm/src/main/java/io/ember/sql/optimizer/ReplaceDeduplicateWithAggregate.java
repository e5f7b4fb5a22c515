package io.ember.sql.optimizer;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Deduplicate;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dropDuplicates(keys)} becomes an aggregate grouping by the keys that keeps
 * {@code first(c)} of every other column, under the column's own name and id.
 */
final class ReplaceDeduplicateWithAggregate implements Rule<LogicalPlan> {
    private final Predicates p;

    ReplaceDeduplicateWithAggregate(Predicates p) {
        this.p = p;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (!(node instanceof Deduplicate d)) {
                return node;
            }
            List<Expression> out = new ArrayList<>();
            for (AttributeReference a : d.child().output()) {
                if (d.keys().stream().anyMatch(k -> k.sameColumn(a))) {
                    out.add(a);
                } else {
                    Expression first = p.build("first", List.of(a)).orElse(null);
                    if (first == null) {
                        return node;
                    }
                    out.add(new Alias(first, a.name(), a.exprId()));
                }
            }
            return new Aggregate(d.keys(), out, d.child());
        });
    }
}
