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
 * and hands the shuffle writer {@code (partition, encoded batch)} pairs. Each column of a batch
 * is copied once, in one pass over its rows, straight into its partitions' arrays (a {@link
 * ColumnScatter} per column); a partition is encoded from those arrays when it reaches {@link
 * ColumnBatch#DEFAULT_ROWS} rows (so that many partitions still get full-size batches) or when
 * all partitions together hold too many rows. Single-threaded (one map task).
 */
final class ExchangeWriter implements Iterator<Tuple2<Integer, byte[]>> {
    private static final long MAX_PENDING_ROWS = 1 << 18;

    private final Iterator<ColumnBatch> input;
    private final PartitionRouter router;
    private final List<DataType> types;
    /** Per column, every partition's rows; created from the first batch's vector classes. */
    private ColumnScatter[] columns;
    /** Rows each partition holds. */
    private final int[] held;
    private final int[] counts;
    private final int[] scratch;
    private final ArrayDeque<Tuple2<Integer, byte[]>> ready = new ArrayDeque<>();
    private long totalPending;
    private int[] pids = new int[0];
    private boolean flushed;
    /** Where partitions are encoded, reused (its buffer grows to the largest batch written). */
    private final ByteSink sink = new ByteSink(1 << 16);
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
        this.types = List.copyOf(types);
        this.held = new int[numPartitions];
        this.counts = new int[numPartitions];
        this.scratch = new int[numPartitions];
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty()) {
            if (input.hasNext()) {
                route(input.next());
            } else if (!flushed) {
                flushed = true;
                flushAll();
                columns = null;   // the arrays are not needed any more
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
        int parts = held.length;
        java.util.Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            counts[pids[i]]++;
        }
        int only = pids[0];
        if (counts[only] == n && held[only] == 0 && n >= ColumnBatch.DEFAULT_ROWS) {
            byte[] encoded = BatchCodec.encode(b);   // a full batch for one partition: encoded as it is, no copy
            dataSize.add(encoded.length);
            ready.add(new Tuple2<>(only, encoded));
            return;
        }
        if (columns == null) {
            columns = new ColumnScatter[types.size()];
        }
        for (int c = 0; c < columns.length; c++) {
            ColumnVector v = b.column(c);
            if (columns[c] == null) {
                columns[c] = ColumnScatter.forVector(types.get(c), v, parts);
            } else if (!columns[c].accepts(v)) {
                columns[c] = GatheredColumnScatter.from(columns[c], types.get(c), held);
            }
            columns[c].scatter(v, pids, n, held, counts, scratch);
        }
        for (int p = 0; p < parts; p++) {
            if (counts[p] == 0) {
                continue;
            }
            held[p] += counts[p];
            totalPending += counts[p];
            if (held[p] >= ColumnBatch.DEFAULT_ROWS) {
                flush(p);
            }
        }
        if (totalPending > MAX_PENDING_ROWS) {
            flushAll();   // the arrays stay for the next rows: they would only grow back
        }
    }

    private void flushAll() {
        for (int p = 0; p < held.length; p++) {
            flush(p);
        }
    }

    /** Encodes partition p's held rows as one batch and hands it on. */
    private void flush(int p) {
        int rows = held[p];
        if (rows == 0) {
            return;
        }
        ByteSink out = sink;
        out.clear();
        BatchCodec.writeHeader(out, rows, types.size());
        if (columns != null) {
            for (ColumnScatter c : columns) {
                c.write(out, p, rows);
            }
        }
        byte[] encoded = out.toByteArray();
        dataSize.add(encoded.length);
        ready.add(new Tuple2<>(p, encoded));
        totalPending -= rows;
        held[p] = 0;
    }
}
