package io.ember.python.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.rdd.ParallelCollectionRDD;
import io.ember.rdd.RDD;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Python rows into batches (createDataFrame(rdd)) and batches into Python rows (df.rdd), in tasks. */
class PythonRowsTest {
    static EmberContext ec;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("python-rows")
                .set("ember.ui.showConsoleProgress", "false"));
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    static ColumnBatch batch(long from, int n) {
        ColumnVector ids = ColumnVectors.allocate(DataTypes.LongType, n);
        ColumnVector names = ColumnVectors.allocate(DataTypes.StringType, n);
        for (int i = 0; i < n; i++) {
            ColumnVectors.set(ids, i, from + i);
            ColumnVectors.set(names, i, i % 3 == 0 ? null : "n" + (from + i));
        }
        return new ColumnBatch(new ColumnVector[] {ids, names}, n);
    }

    @Test
    void aScanOfPythonRowsUnpicklesInTasksAndKeepsTheRequiredColumns() throws IOException {
        List<byte[]> pickled = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            pickled.add(new BatchPickler().pickle(batch(b * 10L, 10), 0, 10));
        }
        RDD<byte[]> rdd = new ParallelCollectionRDD<>(ec, pickled, 2);
        AttributeReference id = new AttributeReference("id", DataTypes.LongType, true);
        AttributeReference name = new AttributeReference("name", DataTypes.StringType, true);
        PythonRowsRelation relation = new PythonRowsRelation(List.of(id, name), rdd);
        SparkPlan scan = relation.planScan(List.of(name), List.of());
        assertEquals(List.of(name), scan.output());
        List<ColumnBatch> out = scan.execute(new ExecutionContext(ec, new SqlConf())).collect();
        List<Object> names = new ArrayList<>();
        for (ColumnBatch b : out) {
            assertEquals(1, b.numColumns());
            for (int r = 0; r < b.numRows(); r++) {
                names.add(b.column(0).get(r));
            }
        }
        assertEquals(40, names.size());
        assertEquals(null, names.get(0));
        assertEquals("n1", names.get(1));
        assertEquals("n38", names.get(38));
        assertEquals(Long.MAX_VALUE, relation.stats().sizeInBytes());
    }

    @Test
    void batchesBecomeFramesOfAtMostFrameRowsInTheirPartitions() throws IOException {
        int big = PickledRows.FRAME_ROWS + 5;
        RDD<ColumnBatch> batches = new ParallelCollectionRDD<>(ec, List.of(batch(0, big), batch(big, 3)), 2);
        List<byte[]> frames = PickledRows.of(batches).collect();
        assertEquals(3, frames.size());
        long next = 0;
        RowUnpickler unpickler = new RowUnpickler();
        io.ember.sql.types.StructType schema = io.ember.sql.types.DdlParser.parseSchema("id bigint, name string");
        int[] sizes = new int[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            ColumnBatch b = unpickler.batch(frames.get(i), schema);
            sizes[i] = b.numRows();
            for (int r = 0; r < b.numRows(); r++) {
                assertEquals(next++, b.column(0).get(r));
            }
        }
        assertEquals(List.of(PickledRows.FRAME_ROWS, 5, 3), List.of(sizes[0], sizes[1], sizes[2]));
    }
}
