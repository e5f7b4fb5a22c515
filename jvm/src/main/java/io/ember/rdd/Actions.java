package io.ember.rdd;

import io.ember.core.HashPartitioner;
import io.ember.core.Tuple2;
import io.ember.core.function.Function2;
import io.ember.core.function.Functions;
import io.ember.core.function.SerializableComparator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/** The actions of {@link RDD} that take more than a few lines. */
final class Actions {
    private Actions() {}

    /** Scans a growing number of partitions until {@code num} elements are found. */
    static <T> List<T> take(RDD<T> rdd, int num) {
        List<T> buf = new ArrayList<>();
        int total = rdd.getNumPartitions();
        int scanned = 0;
        while (buf.size() < num && scanned < total) {
            int toScan = 1;
            if (scanned > 0) {
                toScan = buf.isEmpty() ? scanned * 4
                        : (int) Math.max(1, Math.min(scanned * 4L, 1.5 * num * scanned / buf.size() - scanned));
            }
            int end = Math.min(total, scanned + toScan);
            int[] parts = new int[end - scanned];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = scanned + i;
            }
            int left = num - buf.size();
            for (List<T> part : rdd.context().runJob(rdd, (ctx, it) -> takeFrom(it, left), parts)) {
                for (T x : part) {
                    if (buf.size() < num) {
                        buf.add(x);
                    }
                }
            }
            scanned = end;
        }
        return buf;
    }

    private static <T> List<T> takeFrom(Iterator<T> it, int n) {
        List<T> out = new ArrayList<>(Math.min(n, 1024));
        while (out.size() < n && it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    static <T> List<T> takeOrdered(RDD<T> rdd, int num, SerializableComparator<T> order) {
        if (num <= 0) {
            return List.of();
        }
        List<List<T>> parts = rdd.runJob((ctx, it) -> smallest(it, num, order));
        List<T> all = new ArrayList<>();
        parts.forEach(all::addAll);
        all.sort(order);
        return new ArrayList<>(all.subList(0, Math.min(num, all.size())));
    }

    private static <T> List<T> smallest(Iterator<T> it, int num, SerializableComparator<T> order) {
        PriorityQueue<T> heap = new PriorityQueue<>(num + 1, order.reversed());
        while (it.hasNext()) {
            heap.add(it.next());
            if (heap.size() > num) {
                heap.poll();
            }
        }
        return new ArrayList<>(heap);
    }

    static <T> Map<T, Long> countByValue(RDD<T> rdd) {
        List<Map<T, Long>> parts = rdd.runJob((ctx, it) -> {
            Map<T, Long> m = new HashMap<>();
            while (it.hasNext()) {
                m.merge(it.next(), 1L, Long::sum);
            }
            return m;
        });
        Map<T, Long> total = new HashMap<>();
        for (Map<T, Long> m : parts) {
            m.forEach((k, v) -> total.merge(k, v, Long::sum));
        }
        return total;
    }

    static <T> T treeReduce(RDD<T> rdd, Function2<T, T, T> f, int depth) {
        Function2<Tuple2<Boolean, T>, T, Tuple2<Boolean, T>> seq = (acc, x) ->
                acc._1() ? new Tuple2<>(true, f.call(acc._2(), x)) : new Tuple2<>(true, x);
        Function2<Tuple2<Boolean, T>, Tuple2<Boolean, T>, Tuple2<Boolean, T>> comb = (a, b) -> {
            if (!a._1()) {
                return b;
            }
            return b._1() ? new Tuple2<>(true, f.call(a._2(), b._2())) : a;
        };
        Tuple2<Boolean, T> r = treeAggregate(rdd, new Tuple2<>(false, null), seq, comb, depth);
        if (!r._1()) {
            throw new io.ember.core.EmberException("treeReduce() called on an empty RDD (RDD " + rdd.id() + ")");
        }
        return r._2();
    }

    /** Aggregates per partition, then combines partial results in a tree of shuffles. */
    static <T, U> U treeAggregate(RDD<T> rdd, U zero, Function2<U, T, U> seqOp, Function2<U, U, U> combOp, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("treeAggregate depth must be >= 1, got " + depth);
        }
        if (rdd.getNumPartitions() == 0) {
            return zero;
        }
        RDD<U> partial = rdd.mapPartitions(it -> List.of(Iterators.fold(it, zero, seqOp)).iterator());
        int numPartitions = partial.getNumPartitions();
        int scale = Math.max((int) Math.ceil(Math.pow(numPartitions, 1.0 / depth)), 2);
        while (numPartitions > scale + Math.ceil((double) numPartitions / scale)) {
            numPartitions /= scale;
            int cur = numPartitions;
            RDD<Tuple2<Integer, U>> keyed = partial.mapPartitionsWithIndex(
                    (i, it) -> Iterators.map(it, u -> new Tuple2<>(i % cur, u)), false);
            partial = new PairRDDFunctions<>(keyed).reduceByKey(combOp, new HashPartitioner(cur)).map(Tuple2::_2);
        }
        U acc = zero;
        for (U u : partial.collect()) {
            acc = Functions.apply(combOp, acc, u);
        }
        return acc;
    }

    static <T> Iterator<T> toLocalIterator(RDD<T> rdd) {
        int total = rdd.getNumPartitions();
        return new Iterator<>() {
            private int nextPartition;
            private Iterator<T> cur = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!cur.hasNext() && nextPartition < total) {
                    int p = nextPartition++;
                    cur = rdd.context().runJob(rdd, (ctx, it) -> Iterators.toList(it), new int[] {p}).get(0).iterator();
                }
                return cur.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return cur.next();
            }
        };
    }
}
