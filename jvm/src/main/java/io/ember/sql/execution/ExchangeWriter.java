package io.ember.sql.execution;

import io.ember.core.Tuple2;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The map side of an exchange: routes each row of the input batches to its target partition
 * and hands the shuffle writer {@code (partition, encoded batch)} pairs. Rows are copied once,
 * column by column, straight into their partition's {@link PartitionBuffer}, which is encoded
 * when it reaches {@link ColumnBatch#DEFAULT_ROWS} rows (so that many partitions still get
 * full-size batches) or when all partitions together hold too many rows. Single-threaded (one
 * map task).
 */
final class ExchangeWriter implements Iterator<Tuple2<Integer, byte[]>> {
    private static final long MAX_PENDING_ROWS = 1 << 18;

    private final Iterator<ColumnBatch> input;
    private final PartitionRouter router;
    private final PartitionBuffer[] buffers;
    private final ArrayDeque<Tuple2<Integer, byte[]>> ready = new ArrayDeque<>();
    private long totalPending;
    private int[] pids = new int[0];
    private int[] order = new int[0];
    private final int[] starts;
    private boolean flushed;
    /** Sums the encoded bytes handed to the shuffle (the exchange's {@code data size}). */
    private final io.ember.sql.execution.metric.SqlMetric dataSize;

    ExchangeWriter(Iterator<ColumnBatch> input, PartitionRouter router, int numPartitions, List<DataType> types) {
        this(input, router, numPartitions, types, io.ember.sql.execution.metric.NodeMetrics.NONE
                .get(io.ember.sql.execution.metric.MetricDef.DATA_SIZE));
    }

    ExchangeWriter(Iterator<ColumnBatch> input, PartitionRouter router, int numPartitions, List<DataType> types,
                   io.ember.sql.execution.metric.SqlMetric dataSize) {
        this.dataSize = dataSize;
        this.input = input;
        this.router = router;
        this.buffers = new PartitionBuffer[numPartitions];
        List<DataType> schema = List.copyOf(types);
        for (int i = 0; i < numPartitions; i++) {
            buffers[i] = new PartitionBuffer(schema);
        }
        this.starts = new int[numPartitions + 1];
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty()) {
            if (input.hasNext()) {
                route(input.next());
            } else if (!flushed) {
                flushed = true;
                for (int p = 0; p < buffers.length; p++) {
                    flush(p, true);
                }
            } else {
                return false;
            }
        }
        return true;
    }

    @Override
    public Tuple2<Integer, byte[]> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    private void route(ColumnBatch b) {
        int n = b.numRows();
        if (n == 0) {
            return;
        }
        if (pids.length < n) {
            pids = new int[n];
            order = new int[n];
        }
        router.route(b, pids);
        sortByPartition(n);
        int only = pids[0];
        if (starts[only + 1] - starts[only] == n && buffers[only].rows() == 0 && n >= ColumnBatch.DEFAULT_ROWS) {
            byte[] encoded = BatchCodec.encode(b);   // a full batch for one partition: encoded as it is, no copy
            dataSize.add(encoded.length);
            ready.add(new Tuple2<>(only, encoded));
            return;
        }
        int parts = buffers.length;
        for (int c = 0; c < b.numColumns(); c++) {
            ColumnVector v = b.column(c);
            for (int p = 0; p < parts; p++) {
                if (starts[p + 1] > starts[p]) {
                    buffers[p].append(c, v, order, starts[p], starts[p + 1]);
                }
            }
        }
        for (int p = 0; p < parts; p++) {
            int len = starts[p + 1] - starts[p];
            if (len == 0) {
                continue;
            }
            buffers[p].added(len);
            totalPending += len;
            if (buffers[p].rows() >= ColumnBatch.DEFAULT_ROWS) {
                flush(p, false);
            }
        }
        if (totalPending > MAX_PENDING_ROWS) {
            for (int p = 0; p < parts; p++) {
                flush(p, false);   // the arrays stay for the next rows: they would only grow back
            }
        }
    }

    /** A counting sort of rows by target partition: {@code order[starts[p]..starts[p+1])} are partition p's rows, in input order. */
    private void sortByPartition(int n) {
        int parts = buffers.length;
        java.util.Arrays.fill(starts, 0);
        for (int i = 0; i < n; i++) {
            starts[pids[i] + 1]++;
        }
        for (int p = 0; p < parts; p++) {
            starts[p + 1] += starts[p];
        }
        int[] pos = java.util.Arrays.copyOf(starts, parts);
        for (int i = 0; i < n; i++) {
            order[pos[pids[i]]++] = i;
        }
    }

    /** Encodes partition p's held rows; {@code release} also frees its arrays (at the end of the input). */
    private void flush(int p, boolean release) {
        int rows = buffers[p].rows();
        if (rows == 0) {
            return;
        }
        byte[] encoded = buffers[p].encode(release);
        dataSize.add(encoded.length);
        ready.add(new Tuple2<>(p, encoded));
        totalPending -= rows;
    }
}
