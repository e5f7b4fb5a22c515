package io.ember.python.sql;

import io.ember.core.EmberException;
import io.ember.rdd.RDD;
import io.ember.sql.vector.ColumnBatch;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of column batches as Python reads them: pickled lists of row tuples (frames of at
 * most {@link #FRAME_ROWS} rows), computed in the tasks that produce the batches, so pickling
 * runs in parallel on the executors and the driver only streams bytes.
 */
final class PickledRows {
    /** Rows per pickled frame: big enough to amortize a frame, small enough to stream. */
    static final int FRAME_ROWS = 4096;

    private PickledRows() {}

    /** The batches of each partition of {@code batches}, pickled. */
    static RDD<byte[]> of(RDD<ColumnBatch> batches) {
        return batches.mapPartitions(PickledRows::frames, false);
    }

    /** One partition's batches as pickled frames, lazily. Single-threaded (one task). */
    static Iterator<byte[]> frames(Iterator<ColumnBatch> batches) {
        BatchPickler pickler = new BatchPickler();
        return new Iterator<>() {
            ColumnBatch current;
            int next;

            @Override
            public boolean hasNext() {
                while (current == null || next >= current.numRows()) {
                    if (!batches.hasNext()) {
                        return false;
                    }
                    current = batches.next();
                    next = 0;
                }
                return true;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int to = Math.min(current.numRows(), next + FRAME_ROWS);
                try {
                    byte[] frame = pickler.pickle(current, next, to);
                    next = to;
                    return frame;
                } catch (IOException e) {
                    throw new EmberException("Cannot pickle rows for Python: " + e, e);
                }
            }
        };
    }
}
