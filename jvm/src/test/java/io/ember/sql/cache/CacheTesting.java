package io.ember.sql.cache;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.core.LongAccumulator;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.ArrayList;
import java.util.List;

/** A local[2] context per test class, a source double with counted reads, and row helpers. */
abstract class CacheTesting {
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

    final LongAccumulator reads = ec.longAccumulator("source reads");
    final AttributeReference k = new AttributeReference("k", DataTypes.IntegerType, true);
    final AttributeReference s = new AttributeReference("s", DataTypes.StringType, true);
    final AttributeReference v = new AttributeReference("v", DataTypes.LongType, true);

    /** Rows (i / 100, "s" + i % 3 [+ pad], i) for i in [0, n), in batches of {@code perBatch}. */
    TestingSource source(int n, int perBatch, int partitions, String pad) {
        List<DataType> types = List.of(DataTypes.IntegerType, DataTypes.StringType, DataTypes.LongType);
        List<ColumnBatch> batches = new ArrayList<>();
        for (int from = 0; from < n; from += perBatch) {
            int len = Math.min(perBatch, n - from);
            ColumnVector[] cols = new ColumnVector[3];
            for (int c = 0; c < 3; c++) {
                cols[c] = ColumnVectors.allocate(types.get(c), len);
            }
            for (int r = 0; r < len; r++) {
                int i = from + r;
                ColumnVectors.set(cols[0], r, i / 100);
                ColumnVectors.set(cols[1], r, pad.isEmpty() ? "s" + i % 3 : pad + i);
                ColumnVectors.set(cols[2], r, (long) i);
            }
            batches.add(new ColumnBatch(cols, len));
        }
        return new TestingSource(List.of(k, s, v), batches, partitions, reads);
    }

    static List<List<Object>> collect(SparkPlan plan) {
        return rows(plan.executeCollect(ctx));
    }

    static List<List<Object>> collect(CacheManager cm, LogicalPlan plan) {
        return collect(TestPlanner.plan(cm.useCachedData(plan)));
    }

    static List<List<Object>> rows(List<ColumnBatch> batches) {
        List<List<Object>> out = new ArrayList<>();
        for (ColumnBatch b : batches) {
            for (int r = 0; r < b.numRows(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < b.numColumns(); c++) {
                    row.add(b.column(c).get(r));
                }
                out.add(row);
            }
        }
        return out;
    }
}
