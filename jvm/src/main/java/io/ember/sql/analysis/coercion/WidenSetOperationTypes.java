package io.ember.sql.analysis.coercion;

import io.ember.sql.expressions.ExprId;
import java.util.HashMap;
import java.util.Map;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Union;
import io.ember.sql.rules.Rule;
import io.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A union whose inputs differ in a column's type casts that column, in every input, to the
 * wider common type (a projection over each input that needs it; the columns keep their names,
 * and columns above the union that read them are re-pointed). Columns with no common type are left for the analyzer's check to report.
 */
public final class WidenSetOperationTypes implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        Map<ExprId, AttributeReference> widened = new HashMap<>();
        LogicalPlan out = plan.transformUp(p -> p instanceof Union u && u.childrenResolved() ? widen(u, widened) : p);
        return widened.isEmpty() ? out : repoint(out, widened);
    }

    /**
     * Columns above a widened union (resolved before the union was, as SQL text builds them)
     * still carry the union's old types, and so do aliases of them; each node's references are
     * given the types its inputs now have, bottom-up, so the change travels up.
     */
    private static LogicalPlan repoint(LogicalPlan plan, Map<ExprId, AttributeReference> widened) {
        return plan.transformUp(node -> {
            if (!node.childrenResolved()) {
                return node; // an unresolved child has no output yet; it resolves over the widened types later
            }
            Map<ExprId, AttributeReference> input = new HashMap<>();
            node.inputSet().forEach(a -> input.put(a.exprId(), a));
            return node.mapExpressions(e -> e.transformUp(x -> {
                if (x instanceof AttributeReference a && input.containsKey(a.exprId())
                        && !input.get(a.exprId()).dataType().equals(a.dataType())) {
                    return a.withDataType(input.get(a.exprId()).dataType());
                }
                return x;
            }));
        });
    }

    private static LogicalPlan widen(Union u, Map<ExprId, AttributeReference> widened) {
        List<LogicalPlan> kids = u.children();
        int width = kids.get(0).output().size();
        if (kids.stream().anyMatch(k -> k.output().size() != width)) {
            return u;
        }
        List<DataType> target = new ArrayList<>();
        boolean differs = false;
        for (int i = 0; i < width; i++) {
            List<DataType> types = new ArrayList<>();
            for (LogicalPlan k : kids) types.add(k.output().get(i).dataType());
            if (types.stream().distinct().count() > 1) {
                differs = true;
                Optional<DataType> w = TypeWidening.widerCommon(types);
                target.add(w.orElse(null));
            } else {
                target.add(types.get(0));
            }
        }
        if (!differs) {
            return u;
        }
        List<LogicalPlan> out = new ArrayList<>();
        for (LogicalPlan k : kids) {
            List<Expression> exprs = new ArrayList<>();
            boolean changed = false;
            for (int i = 0; i < width; i++) {
                AttributeReference a = k.output().get(i);
                DataType t = target.get(i);
                if (t == null || a.dataType().equals(t)) {
                    exprs.add(a);
                } else {
                    Alias cast = new Alias(TypeWidening.cast(a, t), a.name(), a.exprId());
                    if (k == kids.get(0)) {
                        widened.put(a.exprId(), cast.toAttribute());
                    }
                    exprs.add(cast);
                    changed = true;
                }
            }
            out.add(changed ? new Project(exprs, k) : k);
        }
        return new Union(out);
    }
}
