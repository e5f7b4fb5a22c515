package io.ember.sql.catalog;

import io.ember.sql.AnalysisException;
import io.ember.sql.analysis.AnalysisErrors;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code INSERT INTO t (c1, c2) query} and {@code INSERT INTO t BY NAME query}: the query's
 * columns placed under the table's columns they name, every other table column null (Spark 4
 * fills columns a statement leaves out with their default, null here), so the result inserts by
 * position. Errors as Spark's: an unknown listed column, a column listed twice, a count that does
 * not match the list, a query column the table lacks. Stateless.
 */
public final class InsertColumns {
    private InsertColumns() {}

    /**
     * {@code query} (analyzed) as a plan with one column per table column, in the table's order.
     *
     * @param columns the listed columns, or null for BY NAME (the query's own column names)
     */
    public static LogicalPlan fit(CatalogTable table, List<String> columns, LogicalPlan query) {
        List<AttributeReference> data = query.output();
        List<StructField> tableColumns = table.schema().fields();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < tableColumns.size(); i++) {
            index.put(key(tableColumns.get(i).name()), i);
        }
        Expression[] values = new Expression[tableColumns.size()];
        if (columns != null) {
            boolean[] listed = new boolean[tableColumns.size()];
            for (String c : columns) {
                Integer at = index.get(key(c));
                if (at == null) {
                    throw AnalysisErrors.unresolvedColumn(List.of(c),
                            tableColumns.stream().map(f -> List.of(f.name())).toList());
                }
                if (listed[at]) {
                    throw columnAlreadyExists(c);
                }
                listed[at] = true;
            }
            if (data.size() != columns.size()) {
                throw CatalogErrors.insertArity(table.qualifiedName(), columns,
                        data.stream().map(AttributeReference::name).toList());
            }
            for (int i = 0; i < columns.size(); i++) {
                values[index.get(key(columns.get(i)))] = data.get(i);
            }
        } else {
            for (AttributeReference a : data) {
                Integer at = index.get(key(a.name()));
                if (at == null) {
                    throw extraColumns(table, a.name());
                }
                if (values[at] != null) {
                    throw columnAlreadyExists(a.name());
                }
                values[at] = a;
            }
        }
        List<Expression> projected = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            StructField f = tableColumns.get(i);
            Expression v = values[i] == null ? new Literal(null, f.dataType()) : values[i];
            projected.add(new Alias(v, f.name()));
        }
        return new Project(projected, query);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static AnalysisException columnAlreadyExists(String column) {
        String q = CatalogErrors.quoted(List.of(column));
        return new AnalysisException("COLUMN_ALREADY_EXISTS", "The column " + q
                + " already exists. Choose another name or rename the existing column.", Map.of("columnName", q));
    }

    private static AnalysisException extraColumns(CatalogTable table, String column) {
        String t = CatalogErrors.quoted(table.qualifiedName());
        String c = CatalogErrors.quoted(List.of(column));
        return new AnalysisException("INCOMPATIBLE_DATA_FOR_TABLE.EXTRA_COLUMNS", "Cannot write incompatible data for"
                + " the table " + t + ": Cannot write extra columns " + c + ".", Map.of("tableName", t, "extraColumns", c));
    }
}
