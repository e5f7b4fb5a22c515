package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The buffered side's rows of one key group in a sort-merge join, as segments (row ranges) of
 * the input batches, so a group inside one batch costs no copy. Rows are held under the
 * task's execution memory; when the memory manager grants no more, everything buffered so far
 * and every later row goes to a spill file, which is read again for each streamed batch that
 * joins the group. What stays in memory per group regardless of its size is one matched flag
 * per row (for outer joins that emit unmatched buffered rows). Not thread-safe; one per join,
 * {@link #clear cleared} between groups.
 */
final class JoinGroupBuffer extends MemoryConsumer {
    private final List<DataType> types;
    private final List<Segment> segments = new ArrayList<>();
    private SpillFile spill;
    private long bytes;
    private int rows;
    private boolean[] matched;

    JoinGroupBuffer(TaskMemory memory, List<DataType> types, boolean trackMatches) {
        super(memory);
        this.types = types;
        this.matched = trackMatches ? new boolean[16] : null;
    }

    /** Rows {@code [start, start + len)} of a batch. */
    record Segment(ColumnBatch batch, int start, int len) {}

    /**
     * Rows {@code [start, start + len)} of {@code b}, whose rows take {@code rowBytes} each (the
     * caller measures a batch once: groups are small and many per batch, and a string column's
     * size is a pass over its values).
     */
    void add(ColumnBatch b, int start, int len, long rowBytes) {
        if (len == 0) {
            return;
        }
        rows += len;
        if (matched != null && matched.length < rows) {
            matched = Arrays.copyOf(matched, Math.max(rows, matched.length * 2));
        }
        if (spill != null) {
            spill.write(VectorOps.slice(b, start, len));
            return;
        }
        segments.add(new Segment(b, start, len));
        bytes += rowBytes * len + 16;
        if (!fits(bytes)) {
            spill = new SpillFile(memory, types);
            for (Segment x : segments) {
                spill.write(VectorOps.slice(x.batch, x.start, x.len));
            }
            segments.clear();
            bytes = 0;
            releaseAll();
        }
    }

    int rows() {
        return rows;
    }

    boolean spilled() {
        return spill != null;
    }

    /** The group's rows in the order added; may be called any number of times. */
    Iterator<Segment> segments() {
        if (spill == null) {
            return segments.iterator();
        }
        Iterator<ColumnBatch> it = spill.readAgain();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Segment next() {
                ColumnBatch b = it.next();
                return new Segment(b, 0, b.numRows());
            }
        };
    }

    /** Records that the row at {@code offset} (counted over all batches in order) found a match. */
    void markMatched(int offset) {
        matched[offset] = true;
    }

    boolean isMatched(int offset) {
        return matched[offset];
    }

    /**
     * Empties the buffer for the next group, keeping the memory granted so far: a join reads
     * one group per key, and asking the memory manager (a lock) twice per key cost more than
     * the join's own work on small groups.
     */
    void clear() {
        if (spill != null) {
            spill.delete();
            spill = null;
        }
        segments.clear();
        if (matched != null) {
            Arrays.fill(matched, 0, Math.min(rows, matched.length), false);
        }
        rows = 0;
        bytes = 0;
    }

    /** Frees the memory and the spill file. */
    void close() {
        if (spill != null) {
            spill.delete();
            spill = null;
        }
        segments.clear();
        releaseAll();
    }
}
