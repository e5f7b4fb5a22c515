package io.ember.sql.parser;

import io.ember.sql.analysis.UnresolvedExtractValue;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.CaseWhen;
import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.datetime.DatePart;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.UnresolvedStar;
import io.ember.sql.expressions.lambda.LambdaFunction;
import io.ember.sql.expressions.lambda.UnresolvedNamedLambdaVariable;
import io.ember.sql.expressions.subquery.Exists;
import io.ember.sql.expressions.subquery.InSubquery;
import io.ember.sql.expressions.subquery.ScalarSubquery;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DdlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds expressions: operators become calls of the registry's operator names ({@code +},
 * {@code ==}, {@code and}, {@code in}, {@code like}, ...) exactly as {@code Column} builds them,
 * so SQL and the DataFrame API meet the same analyzer. Interval literals are typed literals; the
 * analyzer's interval rules give {@code +}/{@code -} over dates, timestamps and intervals their
 * meaning. Subqueries become the subquery expressions.
 * One instance per parse.
 */
final class ExpressionBuilder extends SqlParserBaseVisitor<Expression> {
    private final Builders b;
    private final LiteralBuilder literals;

    ExpressionBuilder(Builders b) {
        this.b = b;
        this.literals = new LiteralBuilder(b.sql());
    }

    Expression expression(SqlParser.ExpressionContext ctx) {
        return visit(ctx);
    }

    List<Expression> expressions(List<? extends SqlParser.ExpressionContext> ctxs) {
        List<Expression> out = new ArrayList<>();
        ctxs.forEach(c -> out.add(visit(c)));
        return out;
    }

    /** A select-list entry: the expression under its alias, if it has one. */
    Expression named(SqlParser.NamedExpressionContext ctx) {
        Expression e = visit(ctx.expression());
        if (ctx.name != null) {
            return new Alias(e, Names.of(ctx.name));
        }
        if (ctx.identifierList() != null) {
            return new io.ember.sql.expressions.MultiAlias(e, Names.list(ctx.identifierList()), List.of());
        }
        return e;
    }

    static Expression fn(String name, Expression... args) {
        return new UnresolvedFunction(name, List.of(args), false);
    }

    // ---- boolean expressions ------------------------------------------------------------------

    @Override
    public Expression visitExpression(SqlParser.ExpressionContext ctx) {
        return visit(ctx.booleanExpression());
    }

    @Override
    public Expression visitLogicalNot(SqlParser.LogicalNotContext ctx) {
        return fn("not", visit(ctx.booleanExpression()));
    }

    @Override
    public Expression visitExists(SqlParser.ExistsContext ctx) {
        return new Exists(b.queries().query(ctx.query()));
    }

    @Override
    public Expression visitLogicalBinary(SqlParser.LogicalBinaryContext ctx) {
        String op = ctx.operator.getType() == SqlLexer.AND ? "and" : "or";
        return fn(op, visit(ctx.left), visit(ctx.right));
    }

    @Override
    public Expression visitPredicated(SqlParser.PredicatedContext ctx) {
        Expression value = visit(ctx.valueExpression());
        return ctx.predicate() == null ? value : Predicates.build(b, value, ctx.predicate());
    }

    // ---- value expressions --------------------------------------------------------------------

    @Override
    public Expression visitValueExpressionDefault(SqlParser.ValueExpressionDefaultContext ctx) {
        return visit(ctx.primaryExpression());
    }

    @Override
    public Expression visitArithmeticUnary(SqlParser.ArithmeticUnaryContext ctx) {
        Expression child = visit(ctx.valueExpression());
        return switch (ctx.operator.getType()) {
            case SqlLexer.MINUS -> fn("-", child);
            case SqlLexer.PLUS -> fn("positive", child);
            default -> fn("bitwise_not", child);
        };
    }

    @Override
    public Expression visitArithmeticBinary(SqlParser.ArithmeticBinaryContext ctx) {
        int op = ctx.operator.getType();
        Expression l = visit(ctx.left);
        Expression r = visit(ctx.right);
        return switch (op) {
            case SqlLexer.ASTERISK -> fn("*", l, r);
            case SqlLexer.SLASH -> fn("/", l, r);
            case SqlLexer.PERCENT -> fn("%", l, r);
            case SqlLexer.DIV -> fn("div", l, r);
            case SqlLexer.PLUS -> fn("+", l, r);
            case SqlLexer.MINUS -> fn("-", l, r);
            case SqlLexer.CONCAT_PIPE -> fn("concat", l, r);
            case SqlLexer.AMPERSAND -> fn("&", l, r);
            case SqlLexer.HAT -> fn("^", l, r);
            default -> fn("|", l, r);
        };
    }

    @Override
    public Expression visitComparison(SqlParser.ComparisonContext ctx) {
        String op = switch (ctx.comparisonOperator().getStart().getType()) {
            case SqlLexer.EQ -> "==";
            case SqlLexer.NEQ -> "!=";
            case SqlLexer.LT -> "<";
            case SqlLexer.LTE -> "<=";
            case SqlLexer.GT -> ">";
            case SqlLexer.GTE -> ">=";
            default -> "<=>";
        };
        return fn(op, visit(ctx.left), visit(ctx.right));
    }

    // ---- primary expressions ------------------------------------------------------------------

    @Override
    public Expression visitSearchedCase(SqlParser.SearchedCaseContext ctx) {
        List<Expression[]> branches = new ArrayList<>();
        for (SqlParser.WhenClauseContext w : ctx.whenClause()) {
            branches.add(new Expression[] {visit(w.condition), visit(w.result)});
        }
        return new CaseWhen(branches, ctx.elseExpression == null ? null : visit(ctx.elseExpression));
    }

    @Override
    public Expression visitSimpleCase(SqlParser.SimpleCaseContext ctx) {
        Expression value = visit(ctx.value);
        List<Expression[]> branches = new ArrayList<>();
        for (SqlParser.WhenClauseContext w : ctx.whenClause()) {
            branches.add(new Expression[] {fn("==", value, visit(w.condition)), visit(w.result)});
        }
        return new CaseWhen(branches, ctx.elseExpression == null ? null : visit(ctx.elseExpression));
    }

    @Override
    public Expression visitCast(SqlParser.CastContext ctx) {
        Expression child = visit(ctx.expression());
        if (ctx.name.getType() == SqlLexer.TRY_CAST) {
            return new io.ember.sql.expressions.TryCast(child, dataType(ctx.dataType()), null);
        }
        return new Cast(child, dataType(ctx.dataType()));
    }

    @Override
    public Expression visitCastByColon(SqlParser.CastByColonContext ctx) {
        return new Cast(visit(ctx.primaryExpression()), dataType(ctx.dataType()));
    }

    io.ember.sql.types.DataType dataType(SqlParser.DataTypeContext ctx) {
        String text = SparkSqlParser.textOf(b.sql(), ctx);
        try {
            return DdlParser.parseType(text);
        } catch (io.ember.sql.ParseException e) {
            throw ParseErrors.at(b.sql(), ctx, e.getErrorClass(), e.getMessage().substring(e.getErrorClass().length() + 3)
                    .split("\\. SQLSTATE")[0], "0A000", e.getMessageParameters());
        }
    }

    @Override
    public Expression visitExtract(SqlParser.ExtractContext ctx) {
        String written = Names.of(ctx.field);
        String field = written.toUpperCase(Locale.ROOT);
        if (DatePart.canonical(field) == null) {
            throw ParseErrors.at(b.sql(), ctx.field, "INVALID_EXTRACT_FIELD", "Cannot extract " + field
                    + " from " + ctx.source.getText() + ".", "42601", Map.of("field", field, "expr", ctx.source.getText()));
        }
        // Spark's Extract: named extract(field FROM source); seconds are decimal(8,6)
        return fn("extract", new Literal(written, DataTypes.StringType), visit(ctx.source));
    }

    @Override
    public Expression visitTrim(SqlParser.TrimContext ctx) {
        String name = ctx.trimOption == null || ctx.trimOption.getType() == SqlLexer.BOTH ? "trim"
                : ctx.trimOption.getType() == SqlLexer.LEADING ? "ltrim" : "rtrim";
        Expression src = visit(ctx.srcStr);
        return ctx.trimStr == null ? fn(name, src) : fn(name, src, visit(ctx.trimStr));
    }

    @Override
    public Expression visitConstantDefault(SqlParser.ConstantDefaultContext ctx) {
        return visit(ctx.constant());
    }

    @Override
    public Expression visitStar(SqlParser.StarContext ctx) {
        return new UnresolvedStar(ctx.qualifiedName() == null ? List.of() : Names.parts(ctx.qualifiedName()));
    }

    @Override
    public Expression visitRowConstructor(SqlParser.RowConstructorContext ctx) {
        List<Expression> fields = new ArrayList<>();
        ctx.namedExpression().forEach(n -> fields.add(named(n)));
        return new UnresolvedFunction("struct", fields, false);
    }

    /** {@code struct(a AS x, b)}: as Spark's grammar, the arguments of {@code struct} may be named. */
    @Override
    public Expression visitStructConstructor(SqlParser.StructConstructorContext ctx) {
        List<Expression> fields = new ArrayList<>();
        ctx.namedExpression().forEach(n -> fields.add(named(n)));
        return new UnresolvedFunction("struct", fields, false);
    }

    @Override
    public Expression visitSubqueryExpression(SqlParser.SubqueryExpressionContext ctx) {
        return new ScalarSubquery(b.queries().query(ctx.query()));
    }

    @Override
    public Expression visitFunctionCall(SqlParser.FunctionCallContext ctx) {
        return FunctionCalls.build(b, ctx);
    }

    /** {@code x -> body} or {@code (x, y) -> body}: names of the parameters in the body become lambda variables. */
    @Override
    public Expression visitLambda(SqlParser.LambdaContext ctx) {
        List<String> params = new ArrayList<>();
        ctx.identifier().forEach(i -> params.add(Names.of(i)));
        Expression body = visit(ctx.expression()).transformUp(e -> {
            if (!(e instanceof UnresolvedAttribute a)) {
                return e;
            }
            String head = a.nameParts().get(0);
            if (params.stream().noneMatch(p -> p.equalsIgnoreCase(head))) {
                return e;
            }
            Expression out = new UnresolvedNamedLambdaVariable(head);
            for (String field : a.nameParts().subList(1, a.nameParts().size())) {
                out = new UnresolvedExtractValue(out, new Literal(field, DataTypes.StringType));
            }
            return out;
        });
        List<Expression> vars = new ArrayList<>();
        params.forEach(p -> vars.add(new UnresolvedNamedLambdaVariable(p)));
        return new LambdaFunction(body, vars);
    }

    @Override
    public Expression visitSubscript(SqlParser.SubscriptContext ctx) {
        return new UnresolvedExtractValue(visit(ctx.value), visit(ctx.index));
    }

    @Override
    public Expression visitColumnReference(SqlParser.ColumnReferenceContext ctx) {
        return new UnresolvedAttribute(List.of(Names.of(ctx.identifier())), -1);
    }

    @Override
    public Expression visitDereference(SqlParser.DereferenceContext ctx) {
        Expression base = visit(ctx.base);
        String field = Names.of(ctx.fieldName);
        if (base instanceof UnresolvedAttribute a) {
            List<String> parts = new ArrayList<>(a.nameParts());
            parts.add(field);
            return new UnresolvedAttribute(parts, -1);
        }
        return new UnresolvedExtractValue(base, new Literal(field, DataTypes.StringType));
    }

    @Override
    public Expression visitParenthesizedExpression(SqlParser.ParenthesizedExpressionContext ctx) {
        return visit(ctx.expression());
    }

    // ---- constants ----------------------------------------------------------------------------

    @Override
    public Expression visitNullLiteral(SqlParser.NullLiteralContext ctx) {
        return new Literal(null, DataTypes.NullType);
    }

    @Override
    public Expression visitNamedParameterLiteral(SqlParser.NamedParameterLiteralContext ctx) {
        return b.scope().namedArg(Names.of(ctx.identifier()));
    }

    @Override
    public Expression visitPositionalParameterLiteral(SqlParser.PositionalParameterLiteralContext ctx) {
        return b.scope().positionalArg();
    }

    @Override
    public Expression visitIntervalLiteral(SqlParser.IntervalLiteralContext ctx) {
        return literals.interval(ctx.interval());
    }

    @Override
    public Expression visitTypeConstructor(SqlParser.TypeConstructorContext ctx) {
        return literals.typed(ctx);
    }

    @Override
    public Expression visitNumericLiteral(SqlParser.NumericLiteralContext ctx) {
        return literals.number(ctx.number());
    }

    @Override
    public Expression visitBooleanLiteral(SqlParser.BooleanLiteralContext ctx) {
        return new Literal(ctx.booleanValue().TRUE() != null, DataTypes.BooleanType);
    }

    @Override
    public Expression visitBinaryLiteral(SqlParser.BinaryLiteralContext ctx) {
        return literals.binary(ctx.getText());
    }

    @Override
    public Expression visitStringLiteral(SqlParser.StringLiteralContext ctx) {
        return literals.strings(ctx.stringLit());
    }
}
