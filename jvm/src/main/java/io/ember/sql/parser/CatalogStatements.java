package io.ember.sql.parser;

import io.ember.sql.plans.LogicalPlan;

/** Builds the commands that act on the session catalog and cache. One instance per statement. */
final class CatalogStatements extends SqlParserBaseVisitor<LogicalPlan> {
    private final Builders b;

    CatalogStatements(Builders b) {
        this.b = b;
    }

    @Override
    protected LogicalPlan defaultResult() {
        return null;
    }

    @Override
    public LogicalPlan visitStatementDefault(SqlParser.StatementDefaultContext ctx) {
        return b.queries().query(ctx.query());
    }
}
