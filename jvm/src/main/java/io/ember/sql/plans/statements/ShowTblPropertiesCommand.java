package io.ember.sql.plans.statements;

import io.ember.sql.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code SHOW TBLPROPERTIES t [('key')]}: rows {@code key, value}, sorted by key; none for a
 * temporary view. The table's options show as {@code option.<key>} (but {@code path}), as Spark 4
 * shows them. A key the table lacks gives one row whose value says so, as Spark's does.
 */
public final class ShowTblPropertiesCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final List<String> table;
    private final String key;

    /** {@code key} null: every property. */
    public ShowTblPropertiesCommand(List<String> table, String key) {
        super("key", "value");
        this.table = List.copyOf(table);
        this.key = key;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        Optional<CatalogTable> t = TableTarget.tableOrView(ctx.catalog(), table);
        List<Object[]> rows = new ArrayList<>();
        if (t.isEmpty()) {
            return rows;
        }
        java.util.SortedMap<String, String> shown = new java.util.TreeMap<>(t.get().properties());
        t.get().options().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("path")) {
                shown.put("option." + k, v);
            }
        });
        if (key != null) {
            String value = shown.get(key);
            rows.add(new Object[] {key, value != null ? value
                    : "Table " + String.join(".", t.get().qualifiedName()) + " does not have property: " + key});
            return rows;
        }
        shown.forEach((k, v) -> rows.add(new Object[] {k, v}));
        return rows;
    }

    @Override
    protected List<Object> args() {
        return Arrays.asList(table, key);
    }
}
