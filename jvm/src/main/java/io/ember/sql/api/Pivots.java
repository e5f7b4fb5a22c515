package io.ember.sql.api;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.CaseWhen;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.expressions.UnresolvedFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pivot}: each aggregate {@code f(x)} becomes, per pivot value {@code v},
 * {@code f(CASE WHEN p <=> v THEN x END)} named {@code v} (or {@code v_f(x)} when there are
 * several aggregates), as Spark names pivot columns. Aggregates ignore the nulls the other
 * values' rows give, so each column aggregates its value's rows only.
 */
final class Pivots {
    private Pivots() {}

    static List<Expression> expand(Expression pivot, List<Object> values, List<Expression> aggs) {
        List<Expression> out = new ArrayList<>();
        for (Object v : values) {
            Literal value = functions.lit(v).expr() instanceof Literal l ? l : null;
            String valueName = v == null ? "null" : String.valueOf(v);
            for (Expression agg : aggs) {
                Expression body = agg instanceof Alias a ? a.child() : agg;
                Expression only = onlyFor(body, pivot, value);
                String name = aggs.size() == 1 ? valueName
                        : valueName + "_" + (agg instanceof NamedExpression n ? n.name() : body.sql());
                out.add(new Alias(only, name));
            }
        }
        return out;
    }

    private static final java.util.Set<String> FIRST_LAST =
            java.util.Set.of("first", "last", "first_value", "last_value");
    private static final java.util.Set<String> PERCENTILES =
            java.util.Set.of("percentile_approx", "approx_percentile");

    /**
     * {@code f(args)} with each argument replaced by {@code CASE WHEN pivot <=> value THEN arg END},
     * as Spark's pivot rewrite: {@code first}/{@code last} (which do not skip nulls by default)
     * get their value wrapped and ignoreNulls forced on; {@code percentile_approx} only its value.
     */
    private static Expression onlyFor(Expression agg, Expression pivot, Literal value) {
        if (!(agg instanceof UnresolvedFunction f)) {
            return agg;
        }
        String name = f.name().toLowerCase(java.util.Locale.ROOT);
        List<Expression> args = new ArrayList<>();
        List<Expression> children = f.children();
        for (int i = 0; i < children.size(); i++) {
            if (i > 0 && (FIRST_LAST.contains(name) || PERCENTILES.contains(name))) {
                args.add(FIRST_LAST.contains(name) ? new Literal(true, io.ember.sql.types.DataTypes.BooleanType)
                        : children.get(i));
                continue;
            }
            Expression raw = children.get(i);
            Expression arg = raw instanceof io.ember.sql.expressions.UnresolvedStar
                    ? new Literal(1, io.ember.sql.types.DataTypes.IntegerType) : raw;
            Expression cond = new UnresolvedFunction("<=>", List.of(pivot, value), false);
            List<Expression[]> branches = new ArrayList<>();
            branches.add(new Expression[] {cond, arg});
            args.add(new CaseWhen(branches, null));
        }
        if (FIRST_LAST.contains(name) && children.size() == 1) {
            args.add(new Literal(true, io.ember.sql.types.DataTypes.BooleanType));
        }
        return new UnresolvedFunction(f.name(), args, f.distinct());
    }
}
