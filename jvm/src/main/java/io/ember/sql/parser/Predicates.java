package io.ember.sql.parser;

import static io.ember.sql.parser.ExpressionBuilder.fn;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.subquery.InSubquery;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * The predicates that follow a value: {@code [NOT] BETWEEN}, {@code [NOT] IN} (a list, or a
 * subquery), {@code [NOT] LIKE/ILIKE/RLIKE}, {@code IS [NOT] NULL/TRUE/FALSE/UNKNOWN},
 * {@code IS [NOT] DISTINCT FROM}. Stateless.
 */
final class Predicates {
    private Predicates() {}

    static Expression build(Builders b, Expression value, SqlParser.PredicateContext ctx) {
        ExpressionBuilder ex = b.expressions();
        boolean not = ctx.NOT() != null;
        Expression e = switch (ctx.kind.getType()) {
            case SqlLexer.BETWEEN -> fn("between", value, ex.visit(ctx.lower), ex.visit(ctx.upper));
            case SqlLexer.IN -> ctx.query() != null ? in(b, value, ctx) : inList(value, ex.expressions(ctx.expression()));
            case SqlLexer.RLIKE, SqlLexer.REGEXP -> fn("rlike", value, ex.visit(ctx.pattern));
            case SqlLexer.LIKE, SqlLexer.ILIKE -> like(ctx, value, ex.visit(ctx.pattern));
            case SqlLexer.NULL -> fn(not ? "isnotnull" : "isnull", value);
            case SqlLexer.TRUE, SqlLexer.FALSE -> fn("<=>", value, new Literal(ctx.kind.getType() == SqlLexer.TRUE,
                    DataTypes.BooleanType));
            case SqlLexer.UNKNOWN -> fn(not ? "isnotnull" : "isnull", value);
            default -> fn("<=>", value, ex.visit(ctx.right));
        };
        boolean negatedAlready = ctx.kind.getType() == SqlLexer.NULL || ctx.kind.getType() == SqlLexer.UNKNOWN;
        if (ctx.kind.getType() == SqlLexer.DISTINCT) {
            // IS DISTINCT FROM is NOT (a <=> b); IS NOT DISTINCT FROM is a <=> b
            return not ? e : fn("not", e);
        }
        return not && !negatedAlready ? fn("not", e) : e;
    }

    private static Expression in(Builders b, Expression value, SqlParser.PredicateContext ctx) {
        List<Expression> values = value instanceof UnresolvedFunction f && f.name().equals("struct")
                ? f.children() : List.of(value);
        return new InSubquery(values, b.queries().query(ctx.query()));
    }

    private static Expression inList(Expression value, List<Expression> items) {
        List<Expression> args = new ArrayList<>();
        args.add(value);
        args.addAll(items);
        return new UnresolvedFunction("in", args, false);
    }

    private static Expression like(SqlParser.PredicateContext ctx, Expression value, Expression pattern) {
        String name = ctx.kind.getType() == SqlLexer.LIKE ? "like" : "ilike";
        if (ctx.escapeChar != null) {
            String esc = LiteralBuilder.string(ctx.escapeChar);
            return fn(name, value, pattern, new Literal(esc, DataTypes.StringType));
        }
        return fn(name, value, pattern);
    }
}
