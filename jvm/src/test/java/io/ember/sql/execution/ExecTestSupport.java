package io.ember.sql.execution;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A local[2] context per test class and helpers to build batches and read rows back. */
abstract class ExecTestSupport {
    static EmberContext ec;
    static ExecutionContext ctx;

    static void start(String name, String... settings) {
        EmberConf conf = new EmberConf(false).setMaster("local[2]").setAppName(name)
                .set("ember.ui.showConsoleProgress", "false");
        for (int i = 0; i < settings.length; i += 2) {
            conf.set(settings[i], settings[i + 1]);
        }
        ec = new EmberContext(conf);
        ctx = new ExecutionContext(ec, new SqlConf());
    }

    static void stop() {
        ec.stop();
    }

    static AttributeReference attr(String name, DataType t) {
        return new AttributeReference(name, t, true);
    }

    /** Rows (lists of internal values) as batches of at most {@code perBatch} rows. */
    static List<ColumnBatch> batches(List<DataType> types, List<List<Object>> rows, int perBatch) {
        List<ColumnBatch> out = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += perBatch) {
            int n = Math.min(perBatch, rows.size() - from);
            ColumnVector[] cols = new ColumnVector[types.size()];
            for (int c = 0; c < cols.length; c++) {
                cols[c] = ColumnVectors.allocate(types.get(c), n);
                for (int r = 0; r < n; r++) {
                    ColumnVectors.set(cols[c], r, rows.get(from + r).get(c));
                }
            }
            out.add(new ColumnBatch(cols, n));
        }
        return out;
    }

    static List<List<Object>> rows(List<ColumnBatch> batches) {
        List<List<Object>> out = new ArrayList<>();
        for (ColumnBatch b : batches) {
            for (int r = 0; r < b.numRows(); r++) {
                Object[] row = new Object[b.numColumns()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = b.column(c).get(r);
                }
                out.add(Arrays.asList(row));
            }
        }
        return out;
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
