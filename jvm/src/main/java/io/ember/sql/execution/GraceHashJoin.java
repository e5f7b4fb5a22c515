package io.ember.sql.execution;

import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * One partition of a shuffled hash join, building on its smaller side. Both inputs are read a
 * batch at a time, always from the side read less so far (in bytes), until one side ends no
 * larger than what the other has shown: that side is hashed and the other streams through it
 * (its buffered batches first). So the table is never built on the bigger side, and the
 * bigger side is buffered only up to the smaller's size. Every join type builds either side
 * ({@link HashJoiner}; a left-built semi or anti join outputs its marked build rows at the
 * end). Buffered rows are held under the task's execution memory; if they outgrow what the
 * memory manager grants, both sides are split into {@value #BUCKETS} spill files by a hash of
 * the join key and joined bucket by bucket, each building its smaller file (equal keys share
 * a bucket, so every join type stays correct). Not thread-safe; one per task.
 */
final class GraceHashJoin extends MemoryConsumer {
    static final int BUCKETS = 16;

    private final JoinType type;
    private final Expression[] leftKeys;
    private final Expression[] rightKeys;
    private final Expression condition;
    private final List<DataType> leftTypes;
    private final List<DataType> rightTypes;
    private int spilledBuckets;
    private int leftBuilds;
    private int rightBuilds;

    GraceHashJoin(TaskMemory memory, JoinType type, Expression[] leftKeys, Expression[] rightKeys, Expression condition,
                  List<DataType> leftTypes, List<DataType> rightTypes) {
        super(memory);
        this.type = type;
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.condition = condition;
        this.leftTypes = leftTypes;
        this.rightTypes = rightTypes;
    }

    int spilledBuckets() {
        return spilledBuckets;
    }

    /** How many hash tables (one, or one per spilled bucket) were built on the left side so far. */
    int leftBuilds() {
        return leftBuilds;
    }

    /** How many hash tables were built on the right side so far. */
    int rightBuilds() {
        return rightBuilds;
    }

    Iterator<ColumnBatch> join(Iterator<ColumnBatch> left, Iterator<ColumnBatch> right) {
        ArrayDeque<ColumnBatch> lb = new ArrayDeque<>();
        ArrayDeque<ColumnBatch> rb = new ArrayDeque<>();
        long lBytes = 0, rBytes = 0;
        while (true) {
            boolean rightMore = right.hasNext();
            if (!rightMore && rBytes <= lBytes) {
                return release(joiner(JoinSide.RIGHT, new ArrayList<>(rb)).join(concat(lb, left)));
            }
            boolean leftMore = left.hasNext();
            if (!leftMore && lBytes < rBytes) {
                return release(joiner(JoinSide.LEFT, new ArrayList<>(lb)).join(concat(rb, right)));
            }
            if (rightMore && (rBytes <= lBytes || !leftMore)) {
                ColumnBatch b = right.next();
                rb.add(b);
                rBytes += b.sizeInBytes();
            } else {
                ColumnBatch b = left.next();
                lb.add(b);
                lBytes += b.sizeInBytes();
            }
            // the smaller side is built (about three times its batches); the other is only held
            if (!fits(2 * Math.min(lBytes, rBytes) + lBytes + rBytes)) {
                return bucketed(left, lb, right, rb);
            }
        }
    }

    /** A joiner over a table built from {@code batches} of side {@code build}, for the other side's stream. */
    private HashJoiner joiner(JoinSide build, List<ColumnBatch> batches) {
        if (build == JoinSide.LEFT) {
            leftBuilds++;
            return new HashJoiner(type, JoinSide.LEFT, HashedRelation.build(batches, leftTypes, leftKeys), rightKeys,
                    condition, rightTypes);
        }
        rightBuilds++;
        return new HashJoiner(type, JoinSide.RIGHT, HashedRelation.build(batches, rightTypes, rightKeys), leftKeys,
                condition, leftTypes);
    }

    /** The buffered batches (handed out and dropped one by one), then the rest of {@code rest}. */
    private static Iterator<ColumnBatch> concat(ArrayDeque<ColumnBatch> buffered, Iterator<ColumnBatch> rest) {
        return new BatchIterator() {
            @Override
            protected ColumnBatch advance() {
                ColumnBatch b = buffered.poll();
                return b != null ? b : rest.hasNext() ? rest.next() : null;
            }
        };
    }

    private Iterator<ColumnBatch> release(Iterator<ColumnBatch> it) {
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

    private Iterator<ColumnBatch> bucketed(Iterator<ColumnBatch> left, ArrayDeque<ColumnBatch> leftBuffered,
                                           Iterator<ColumnBatch> right, ArrayDeque<ColumnBatch> rightBuffered) {
        SpillFile[] rightBuckets = new SpillFile[BUCKETS];
        SpillFile[] leftBuckets = new SpillFile[BUCKETS];
        drain(rightBuffered, rightKeys, rightTypes, rightBuckets);
        drain(leftBuffered, leftKeys, leftTypes, leftBuckets);
        releaseAll();
        right.forEachRemaining(b -> scatter(b, rightKeys, rightTypes, rightBuckets));
        left.forEachRemaining(b -> scatter(b, leftKeys, leftTypes, leftBuckets));
        spilledBuckets = BUCKETS;
        return new BatchIterator() {
            int bucket;
            Iterator<ColumnBatch> current = Collections.emptyIterator();

            @Override
            protected ColumnBatch advance() {
                while (!current.hasNext()) {
                    if (bucket == BUCKETS) {
                        return null;
                    }
                    current = joinBucket(leftBuckets[bucket], rightBuckets[bucket]);
                    bucket++;
                }
                return current.next();
            }
        };
    }

    private void drain(ArrayDeque<ColumnBatch> buffered, Expression[] keys, List<DataType> types, SpillFile[] buckets) {
        for (ColumnBatch b = buffered.poll(); b != null; b = buffered.poll()) {
            scatter(b, keys, types, buckets);
        }
    }

    /** Joins one bucket pair, building the side with fewer spilled bytes (an empty side counts as none). */
    private Iterator<ColumnBatch> joinBucket(SpillFile l, SpillFile r) {
        long lBytes = l == null ? 0 : l.bytes();
        long rBytes = r == null ? 0 : r.bytes();
        JoinSide build = lBytes < rBytes ? JoinSide.LEFT : JoinSide.RIGHT;
        SpillFile buildFile = build == JoinSide.LEFT ? l : r;
        SpillFile streamFile = build == JoinSide.LEFT ? r : l;
        List<ColumnBatch> batches = new ArrayList<>();
        if (buildFile != null) {
            buildFile.read().forEachRemaining(batches::add);
        }
        Iterator<ColumnBatch> stream = streamFile == null ? Collections.emptyIterator() : streamFile.read();
        return joiner(build, batches).join(stream);
    }

    private void scatter(ColumnBatch b, Expression[] keys, List<DataType> types, SpillFile[] buckets) {
        int n = b.numRows();
        if (n == 0) {
            return;
        }
        ColumnVector[] k = new ColumnVector[keys.length];
        for (int i = 0; i < keys.length; i++) {
            k[i] = keys[i].eval(b);
        }
        int[] h = new int[n];
        RowHasher.hash(k, n, h);
        int[][] rows = new int[BUCKETS][n];
        int[] counts = new int[BUCKETS];
        for (int i = 0; i < n; i++) {
            int bucket = RowHasher.fmix(h[i] + 0x3c6ef372) & (BUCKETS - 1);
            rows[bucket][counts[bucket]++] = i;
        }
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            if (counts[bucket] > 0) {
                if (buckets[bucket] == null) {
                    buckets[bucket] = new SpillFile(memory, types);
                }
                buckets[bucket].write(VectorOps.gather(b, rows[bucket], counts[bucket]));
            }
        }
    }
}
