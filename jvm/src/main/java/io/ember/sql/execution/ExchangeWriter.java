package io.ember.sql.execution;

import io.ember.core.Tuple2;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The map side of an exchange: routes each row of the input batches to its target partition
 * and hands the shuffle writer {@code (partition, encoded batch)} pairs, accumulating rows per
 * partition until {@link ColumnBatch#DEFAULT_ROWS} so that many partitions still get
 * full-size batches. Single-threaded (one map task).
 */
final class ExchangeWriter implements Iterator<Tuple2<Integer, byte[]>> {
    private static final long MAX_PENDING_ROWS = 1 << 18;

    private final Iterator<ColumnBatch> input;
    private final PartitionRouter router;
    private final List<DataType> types;
    private final List<List<ColumnBatch>> pending = new ArrayList<>();
    private final int[] pendingRows;
    private final ArrayDeque<Tuple2<Integer, byte[]>> ready = new ArrayDeque<>();
    private long totalPending;
    private int[] pids = new int[0];
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
        this.types = types;
        this.pendingRows = new int[numPartitions];
        for (int i = 0; i < numPartitions; i++) {
            pending.add(new ArrayList<>());
        }
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty()) {
            if (input.hasNext()) {
                route(input.next());
            } else if (!flushed) {
                flushed = true;
                for (int p = 0; p < pendingRows.length; p++) {
                    flush(p);
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
        }
        router.route(b, pids);
        int parts = pendingRows.length;
        int[] counts = new int[parts + 1];
        for (int i = 0; i < n; i++) {
            counts[pids[i] + 1]++;
        }
        for (int p = 0; p < parts; p++) {
            counts[p + 1] += counts[p];
        }
        int[] order = new int[n];
        int[] pos = counts.clone();
        for (int i = 0; i < n; i++) {
            order[pos[pids[i]]++] = i;
        }
        for (int p = 0; p < parts; p++) {
            int len = counts[p + 1] - counts[p];
            if (len == 0) {
                continue;
            }
            ColumnBatch part;
            if (len == n) {
                part = b;
            } else {
                int[] rows = new int[len];
                System.arraycopy(order, counts[p], rows, 0, len);
                part = VectorOps.gather(b, rows, len);
            }
            pending.get(p).add(part);
            pendingRows[p] += len;
            totalPending += len;
            if (pendingRows[p] >= ColumnBatch.DEFAULT_ROWS) {
                flush(p);
            }
        }
        if (totalPending > MAX_PENDING_ROWS) {
            for (int p = 0; p < parts; p++) {
                flush(p);
            }
        }
    }

    private void flush(int p) {
        if (pendingRows[p] == 0) {
            return;
        }
        ColumnBatch all = VectorOps.concat(pending.get(p), types);
        byte[] encoded = BatchCodec.encode(all);
        dataSize.add(encoded.length);
        ready.add(new Tuple2<>(p, encoded));
        totalPending -= pendingRows[p];
        pendingRows[p] = 0;
        pending.get(p).clear();
    }
}
