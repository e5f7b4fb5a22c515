package io.ember.rdd;

import io.ember.core.CleanupTask;
import io.ember.core.Partitioner;
import io.ember.core.Tuple2;
import io.ember.shuffle.Aggregator;
import io.ember.shuffle.ShuffleHandle;
import java.util.Comparator;

/**
 * A wide dependency: every child partition reads a slice of every parent partition, through
 * a shuffle. Stage boundaries fall here. The shuffle id is allocated when it is created, and
 * the shuffle's outputs are cleaned up once no RDD references this dependency any more.
 */
public final class ShuffleDependency<K, V, C> extends Dependency<Tuple2<K, V>> {
    /**
     * Driver only: a task reads the shuffle through its handle, so serializing a task's RDD
     * stops here instead of carrying the whole lineage before the shuffle (which grows every
     * round of an iterative job). Null in a deserialized copy.
     */
    private final transient RDD<Tuple2<K, V>> rdd;
    private final ShuffleHandle handle;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public ShuffleDependency(RDD<Tuple2<K, V>> rdd, Partitioner partitioner, Aggregator<V, C> aggregator,
                             boolean mapSideCombine, Comparator<K> keyOrdering) {
        this.rdd = rdd;
        this.handle = new ShuffleHandle(rdd.context().newShuffleId(), rdd.partitions().length, partitioner,
                (Aggregator) aggregator, mapSideCombine && aggregator != null, (Comparator) keyOrdering);
        rdd.context().registerForCleanup(this, new CleanupTask.CleanShuffle(handle.shuffleId(), handle.numMaps()));
    }

    @Override
    public RDD<Tuple2<K, V>> rdd() {
        return rdd;
    }

    public int shuffleId() {
        return handle.shuffleId();
    }

    public Partitioner partitioner() {
        return handle.partitioner();
    }

    public ShuffleHandle handle() {
        return handle;
    }
}
