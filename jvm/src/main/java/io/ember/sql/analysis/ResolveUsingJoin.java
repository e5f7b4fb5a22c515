package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.UsingJoin;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link UsingJoin} whose sides are resolved becomes an equi-join on the keys under a select
 * with each key once (from the left, the right for a right join, {@code coalesce} of both for a
 * full join), then the other left columns, then the other right columns; a natural join's keys
 * are the names both sides have, in the left side's order. As Spark's USING joins and
 * {@code Dataset.join(right, usingColumns)}.
 */
final class ResolveUsingJoin implements Rule<LogicalPlan> {
    private final NameResolver names;

    ResolveUsingJoin(NameResolver names) {
        this.names = names;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof UsingJoin u && u.childrenResolved()
                ? resolve((UsingJoin) DeduplicateRelations.dedupe(u)) : node);
    }

    private LogicalPlan resolve(UsingJoin u) {
        List<AttributeReference> leftOut = u.left().output();
        List<AttributeReference> rightOut = u.right().output();
        List<String> keys = u.natural() ? commonNames(leftOut, rightOut) : u.usingColumns();
        List<AttributeReference> leftKeys = new ArrayList<>();
        List<AttributeReference> rightKeys = new ArrayList<>();
        Expression cond = null;
        for (String k : keys) {
            AttributeReference l = find(k, leftOut, "left");
            AttributeReference r = find(k, rightOut, "right");
            leftKeys.add(l);
            rightKeys.add(r);
            Expression eq = new UnresolvedFunction("==", List.of(l, r), false);
            cond = cond == null ? eq : new UnresolvedFunction("and", List.of(cond, eq), false);
        }
        JoinType type = u.joinType() == JoinType.CROSS ? JoinType.INNER : u.joinType();
        Join join = new Join(u.left(), u.right(), type, Optional.ofNullable(cond));
        List<Expression> list = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            AttributeReference l = leftKeys.get(i);
            AttributeReference r = rightKeys.get(i);
            if (type == JoinType.RIGHT_OUTER) {
                list.add(r);
            } else if (type == JoinType.FULL_OUTER) {
                list.add(new Alias(new UnresolvedFunction("coalesce", List.of(l, r), false), l.name()));
            } else {
                list.add(l);
            }
        }
        leftOut.stream().filter(a -> leftKeys.stream().noneMatch(a::sameColumn)).forEach(list::add);
        if (type.keepsRightColumns()) {
            rightOut.stream().filter(a -> rightKeys.stream().noneMatch(a::sameColumn)).forEach(list::add);
        }
        return new Project(list, join);
    }

    private List<String> commonNames(List<AttributeReference> left, List<AttributeReference> right) {
        List<String> out = new ArrayList<>();
        for (AttributeReference l : left) {
            if (names.resolve(List.of(l.name()), right).isPresent() && !out.contains(l.name())) {
                out.add(l.name());
            }
        }
        return out;
    }

    private AttributeReference find(String key, List<AttributeReference> side, String which) {
        return names.resolve(List.of(key), side).filter(e -> e instanceof AttributeReference)
                .map(e -> (AttributeReference) e)
                .orElseThrow(() -> new AnalysisException("UNRESOLVED_USING_COLUMN_FOR_JOIN", "USING column `" + key
                        + "` cannot be resolved on the " + which + " side of the join. The " + which + "-side columns: ["
                        + String.join(", ", side.stream().map(a -> "`" + a.name() + "`").toList()) + "].",
                        Map.of("colName", "`" + key + "`", "side", which, "suggestion",
                                String.join(", ", side.stream().map(a -> "`" + a.name() + "`").toList()))));
    }
}
