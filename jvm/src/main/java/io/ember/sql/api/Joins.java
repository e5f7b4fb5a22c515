package io.ember.sql.api;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.optimizer.Predicates;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.SubqueryAlias;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds join plans for {@link Dataset#join}: gives the right side fresh column ids when both
 * sides come from the same plan (a self join), re-pointing a condition like
 * {@code df["k"] == df2["k"]} whose sides became the same column, as Spark does; and expands
 * {@code using} joins into a condition and a select with each key once.
 */
final class Joins {
    private Joins() {}

    static LogicalPlan join(LogicalPlan left, LogicalPlan right, Expression condition, JoinType type,
                            Predicates predicates) {
        Set<ExprId> leftIds = new HashSet<>();
        left.output().forEach(a -> leftIds.add(a.exprId()));
        boolean shared = right.output().stream().anyMatch(a -> leftIds.contains(a.exprId()));
        if (!shared) {
            return new Join(left, right, type, Optional.ofNullable(condition));
        }
        Map<ExprId, AttributeReference> renewed = new HashMap<>();
        LogicalPlan fresh = renew(right, renewed);
        Expression cond = condition == null ? null : condition.transformUp(e -> selfEquality(e, renewed, predicates));
        return new Join(left, fresh, type, Optional.ofNullable(cond));
    }

    /** {@code right}, under fresh column ids if it shares any with {@code left} (for set operations over one lineage). */
    static LogicalPlan distinctIds(LogicalPlan left, LogicalPlan right) {
        Set<ExprId> leftIds = new HashSet<>();
        left.output().forEach(a -> leftIds.add(a.exprId()));
        boolean shared = right.output().stream().anyMatch(a -> leftIds.contains(a.exprId()));
        return shared ? renew(right, new HashMap<>()) : right;
    }

    /** {@code plan} under a select that gives each column a new id (kept under the same relation alias). */
    private static LogicalPlan renew(LogicalPlan plan, Map<ExprId, AttributeReference> renewed) {
        if (plan instanceof SubqueryAlias a) {
            return new SubqueryAlias(a.alias(), renew(a.child(), renewed));
        }
        List<Expression> list = new ArrayList<>();
        for (AttributeReference a : plan.output()) {
            Alias fresh = new Alias(a, a.name());
            renewed.put(a.exprId(), fresh.toAttribute());
            list.add(fresh);
        }
        return new Project(list, plan);
    }

    /** {@code x == x} over a column both sides had: the second operand becomes the right side's copy. */
    private static Expression selfEquality(Expression e, Map<ExprId, AttributeReference> renewed, Predicates p) {
        if (e.children().size() == 2 && e.children().get(0) instanceof AttributeReference l
                && e.children().get(1) instanceof AttributeReference r && l.sameColumn(r)
                && renewed.containsKey(r.exprId()) && (p.is("==", e) || p.is("<=>", e))) {
            String op = p.is("==", e) ? "==" : "<=>";
            return p.build(op, List.of(l, renewed.get(r.exprId()))).orElse(e);
        }
        if (e instanceof UnresolvedFunction f && (f.name().equals("==") || f.name().equals("<=>"))
                && f.children().size() == 2 && f.children().get(0) instanceof AttributeReference l
                && f.children().get(1) instanceof AttributeReference r && l.sameColumn(r) && renewed.containsKey(r.exprId())) {
            return new UnresolvedFunction(f.name(), List.of(l, renewed.get(r.exprId())), false);
        }
        return e;
    }

    /** {@code left JOIN right USING (keys)}: each key once (from the side the join keeps, both for full joins), then the other columns. */
    static LogicalPlan using(Dataset<Row> left, Dataset<Row> right, List<String> keys, JoinType type) {
        List<Expression> conds = new ArrayList<>();
        List<AttributeReference> leftKeys = new ArrayList<>();
        List<AttributeReference> rightKeys = new ArrayList<>();
        for (String k : keys) {
            leftKeys.add((AttributeReference) left.col(k).expr());
            rightKeys.add((AttributeReference) right.col(k).expr());
        }
        Map<ExprId, AttributeReference> renewed = new HashMap<>();
        LogicalPlan r = right.logicalPlan();
        Set<ExprId> leftIds = new HashSet<>();
        left.logicalPlan().output().forEach(a -> leftIds.add(a.exprId()));
        if (r.output().stream().anyMatch(a -> leftIds.contains(a.exprId()))) {
            r = renew(r, renewed);
            rightKeys.replaceAll(a -> renewed.getOrDefault(a.exprId(), a));
        }
        for (int i = 0; i < keys.size(); i++) {
            conds.add(new UnresolvedFunction("==", List.of(leftKeys.get(i), rightKeys.get(i)), false));
        }
        Expression cond = null;
        for (Expression c : conds) {
            cond = cond == null ? c : new UnresolvedFunction("and", List.of(cond, c), false);
        }
        Join join = new Join(left.logicalPlan(), r, type, Optional.ofNullable(cond));
        List<Expression> list = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            AttributeReference l = leftKeys.get(i);
            AttributeReference rk = rightKeys.get(i);
            if (type == JoinType.RIGHT_OUTER) {
                list.add(rk);
            } else if (type == JoinType.FULL_OUTER) {
                list.add(new Alias(new UnresolvedFunction("coalesce", List.of(l, rk), false), l.name()));
            } else {
                list.add(l);
            }
        }
        for (AttributeReference a : left.logicalPlan().output()) {
            if (leftKeys.stream().noneMatch(k -> k.sameColumn(a))) {
                list.add(a);
            }
        }
        if (type.keepsRightColumns()) {
            for (AttributeReference a : r.output()) {
                if (rightKeys.stream().noneMatch(k -> k.sameColumn(a))) {
                    list.add(a);
                }
            }
        }
        return new Project(list, join);
    }
}
