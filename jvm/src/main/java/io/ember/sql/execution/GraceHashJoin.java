package io.ember.sql.execution;

import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * One partition of a shuffled hash join, building on the right side. The build rows are held
 * under the task's execution memory; if they outgrow what the memory manager grants, both
 * sides are split into {@value #BUCKETS} spill files by a hash of the join key and joined
 * bucket by bucket (equal keys share a bucket, so every join type stays correct). Not
 * thread-safe; one per task.
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

    Iterator<ColumnBatch> join(Iterator<ColumnBatch> left, Iterator<ColumnBatch> right) {
        List<ColumnBatch> build = new ArrayList<>();
        long bytes = 0;
        while (right.hasNext()) {
            ColumnBatch b = right.next();
            build.add(b);
            bytes += b.sizeInBytes();
            if (!fits(bytes * 3)) {
                return bucketed(left, build, right);
            }
        }
        HashedRelation rel = HashedRelation.build(build, rightTypes, rightKeys);
        return release(new HashJoiner(type, JoinSide.RIGHT, rel, leftKeys, condition, leftTypes).join(left));
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

    private Iterator<ColumnBatch> bucketed(Iterator<ColumnBatch> left, List<ColumnBatch> buffered,
                                           Iterator<ColumnBatch> rightRest) {
        SpillFile[] rightBuckets = new SpillFile[BUCKETS];
        for (ColumnBatch b : buffered) {
            scatter(b, rightKeys, rightTypes, rightBuckets);
        }
        buffered.clear();
        releaseAll();
        rightRest.forEachRemaining(b -> scatter(b, rightKeys, rightTypes, rightBuckets));
        SpillFile[] leftBuckets = new SpillFile[BUCKETS];
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

    private Iterator<ColumnBatch> joinBucket(SpillFile l, SpillFile r) {
        List<ColumnBatch> build = new ArrayList<>();
        if (r != null) {
            r.read().forEachRemaining(build::add);
        }
        Iterator<ColumnBatch> stream = l == null ? Collections.emptyIterator() : l.read();
        HashedRelation rel = HashedRelation.build(build, rightTypes, rightKeys);
        return new HashJoiner(type, JoinSide.RIGHT, rel, leftKeys, condition, leftTypes).join(stream);
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
