package io.ember.sql.optimizer;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Union;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A deterministic filter over a union filters each input instead, its columns matched by position. */
final class PushFilterThroughUnion implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformDown(node -> {
            if (!(node instanceof Filter f) || !(f.child() instanceof Union u) || !f.condition().deterministic()) {
                return node;
            }
            List<AttributeReference> first = u.output();
            List<LogicalPlan> kids = new ArrayList<>();
            for (LogicalPlan c : u.children()) {
                Map<ExprId, AttributeReference> byPosition = new HashMap<>();
                for (int i = 0; i < first.size(); i++) {
                    byPosition.put(first.get(i).exprId(), c.output().get(i));
                }
                Expression cond = f.condition().transformUp(x ->
                        x instanceof AttributeReference a && byPosition.containsKey(a.exprId()) ? byPosition.get(a.exprId()) : x);
                kids.add(new Filter(cond, c));
            }
            return new Union(kids);
        });
    }
}
