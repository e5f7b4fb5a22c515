package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.UnresolvedOrdinal;
import io.ember.sql.expressions.UnresolvedStar;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Sort;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQL's positions and aliases in ORDER BY and GROUP BY: {@code ORDER BY 2} is the second output
 * column; {@code GROUP BY 1} the first select entry; {@code GROUP BY x} where {@code x} is no
 * input column but a select alias groups by the aliased expression (Spark's
 * {@code groupByAliases}). Positions are from 1.
 */
final class SubstituteOrdinals implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (node instanceof Sort s && s.childrenResolved()) {
                List<AttributeReference> out = s.child().output();
                return s.mapExpressions(e -> e.transformUp(x -> x instanceof UnresolvedOrdinal o
                        ? position("ORDER_BY_POS_OUT_OF_RANGE", "ORDER BY", o, out.size(), out) : x));
            }
            if (node instanceof Aggregate a && a.childrenResolved()
                    && a.aggregateExpressions().stream().noneMatch(e -> e instanceof UnresolvedStar)) {
                return grouping(a);
            }
            return node;
        });
    }

    private static LogicalPlan grouping(Aggregate a) {
        List<Expression> select = a.aggregateExpressions();
        List<Expression> keys = new ArrayList<>();
        boolean changed = false;
        for (Expression g : a.groupingExpressions()) {
            Expression k = g;
            if (g instanceof UnresolvedOrdinal o) {
                Expression e = position("GROUP_BY_POS_OUT_OF_RANGE", "GROUP BY", o, select.size(), select);
                k = e instanceof Alias al ? al.child() : e;
            } else if (g instanceof UnresolvedAttribute u && u.nameParts().size() == 1 && !inInput(u, a)) {
                for (Expression e : select) {
                    if (e instanceof Alias al && al.name().equalsIgnoreCase(u.nameParts().get(0))) {
                        k = al.child();
                        break;
                    }
                }
            }
            changed |= k != g;
            keys.add(k);
        }
        return changed ? new Aggregate(keys, select, a.child()) : a;
    }

    private static boolean inInput(UnresolvedAttribute u, Aggregate a) {
        String name = u.nameParts().get(0).toLowerCase(Locale.ROOT);
        return a.child().output().stream().anyMatch(x -> x.name().toLowerCase(Locale.ROOT).equals(name));
    }

    private static Expression position(String errorClass, String clause, UnresolvedOrdinal o, int size,
                                       List<? extends Expression> items) {
        if (o.ordinal() < 1 || o.ordinal() > size) {
            throw new AnalysisException(errorClass, clause + " position " + o.ordinal()
                    + " is not in select list (valid range is [1, " + size + "]).",
                    Map.of("index", String.valueOf(o.ordinal()), "size", String.valueOf(size)));
        }
        return items.get(o.ordinal() - 1);
    }
}
