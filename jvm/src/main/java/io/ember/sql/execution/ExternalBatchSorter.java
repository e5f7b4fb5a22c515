package io.ember.sql.execution;

import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts a partition's batches by key expressions. Batches are buffered under the task's
 * execution memory; when the memory manager grants no more, the buffer is sorted and written
 * as a run to a spill file. The sorted output merges the runs and the in-memory rest. One per
 * task; not thread-safe.
 */
final class ExternalBatchSorter extends MemoryConsumer {
    private final Expression[] keys;
    private final KeyComparator order;
    private final List<DataType> types;
    private final List<ColumnBatch> buffer = new ArrayList<>();
    private final List<SpillFile> runs = new ArrayList<>();
    private long bufferedBytes;

    ExternalBatchSorter(TaskMemory memory, Expression[] keys, KeyComparator order, List<DataType> types) {
        super(memory);
        this.keys = keys;
        this.order = order;
        this.types = types;
    }

    void insert(ColumnBatch b) {
        if (b.numRows() == 0) {
            return;
        }
        buffer.add(b);
        bufferedBytes += b.sizeInBytes() + 4L * b.numRows();
        if (!fits(bufferedBytes * 2)) {
            spill();
        }
    }

    int spillCount() {
        return runs.size();
    }

    private void spill() {
        SpillFile run = new SpillFile(memory, types);
        Iterator<ColumnBatch> sorted = sortBuffer();
        while (sorted.hasNext()) {
            run.write(sorted.next());
        }
        run.finishWriting();
        runs.add(run);
        buffer.clear();
        bufferedBytes = 0;
        releaseAll();
    }

    private ColumnVector[] evalKeys(ColumnBatch b) {
        ColumnVector[] out = new ColumnVector[keys.length];
        for (int k = 0; k < keys.length; k++) {
            out[k] = keys[k].eval(b);
        }
        return out;
    }

    /** The buffered rows in order, as batches of the usual size. */
    private Iterator<ColumnBatch> sortBuffer() {
        if (buffer.isEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        ColumnBatch all = VectorOps.concat(List.copyOf(buffer), types);
        ColumnVector[] k = evalKeys(all);
        int n = all.numRows();
        int[] idx = KeySort.sort(k, order, n);
        return new BatchIterator() {
            int pos;

            @Override
            protected ColumnBatch advance() {
                if (pos >= n) {
                    return null;
                }
                int len = Math.min(ColumnBatch.DEFAULT_ROWS, n - pos);
                int[] rows = new int[len];
                System.arraycopy(idx, pos, rows, 0, len);
                pos += len;
                return VectorOps.gather(all, rows, len);
            }
        };
    }

    /** All inserted rows in order; call once, after the last insert. */
    Iterator<ColumnBatch> sorted() {
        Iterator<ColumnBatch> mem = sortBuffer();
        buffer.clear();
        if (runs.isEmpty()) {
            return withRelease(mem);
        }
        List<Iterator<ColumnBatch>> sources = new ArrayList<>();
        for (SpillFile r : runs) {
            sources.add(r.read());
        }
        sources.add(mem);
        return withRelease(merge(sources));
    }

    private Iterator<ColumnBatch> withRelease(Iterator<ColumnBatch> it) {
        return new BatchIterator() {
            @Override
            protected ColumnBatch advance() {
                if (it.hasNext()) {
                    return it.next();
                }
                releaseAll();
                return null;
            }
        };
    }

    /** A cursor over one sorted source: its current batch, key columns and row. */
    private final class Cursor {
        final Iterator<ColumnBatch> source;
        ColumnBatch batch;
        ColumnVector[] keyCols;
        int row;

        Cursor(Iterator<ColumnBatch> source) {
            this.source = source;
        }

        boolean advance() {
            row++;
            while (batch == null || row >= batch.numRows()) {
                if (!source.hasNext()) {
                    return false;
                }
                batch = source.next();
                keyCols = evalKeys(batch);
                row = 0;
            }
            return true;
        }
    }

    private Iterator<ColumnBatch> merge(List<Iterator<ColumnBatch>> sources) {
        PriorityQueue<Cursor> heads = new PriorityQueue<>((a, b) -> order.compare(a.keyCols, a.row, b.keyCols, b.row));
        for (Iterator<ColumnBatch> s : sources) {
            Cursor c = new Cursor(s);
            c.row = -1;
            if (c.advance()) {
                heads.add(c);
            }
        }
        BatchAppender out = new BatchAppender(types, ColumnBatch.DEFAULT_ROWS);
        return new BatchIterator() {
            @Override
            protected ColumnBatch advance() {
                while (!out.isFull() && !heads.isEmpty()) {
                    Cursor c = heads.poll();
                    out.append(c.batch, c.row);
                    if (c.advance()) {
                        heads.add(c);
                    }
                }
                return out.size() == 0 ? null : out.build();
            }
        };
    }
}
