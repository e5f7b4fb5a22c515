package io.ember.sql.plans.statements;

import io.ember.sql.catalog.CatalogTable;
import io.ember.sql.catalog.TableClustering;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DESCRIBE [TABLE] t} and {@code DESCRIBE QUERY q}: one row per column,
 * {@code col_name, data_type, comment}; {@code SHOW COLUMNS IN t} gives only the names;
 * a partitioned or clustered table's rows end with Spark's {@code # Partition Information} or
 * {@code # Clustering Information} section;
 * {@code DESCRIBE TABLE EXTENDED t} adds a persistent table's details ({@link DetailedTableInfo}).
 */
public final class DescribeCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final List<String> table;
    private final LogicalPlan query;
    private final boolean namesOnly;
    private final boolean extended;

    /** {@code table} null: describe {@code query}. */
    public DescribeCommand(List<String> table, LogicalPlan query, boolean namesOnly) {
        this(table, query, namesOnly, false);
    }

    /** {@code extended}: {@code DESCRIBE TABLE EXTENDED t}, a persistent table's details after its columns. */
    public DescribeCommand(List<String> table, LogicalPlan query, boolean namesOnly, boolean extended) {
        super(namesOnly ? new String[] {"col_name"} : new String[] {"col_name", "data_type", "comment"});
        this.table = table == null ? null : List.copyOf(table);
        this.query = query;
        this.namesOnly = namesOnly;
        this.extended = extended;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        List<Object[]> rows = new ArrayList<>();
        for (StructField f : ctx.schema(table, query).fields()) {
            rows.add(namesOnly ? new Object[] {f.name()} : new Object[] {f.name(), f.dataType().simpleString(), null});
        }
        boolean view = table != null && table.size() == 1 && ctx.catalog().getTempView(table.get(0)).isPresent();
        if (table != null && !view && !namesOnly) {
            ctx.catalog().getTableMetadata(table).ifPresent(t -> {
                rows.addAll(layoutRows(t));
                if (extended) {
                    rows.addAll(DetailedTableInfo.rows(t));
                }
            });
        }
        return rows;
    }

    /**
     * Spark's {@code # Partition Information} (or {@code # Clustering Information}) section after
     * a partitioned (clustered) table's columns: a header row, then each such column as the
     * column rows show it.
     */
    private static List<Object[]> layoutRows(CatalogTable t) {
        List<Object[]> rows = new ArrayList<>();
        section(rows, "# Partition Information", t, t.partitionColumns());
        section(rows, "# Clustering Information", t, TableClustering.columns(t));
        return rows;
    }

    private static void section(List<Object[]> rows, String title, CatalogTable t, List<String> columns) {
        if (columns.isEmpty()) {
            return;
        }
        rows.add(new Object[] {title, "", ""});
        rows.add(new Object[] {"# col_name", "data_type", "comment"});
        for (String c : columns) {
            int i = t.schema().indexOf(c);
            rows.add(new Object[] {c, i < 0 ? "" : t.schema().field(i).dataType().simpleString(), null});
        }
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(table, namesOnly, extended);
    }
}
