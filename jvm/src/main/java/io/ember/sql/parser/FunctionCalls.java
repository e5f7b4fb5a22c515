package io.ember.sql.parser;

import io.ember.sql.expressions.CaseWhen;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code name([DISTINCT] args) [FILTER (WHERE c)] [IGNORE|RESPECT NULLS] [OVER w]}. A FILTER
 * clause feeds the aggregate only the rows where {@code c} holds ({@code f(CASE WHEN c THEN x
 * END)}, which aggregates skip as nulls; {@code count(*)} counts {@code CASE WHEN c THEN 1 END});
 * IGNORE NULLS is the second argument of {@code first}/{@code last}. Stateless.
 */
final class FunctionCalls {
    private static final Set<String> IGNORE_NULLS = Set.of("first", "last", "first_value", "last_value");

    private FunctionCalls() {}

    static Expression build(Builders b, SqlParser.FunctionCallContext ctx) {
        String name = String.join(".", Names.parts(ctx.functionName().qualifiedName()));
        boolean distinct = ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null;
        List<Expression> args = new ArrayList<>(b.expressions().expressions(ctx.argument));
        if (ctx.where != null) {
            Expression cond = b.expressions().visit(ctx.where);
            args.replaceAll(a -> new CaseWhen(List.<Expression[]>of(new Expression[] {cond,
                    a instanceof io.ember.sql.expressions.UnresolvedStar ? new Literal(1, DataTypes.IntegerType) : a}), null));
        }
        if (ctx.nullsOption != null && ctx.nullsOption.getType() == SqlLexer.IGNORE) {
            if (!IGNORE_NULLS.contains(name.toLowerCase(Locale.ROOT)) || args.size() != 1) {
                throw ParseErrors.unsupported(b.sql(), ctx, "IGNORE NULLS for " + name + ".");
            }
            args.add(new Literal(true, DataTypes.BooleanType));
        }
        Expression call = new UnresolvedFunction(name, args, distinct);
        return ctx.windowSpec() == null ? call : b.windows().over(call, ctx.windowSpec());
    }
}
