package io.ember.sql.execution;

import io.ember.sql.vector.ColumnBatch;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator of batches defined by one method, {@link #advance()}, that returns the next
 * batch or null at the end; skips nothing (empty batches are the subclass's to avoid).
 * Single-threaded, as every partition iterator is.
 */
public abstract class BatchIterator implements Iterator<ColumnBatch> {
    private ColumnBatch next;
    private boolean done;

    /** The next batch, or null when there are no more. */
    protected abstract ColumnBatch advance();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = advance();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final ColumnBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ColumnBatch b = next;
        next = null;
        return b;
    }

    /** The non-empty batches of {@code it}. */
    public static Iterator<ColumnBatch> nonEmpty(Iterator<ColumnBatch> it) {
        return new BatchIterator() {
            @Override
            protected ColumnBatch advance() {
                while (it.hasNext()) {
                    ColumnBatch b = it.next();
                    if (b.numRows() > 0) {
                        return b;
                    }
                }
                return null;
            }
        };
    }
}
