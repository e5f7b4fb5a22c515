package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Runs a job that brings partitions' batches to the driver, encoded with {@link BatchCodec}
 * in the tasks (compact task results) and decoded here.
 */
final class Collecting {
    private Collecting() {}

    /** The batches of {@code parts}, in order; each task stops after {@code limit} rows. */
    static List<ColumnBatch> collect(ExecutionContext ctx, RDD<ColumnBatch> rdd, int[] parts, int limit,
                                     List<DataType> types) {
        List<List<byte[]>> results = ctx.rdds().runJob(rdd, (task, it) -> encodeUpTo(it, limit), parts);
        List<ColumnBatch> out = new ArrayList<>();
        for (List<byte[]> part : results) {
            for (byte[] b : part) {
                out.add(BatchCodec.decode(b, types));
            }
        }
        return out;
    }

    private static List<byte[]> encodeUpTo(Iterator<ColumnBatch> it, int limit) {
        List<byte[]> out = new ArrayList<>();
        long rows = 0;
        while (rows < limit && it.hasNext()) {
            ColumnBatch b = it.next();
            if (b.numRows() == 0) {
                continue;
            }
            int keep = (int) Math.min(b.numRows(), limit - rows);
            out.add(BatchCodec.encode(VectorOps.slice(b, 0, keep)));
            rows += keep;
        }
        return out;
    }
}
