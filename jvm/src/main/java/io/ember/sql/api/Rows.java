package io.ember.sql.api;

import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Rows out of column batches, and {@code show()}'s table of them. */
final class Rows {
    private Rows() {}

    static List<Row> fromBatch(ColumnBatch batch, StructType schema) {
        List<Row> rows = new ArrayList<>(batch.numRows());
        for (int r = 0; r < batch.numRows(); r++) {
            Object[] values = new Object[schema.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = ExternalValues.toExternal(batch.column(c).get(r), schema.field(c).dataType());
            }
            rows.add(new Row(values, schema));
        }
        return rows;
    }

    /** {@code rows} holds up to {@code numRows + 1} rows; one more than shown means there are more. */
    static String showString(StructType schema, List<Row> rows, int numRows, int truncate, boolean vertical, String zone) {
        ShowStrings strings = new ShowStrings(ZoneId.of(zone));
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows.subList(0, Math.min(numRows, rows.size()))) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < schema.size(); c++) {
                StructField f = schema.field(c);
                line.add(strings.top(ExternalValues.toInternal(row.get(c), f.dataType()), f.dataType()));
            }
            cells.add(line);
        }
        return ShowTable.render(schema.fieldNames(), cells, rows.size() > numRows, numRows, truncate, vertical);
    }
}
