package io.ember.sql.parser;

import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.statements.ExplainCommand;
import io.ember.sql.plans.statements.ResetCommand;
import io.ember.sql.plans.statements.SetCommand;
import java.util.Locale;

/**
 * Builds statements: a query is its plan; anything else is a command node of
 * {@code io.ember.sql.plans.statements} (catalog commands in {@link CatalogStatements}, table
 * definition ones in {@link TableStatements}). One
 * instance per parse.
 */
final class StatementBuilder extends SqlParserBaseVisitor<LogicalPlan> {
    private final Builders b;

    StatementBuilder(Builders b) {
        this.b = b;
    }

    LogicalPlan statement(SqlParser.StatementContext ctx) {
        LogicalPlan plan = visit(ctx);
        if (plan == null) {
            plan = new CatalogStatements(b).visit(ctx);
        }
        if (plan == null) {
            plan = new TableStatements(b).visit(ctx);
        }
        return plan;
    }

    @Override
    public LogicalPlan visitStatementDefault(SqlParser.StatementDefaultContext ctx) {
        return b.queries().query(ctx.query());
    }

    @Override
    public LogicalPlan visitExplain(SqlParser.ExplainContext ctx) {
        String mode = ctx.explainMode == null ? "simple" : ctx.explainMode.getText().toLowerCase(Locale.ROOT);
        if (mode.equals("logical")) {
            mode = "extended";
        }
        return new ExplainCommand(statement(ctx.statement()), mode);
    }

    /** {@code SET}, {@code SET key}, {@code SET key = value}: the key and value are the raw text around the first '='. */
    @Override
    public LogicalPlan visitSetConfiguration(SqlParser.SetConfigurationContext ctx) {
        String rest = rawAfterKeyword(ctx);
        if (rest.isEmpty() || rest.equals("-v")) {
            return new SetCommand(null, null);
        }
        int eq = rest.indexOf('=');
        if (eq < 0) {
            return new SetCommand(unquote(rest), null);
        }
        String key = unquote(rest.substring(0, eq).trim());
        if (key.isEmpty()) {
            throw ParseErrors.invalid(b.sql(), ctx, "Expected format is 'SET', 'SET key', or 'SET key=value'.");
        }
        return new SetCommand(key, unquote(rest.substring(eq + 1).trim()));
    }

    @Override
    public LogicalPlan visitResetConfiguration(SqlParser.ResetConfigurationContext ctx) {
        String rest = rawAfterKeyword(ctx);
        return new ResetCommand(rest.isEmpty() ? null : unquote(rest));
    }

    private String rawAfterKeyword(org.antlr.v4.runtime.ParserRuleContext ctx) {
        int from = ctx.getStart().getStopIndex() + 1;
        int to = ctx.getStop() == null || ctx.getStop() == ctx.getStart() ? from - 1 : ctx.getStop().getStopIndex();
        return to < from ? "" : b.sql().substring(from, to + 1).trim();
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("`") && s.endsWith("`")) {
            return s.substring(1, s.length() - 1).replace("``", "`");
        }
        return s;
    }
}
