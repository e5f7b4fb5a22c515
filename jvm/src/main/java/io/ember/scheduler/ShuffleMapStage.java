package io.ember.scheduler;

import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.shuffle.MapOutputTracker;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A stage whose tasks write shuffle output for a later stage. Shared by the jobs active at
 * once; a later job makes a new stage, which skips the map outputs already registered.
 */
final class ShuffleMapStage extends Stage {
    final ShuffleDependency<?, ?, ?> dependency;
    /**
     * Map partitions whose accumulator updates have been merged. Each partition's updates count
     * once for the life of the stage: a duplicated or late completion, or a re-run after its
     * output was lost, computes the same partition again and is not counted again.
     */
    final Set<Integer> accumulatedPartitions = new HashSet<>();
    private final MapOutputTracker tracker;

    ShuffleMapStage(int id, RDD<?> rdd, List<Stage> parents, int firstJobId, ShuffleDependency<?, ?, ?> dependency,
                    MapOutputTracker tracker) {
        super(id, rdd, parents, firstJobId);
        this.dependency = dependency;
        this.tracker = tracker;
    }

    @Override
    int numTasks() {
        return rdd.partitions().length;
    }

    @Override
    List<Integer> missingPartitions() {
        return tracker.missingMaps(dependency.shuffleId());
    }

    boolean isAvailable() {
        return missingPartitions().isEmpty();
    }
}
