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

    /** {@code f(args)} with each argument replaced by {@code CASE WHEN pivot <=> value THEN arg END}. */
    private static Expression onlyFor(Expression agg, Expression pivot, Literal value) {
        if (!(agg instanceof UnresolvedFunction f)) {
            return agg;
        }
        List<Expression> args = new ArrayList<>();
        for (Expression raw : f.children()) {
            Expression arg = raw instanceof io.ember.sql.expressions.UnresolvedStar
                    ? new Literal(1, io.ember.sql.types.DataTypes.IntegerType) : raw;
            Expression cond = new UnresolvedFunction("<=>", List.of(pivot, value), false);
            List<Expression[]> branches = new ArrayList<>();
            branches.add(new Expression[] {cond, arg});
            args.add(new CaseWhen(branches, null));
        }
        return new UnresolvedFunction(f.name(), args, f.distinct());
    }
}
