package io.ember.sql.sources;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.rdd.ParallelCollectionRDD;
import io.ember.rdd.RDD;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A local[2] engine for source tests, and helpers to read relations and write rows. */
final class SourceTesting implements AutoCloseable {
    final EmberContext ec;
    final SqlConf conf;

    SourceTesting() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("sources-test"));
        conf = new SqlConf(Map.of(SqlConf.SESSION_TIME_ZONE, "UTC"));
    }

    LogicalPlan resolve(String format, String path, Map<String, String> options, StructType schema) {
        return DataSource.resolve(format, List.of(path), options, schema, conf);
    }

    SparkPlan scan(LogicalPlan relation, List<AttributeReference> columns, List<Expression> filters) {
        return ((FileSourceRelation) relation).planScan(columns, filters);
    }

    /** Every row of the plan, values as the vectors give them, in scan order. */
    List<List<Object>> rows(SparkPlan plan) {
        List<ColumnBatch> batches = plan.execute(new ExecutionContext(ec, conf)).collect();
        return toRows(batches);
    }

    List<List<Object>> readAll(String format, String path, Map<String, String> options, StructType schema) {
        LogicalPlan r = resolve(format, path, options, schema);
        return rows(scan(r, r.output(), List.of()));
    }

    static List<List<Object>> toRows(List<ColumnBatch> batches) {
        List<List<Object>> rows = new ArrayList<>();
        for (ColumnBatch b : batches) {
            for (int r = 0; r < b.numRows(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < b.numColumns(); c++) {
                    row.add(b.column(c).get(r));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** An RDD of {@code slices} batches holding {@code rows} (internal values) with the given columns. */
    RDD<ColumnBatch> batches(List<AttributeReference> columns, List<List<Object>> rows, int slices) {
        List<ColumnBatch> out = new ArrayList<>();
        int per = (rows.size() + slices - 1) / Math.max(1, slices);
        for (int s = 0; s < slices; s++) {
            List<List<Object>> part = rows.subList(Math.min(rows.size(), s * per), Math.min(rows.size(), (s + 1) * per));
            ColumnVector[] cols = new ColumnVector[columns.size()];
            for (int c = 0; c < cols.length; c++) {
                cols[c] = ColumnVectors.allocate(columns.get(c).dataType(), part.size());
                for (int r = 0; r < part.size(); r++) {
                    ColumnVectors.set(cols[c], r, part.get(r).get(c));
                }
            }
            out.add(new ColumnBatch(cols, part.size()));
        }
        return new ParallelCollectionRDD<>(ec, out, slices);
    }

    static Path write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Override
    public void close() {
        ec.stop();
    }
}
