package io.ember.scheduler;

import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.shuffle.MapOutputTracker;
import java.util.List;

/**
 * A stage whose tasks write shuffle output for a later stage. Shared by the jobs active at
 * once; a later job makes a new stage, which skips the map outputs already registered.
 */
final class ShuffleMapStage extends Stage {
    final ShuffleDependency<?, ?, ?> dependency;
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
