package io.ember.sql.plans.statements;

import io.ember.sql.catalog.CatalogTable;
import io.ember.sql.catalog.InsertColumns;
import io.ember.sql.plans.LogicalPlan;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code INSERT INTO|OVERWRITE [TABLE] t [(c1, c2) | BY NAME] query}: the query's rows into
 * table {@code t}, by position, into the listed columns, or by column name
 * ({@link InsertColumns}; left-out columns are null). No rows.
 */
public final class InsertIntoCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final List<String> table;
    private final LogicalPlan query;
    private final boolean overwrite;
    private final List<String> columns;
    private final boolean byName;

    public InsertIntoCommand(List<String> table, LogicalPlan query, boolean overwrite) {
        this(table, query, overwrite, null, false);
    }

    /** {@code columns} null: all, by position (or by name when {@code byName}). */
    public InsertIntoCommand(List<String> table, LogicalPlan query, boolean overwrite, List<String> columns,
            boolean byName) {
        this.table = List.copyOf(table);
        this.query = query;
        this.overwrite = overwrite;
        this.columns = columns == null ? null : List.copyOf(columns);
        this.byName = byName;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        LogicalPlan data = query;
        if (columns != null || byName) {
            Optional<CatalogTable> t = ctx.catalog().getTableMetadata(table);
            if (t.isPresent()) {
                data = InsertColumns.fit(t.get(), columns, ctx.analyze(query));
            }
        }
        ctx.catalog().insertInto(table, data, overwrite);
        return List.of();
    }

    @Override
    protected List<Object> args() {
        return Arrays.asList(table, overwrite, columns, byName);
    }
}
