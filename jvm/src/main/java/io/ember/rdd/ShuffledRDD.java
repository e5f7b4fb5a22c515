package io.ember.rdd;

import io.ember.core.Partition;
import io.ember.core.Partitioner;
import io.ember.core.Tuple2;
import io.ember.shuffle.Aggregator;
import io.ember.shuffle.ShuffleReader;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The reduce side of a shuffle: partition i holds the records the partitioner sent to i. */
public final class ShuffledRDD<K, V, C> extends RDD<Tuple2<K, C>> {
    record ShuffledPartition(int index) implements Partition {}

    private final Partitioner part;

    public ShuffledRDD(RDD<Tuple2<K, V>> parent, Partitioner part, Aggregator<V, C> aggregator, boolean mapSideCombine,
                       Comparator<K> keyOrdering) {
        super(parent.context(), List.of(new ShuffleDependency<>(parent, part, aggregator, mapSideCombine, keyOrdering)));
        this.part = part;
    }

    public ShuffledRDD(RDD<Tuple2<K, V>> parent, Partitioner part) {
        this(parent, part, null, false, null);
    }

    @Override
    protected Partition[] computePartitions() {
        Partition[] parts = new Partition[part.numPartitions()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new ShuffledPartition(i);
        }
        return parts;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Iterator<Tuple2<K, C>> compute(Partition split, TaskContext ctx) {
        ShuffleDependency<K, V, C> dep = (ShuffleDependency<K, V, C>) dependencies().get(0);
        return (Iterator) ShuffleReader.read(ctx.shuffleEnv(), dep.handle(), split.index());
    }

    @Override
    public Optional<Partitioner> partitioner() {
        return Optional.of(part);
    }
}
