package io.ember.rdd;

import io.ember.core.Partition;
import io.ember.core.Partitioner;
import io.ember.core.Tuple2;
import io.ember.shuffle.Aggregator;
import io.ember.shuffle.ExternalAppendOnlyMap;
import io.ember.shuffle.ShuffleReader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Groups the values of several pair RDDs by key: each key maps to one list per parent.
 * Parents already partitioned like the result are read narrowly; others through a shuffle.
 * The grouping spills to disk when it outgrows its memory.
 */
public final class CoGroupedRDD<K> extends RDD<Tuple2<K, List<List<Object>>>> {
    record CoGroupPartition(int index, Partition[] narrowParents) implements Partition {}

    /** A value tagged with the index of the parent it came from. */
    record Tagged(int side, Object value) implements Serializable {}

    private final Partitioner part;
    private final int numSides;

    public CoGroupedRDD(List<RDD<? extends Tuple2<K, ?>>> parents, Partitioner part) {
        super(parents.get(0).context(), deps(parents, part));
        this.part = part;
        this.numSides = parents.size();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <K> List<Dependency<?>> deps(List<RDD<? extends Tuple2<K, ?>>> parents, Partitioner part) {
        List<Dependency<?>> deps = new ArrayList<>();
        for (RDD<? extends Tuple2<K, ?>> p : parents) {
            if (p.partitioner().equals(Optional.of(part))) {
                deps.add(new OneToOneDependency<>(p));
            } else {
                deps.add(new ShuffleDependency(p, part, null, false, null));
            }
        }
        return deps;
    }

    @Override
    protected Partition[] computePartitions() {
        Partition[] parts = new Partition[part.numPartitions()];
        for (int i = 0; i < parts.length; i++) {
            Partition[] narrow = new Partition[dependencies().size()];
            for (int d = 0; d < narrow.length; d++) {
                if (dependencies().get(d) instanceof OneToOneDependency<?> o) {
                    narrow[d] = o.rdd().partitions()[i];
                }
            }
            parts[i] = new CoGroupPartition(i, narrow);
        }
        return parts;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Iterator<Tuple2<K, List<List<Object>>>> compute(Partition split, TaskContext ctx) {
        CoGroupPartition cp = (CoGroupPartition) split;
        int sides = numSides;
        Aggregator<Object, Object> agg = new Aggregator<>(
                t -> {
                    List<List<Object>> lists = newLists(sides);
                    lists.get(((Tagged) t).side()).add(((Tagged) t).value());
                    return lists;
                },
                (c, t) -> {
                    ((List<List<Object>>) c).get(((Tagged) t).side()).add(((Tagged) t).value());
                    return c;
                },
                (a, b) -> {
                    List<List<Object>> la = (List<List<Object>>) a;
                    List<List<Object>> lb = (List<List<Object>>) b;
                    for (int i = 0; i < la.size(); i++) {
                        la.get(i).addAll(lb.get(i));
                    }
                    return la;
                });
        ExternalAppendOnlyMap map = new ExternalAppendOnlyMap(ctx.shuffleEnv(), agg, false);
        for (int d = 0; d < dependencies().size(); d++) {
            int side = d;
            Dependency<?> dep = dependencies().get(d);
            Iterator<? extends Tuple2<?, ?>> records = dep instanceof ShuffleDependency<?, ?, ?> s
                    ? ShuffleReader.read(ctx.shuffleEnv(), s.handle(), split.index())
                    : ((RDD<Tuple2<?, ?>>) dep.rdd()).iterator(cp.narrowParents()[d], ctx);
            map.insertAll(Iterators.map((Iterator<Tuple2<?, ?>>) records,
                    t -> new Tuple2<>(t._1(), new Tagged(side, t._2()))));
        }
        return (Iterator) map.iterator();
    }

    private static List<List<Object>> newLists(int n) {
        List<List<Object>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    @Override
    public Optional<Partitioner> partitioner() {
        return Optional.of(part);
    }
}
