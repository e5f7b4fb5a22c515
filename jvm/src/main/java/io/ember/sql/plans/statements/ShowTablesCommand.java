package io.ember.sql.plans.statements;

import io.ember.sql.catalog.TableInfo;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SHOW TABLES [IN db] [[LIKE] 'pattern']} (and {@code SHOW VIEWS}): rows of
 * {@code namespace, tableName, isTemporary}, temporary views with an empty namespace, as Spark.
 */
public final class ShowTablesCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final String database;
    private final String pattern;
    private final boolean viewsOnly;

    public ShowTablesCommand(String database, String pattern, boolean viewsOnly) {
        super(List.of(new AttributeReference("namespace", DataTypes.StringType, false),
                new AttributeReference("tableName", DataTypes.StringType, false),
                new AttributeReference("isTemporary", DataTypes.BooleanType, false)));
        this.database = database;
        this.pattern = pattern;
        this.viewsOnly = viewsOnly;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        List<Object[]> rows = new ArrayList<>();
        for (TableInfo t : ctx.catalog().listTables(database, pattern)) {
            if (viewsOnly && !t.temporary() && !"VIEW".equals(t.tableType())) {
                continue;
            }
            rows.add(new Object[] {t.database() == null ? "" : t.database(), t.name(), t.temporary()});
        }
        return rows;
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(database, pattern);
    }
}
