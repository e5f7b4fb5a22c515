package io.ember.sql.analysis;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.SetOperation;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.plans.UsingJoin;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A join or set operation whose sides are the same relation ({@code FROM v a JOIN v b}, a CTE
 * named twice) has the same column ids on both sides; the right side gets fresh ids (a select
 * of aliases, under its relation alias) before any name above it is resolved. Also applied by
 * {@link ResolveReferences} to each node before it resolves the node's names, since children
 * resolved in the same pass could otherwise be matched to the wrong side.
 */
final class DeduplicateRelations implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(DeduplicateRelations::dedupe);
    }

    static LogicalPlan dedupe(LogicalPlan node) {
        if (!(node instanceof Join || node instanceof UsingJoin || node instanceof SetOperation)
                || !node.childrenResolved()) {
            return node;
        }
        LogicalPlan left = node.children().get(0);
        LogicalPlan right = node.children().get(1);
        Set<ExprId> leftIds = new HashSet<>();
        left.output().forEach(a -> leftIds.add(a.exprId()));
        if (right.output().stream().noneMatch(a -> leftIds.contains(a.exprId()))) {
            return node;
        }
        int[] index = {0};
        return node.mapChildren(c -> index[0]++ == 1 ? renew(c) : c);
    }

    private static LogicalPlan renew(LogicalPlan plan) {
        if (plan instanceof SubqueryAlias a) {
            return new SubqueryAlias(a.alias(), renew(a.child()));
        }
        List<Expression> list = new ArrayList<>();
        for (AttributeReference a : plan.output()) {
            list.add(new Alias(a, a.name()));
        }
        return new Project(list, plan);
    }
}
