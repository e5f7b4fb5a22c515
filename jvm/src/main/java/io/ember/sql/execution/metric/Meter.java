package io.ember.sql.execution.metric;

import io.ember.sql.vector.ColumnBatch;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Task-side helpers that feed {@link SqlMetric}s from an operator's batch stream. Each wraps
 * one partition's iterator and is owned by that task's thread.
 */
public final class Meter {
    private Meter() {}

    /** Passes batches through, adding each one's row count to {@code rows}. */
    public static Iterator<ColumnBatch> countRows(SqlMetric rows, Iterator<ColumnBatch> in) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public ColumnBatch next() {
                ColumnBatch b = in.next();
                rows.add(b.numRows());
                return b;
            }
        };
    }

    /** Passes items through and runs {@code atEnd} once, when the stream is found exhausted. */
    public static <T> Iterator<T> onExhausted(Iterator<T> in, Runnable atEnd) {
        return new Iterator<>() {
            private boolean done;

            @Override
            public boolean hasNext() {
                boolean more = in.hasNext();
                if (!more && !done) {
                    done = true;
                    atEnd.run();
                }
                return more;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return in.next();
            }
        };
    }

    /**
     * Passes items through, adding to {@code millis} the time spent inside {@code in}'s
     * {@code hasNext}/{@code next} (so the operator's own work and what it pulls from its
     * children, as Spark's operator timings), once the stream is exhausted.
     */
    public static <T> Iterator<T> timed(SqlMetric millis, Iterator<T> in) {
        return new Iterator<>() {
            private long nanos;
            private boolean done;

            @Override
            public boolean hasNext() {
                long t0 = System.nanoTime();
                boolean more = in.hasNext();
                nanos += System.nanoTime() - t0;
                if (!more && !done) {
                    done = true;
                    millis.add(nanos / 1_000_000L);
                }
                return more;
            }

            @Override
            public T next() {
                long t0 = System.nanoTime();
                T item = in.next();
                nanos += System.nanoTime() - t0;
                return item;
            }
        };
    }

    /** Milliseconds since {@code startNanos} (a {@link System#nanoTime} reading). */
    public static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
