package io.ember.sql.parser;

import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.statements.AlterTablePropertiesCommand;
import io.ember.sql.plans.statements.ShowCreateTableCommand;
import io.ember.sql.plans.statements.ShowTblPropertiesCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the statements about one table's definition: {@code SHOW TBLPROPERTIES},
 * {@code ALTER TABLE ... SET|UNSET TBLPROPERTIES} and {@code SHOW CREATE TABLE}. Anything else
 * yields null. One instance per statement.
 */
final class TableStatements extends SqlParserBaseVisitor<LogicalPlan> {
    private final Builders b;

    TableStatements(Builders b) {
        this.b = b;
    }

    @Override
    protected LogicalPlan defaultResult() {
        return null;
    }

    @Override
    public LogicalPlan visitShowTblProperties(SqlParser.ShowTblPropertiesContext ctx) {
        return new ShowTblPropertiesCommand(Names.parts(ctx.table), ctx.key == null ? null : key(ctx.key));
    }

    @Override
    public LogicalPlan visitSetTableProperties(SqlParser.SetTablePropertiesContext ctx) {
        return new AlterTablePropertiesCommand(Names.parts(ctx.multipartIdentifier()),
                CatalogStatements.properties(ctx.propertyList()), List.of(), ctx.VIEW() != null);
    }

    @Override
    public LogicalPlan visitUnsetTableProperties(SqlParser.UnsetTablePropertiesContext ctx) {
        List<String> keys = new ArrayList<>();
        for (SqlParser.PropertyContext p : ctx.propertyList().property()) {
            if (p.value != null) {
                String message = "Operation not allowed: Values should not be specified for key(s): [" + key(p.key) + "]";
                throw ParseErrors.at(b.sql(), ctx, "_LEGACY_ERROR_TEMP_0035", message, null, Map.of("message", message + "."));
            }
            keys.add(key(p.key));
        }
        return new AlterTablePropertiesCommand(Names.parts(ctx.multipartIdentifier()), Map.of(), keys, ctx.VIEW() != null);
    }

    @Override
    public LogicalPlan visitShowCreateTable(SqlParser.ShowCreateTableContext ctx) {
        if (ctx.serde != null && !Names.of(ctx.serde).equalsIgnoreCase("SERDE")) {
            throw ParseErrors.invalid(b.sql(), ctx.serde, "Expected AS SERDE.");
        }
        return new ShowCreateTableCommand(Names.parts(ctx.multipartIdentifier()), ctx.serde != null);
    }

    private static String key(SqlParser.PropertyKeyContext k) {
        return k.stringLit() != null ? LiteralBuilder.string(k.stringLit()) : k.getText();
    }
}
