package io.ember.sql.execution;

import io.ember.sql.expressions.AggregateState;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * One task's hash aggregation: a {@link GroupKeyTable} numbering the groups and one
 * {@link AggregateState} per function, fed raw rows ({@link #update}) or partial rows
 * ({@link #merge}). Its memory is accounted as execution memory; when the task can have no
 * more, the caller either flushes the partial rows downstream (a partial aggregate) or calls
 * {@link #spill}: the partial rows go to {@value #BUCKETS} files by a hash of the key, and at
 * the end each file is aggregated on its own (recursively, with a new hash seed, if it still
 * does not fit). Not thread-safe.
 */
final class AggregationBuffer extends MemoryConsumer {
    static final int BUCKETS = 16;
    private static final int MAX_LEVEL = 6;

    private final AggregateSpec spec;
    private final int level;
    private GroupKeyTable table;
    private AggregateState[] states;
    private SpillFile[] buckets;
    private int[] groupIds = new int[ColumnBatch.DEFAULT_ROWS];
    private int spills;

    AggregationBuffer(TaskMemory memory, AggregateSpec spec, int level) {
        super(memory);
        this.spec = spec;
        this.level = level;
        reset();
    }

    private void reset() {
        table = GroupKeyTable.create(spec.keyTypes());
        states = new AggregateState[spec.functions().length];
        for (int f = 0; f < states.length; f++) {
            states[f] = spec.functions()[f].newState(!spec.keyTypes().isEmpty());
        }
    }

    int numGroups() {
        return table.numGroups();
    }

    int spillCount() {
        return spills;
    }

    /** Folds raw input rows; returns false when the buffer no longer fits its memory. */
    boolean update(ColumnBatch batch) {
        int n = batch.numRows();
        ColumnBatch raw = spec.prepare(batch);
        int[] ids = ids(n);
        table.findOrInsert(spec.evalKeys(raw), n, ids);
        int groups = table.numGroups();
        for (int f = 0; f < states.length; f++) {
            states[f].update(ids, n, groups, spec.evalInputs(f, raw));
        }
        return fits(peakBytes());
    }

    /** Folds partial rows (keys, then state columns); returns false when over budget. */
    boolean merge(ColumnBatch partial) {
        int n = partial.numRows();
        int[] ids = ids(n);
        int k = spec.numKeys();
        table.findOrInsert(Arrays.copyOfRange(partial.columns(), 0, k), n, ids);
        int groups = table.numGroups();
        int col = k;
        for (int f = 0; f < states.length; f++) {
            int width = spec.functions()[f].stateTypes().size();
            states[f].merge(ids, n, groups, Arrays.copyOfRange(partial.columns(), col, col + width));
            col += width;
        }
        return fits(peakBytes());
    }

    private int[] ids(int n) {
        if (groupIds.length < n) {
            groupIds = new int[n];
        }
        return groupIds;
    }

    /**
     * What the next growth may hold at once: hash tables and state arrays grow by doubling,
     * and the old arrays live until the new ones are filled (three times their current size);
     * the key strings themselves are never copied.
     */
    private long peakBytes() {
        return sizeInBytes() + 2 * (sizeInBytes() - table.sizeInBytes() + table.growableBytes());
    }

    private long sizeInBytes() {
        long s = table.sizeInBytes();
        for (AggregateState st : states) {
            s += st.sizeInBytes();
        }
        return s;
    }

    /** True if spilling may help: false for a global aggregate or at the deepest recursion. */
    boolean canSpill() {
        return spec.numKeys() > 0 && level < MAX_LEVEL;
    }

    /** Moves every group's partial row to the bucket files and starts empty. */
    void spill() {
        if (buckets == null) {
            buckets = new SpillFile[BUCKETS];
        }
        List<DataType> types = spec.partialTypes();
        int[] hashes = new int[ColumnBatch.DEFAULT_ROWS];
        int[] bucketOf = new int[ColumnBatch.DEFAULT_ROWS];
        for (Iterator<ColumnBatch> it = drain(true); it.hasNext(); ) {
            ColumnBatch b = it.next();
            int n = b.numRows();
            RowHasher.hash(Arrays.copyOfRange(b.columns(), 0, spec.numKeys()), n, hashes);
            for (int i = 0; i < n; i++) {
                bucketOf[i] = RowHasher.fmix(hashes[i] + 0x61c88647 * (level + 1)) & (BUCKETS - 1);
            }
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                int[] rows = new int[n];
                int m = 0;
                for (int i = 0; i < n; i++) {
                    if (bucketOf[i] == bucket) {
                        rows[m++] = i;
                    }
                }
                if (m > 0) {
                    if (buckets[bucket] == null) {
                        buckets[bucket] = new SpillFile(memory, types);
                    }
                    buckets[bucket].write(VectorOps.gather(b, rows, m));
                }
            }
        }
        spills++;
        releaseAll();
    }

    /**
     * The current groups as batches (partial rows when {@code partial}, else keys and final
     * values), and an empty buffer afterwards. Groups are read from the states before reset.
     */
    Iterator<ColumnBatch> drain(boolean partial) {
        int groups = table.numGroups();
        GroupKeyTable t = table;
        List<ColumnVector> values = new ArrayList<>();
        for (AggregateState s : states) {
            if (partial) {
                values.addAll(Arrays.asList(s.partials(groups)));
            } else {
                values.add(s.result(groups));
            }
        }
        reset();
        List<ColumnBatch> out = new ArrayList<>();
        for (int from = 0; from < groups; from += ColumnBatch.DEFAULT_ROWS) {
            int to = Math.min(groups, from + ColumnBatch.DEFAULT_ROWS);
            ColumnVector[] keys = t.keys(from, to);
            ColumnVector[] cols = new ColumnVector[keys.length + values.size()];
            System.arraycopy(keys, 0, cols, 0, keys.length);
            for (int v = 0; v < values.size(); v++) {
                ColumnVector full = values.get(v);
                cols[keys.length + v] = from == 0 && to == groups ? full : VectorOps.gather(full, range(from, to), to - from);
            }
            out.add(new ColumnBatch(cols, to - from));
        }
        return out.iterator();
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** The partial rows of the groups so far, handed downstream; the buffer starts empty. */
    Iterator<ColumnBatch> flushPartial() {
        Iterator<ColumnBatch> out = drain(true);
        releaseAll();
        return out;
    }

    /** Final rows (keys, then values) of everything added, merging spilled buckets one at a time. */
    Iterator<ColumnBatch> finish() {
        if (buckets == null) {
            Iterator<ColumnBatch> out = drain(false);
            releaseAll();
            return out;
        }
        if (table.numGroups() > 0) {
            spill();
        }
        List<SpillFile> files = new ArrayList<>();
        for (SpillFile f : buckets) {
            if (f != null) {
                files.add(f);
            }
        }
        Iterator<SpillFile> pending = files.iterator();
        return new BatchIterator() {
            Iterator<ColumnBatch> current = Collections.emptyIterator();

            @Override
            protected ColumnBatch advance() {
                while (!current.hasNext()) {
                    if (!pending.hasNext()) {
                        return null;
                    }
                    current = aggregateBucket(pending.next());
                }
                return current.next();
            }
        };
    }

    private Iterator<ColumnBatch> aggregateBucket(SpillFile file) {
        AggregationBuffer sub = new AggregationBuffer(memory, spec, level + 1);
        for (Iterator<ColumnBatch> it = file.read(); it.hasNext(); ) {
            if (!sub.merge(it.next()) && sub.canSpill()) {
                sub.spill();
            }
        }
        spills += sub.spills;
        return sub.finish();
    }
}
