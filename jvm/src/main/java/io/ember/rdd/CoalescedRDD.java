package io.ember.rdd;

import io.ember.core.Partition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** Merges adjacent parent partitions into fewer partitions without a shuffle. */
final class CoalescedRDD<T> extends RDD<T> {
    record CoalescedPartition(int index, Partition[] parents) implements Partition {}

    CoalescedRDD(RDD<T> parent, int numPartitions) {
        super(parent.context(), List.of(new NarrowDependency<T>(parent) {
            @Override
            public List<Integer> parents(int partitionId) {
                int n = parent.partitions().length;
                int target = Math.min(numPartitions, n);
                List<Integer> ids = new ArrayList<>();
                for (int i = (int) ((long) partitionId * n / target); i < (long) (partitionId + 1) * n / target; i++) {
                    ids.add(i);
                }
                return ids;
            }
        }));
    }

    @Override
    protected Partition[] computePartitions() {
        @SuppressWarnings("unchecked")
        NarrowDependency<T> dep = (NarrowDependency<T>) dependencies().get(0);
        Partition[] parentParts = dep.rdd().partitions();
        int target = Math.min(parentParts.length, Math.max(1, countTarget(dep, parentParts.length)));
        Partition[] parts = new Partition[target];
        for (int i = 0; i < target; i++) {
            List<Integer> ids = dep.parents(i);
            Partition[] ps = new Partition[ids.size()];
            for (int j = 0; j < ps.length; j++) {
                ps[j] = parentParts[ids.get(j)];
            }
            parts[i] = new CoalescedPartition(i, ps);
        }
        return parts;
    }

    private static <T> int countTarget(NarrowDependency<T> dep, int n) {
        int target = 0;
        int covered = 0;
        while (covered < n) {
            covered += dep.parents(target).size();
            target++;
        }
        return target;
    }

    @Override
    public Iterator<T> compute(Partition split, TaskContext ctx) {
        Partition[] parents = ((CoalescedPartition) split).parents();
        RDD<T> parent = firstParent();
        return new Iterator<>() {
            private int next;
            private Iterator<T> cur = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!cur.hasNext() && next < parents.length) {
                    cur = parent.iterator(parents[next++], ctx);
                }
                return cur.hasNext();
            }

            @Override
            public T next() {
                hasNext();
                return cur.next();
            }
        };
    }
}
