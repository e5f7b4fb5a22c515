package io.ember.scheduler;

import io.ember.rdd.RDD;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of tasks computing the same function over the partitions of one RDD, up to a shuffle
 * boundary. Owned by the DAG scheduler's event thread; not thread-safe.
 */
abstract class Stage {
    final int id;
    final RDD<?> rdd;
    final List<Stage> parents;
    final int firstJobId;
    final Set<Integer> jobIds = new HashSet<>();
    final Set<Integer> pendingPartitions = new HashSet<>();
    /** Attempts that ended in fetch failures, counted toward the consecutive-attempts limit. */
    final Set<Integer> failedAttempts = new HashSet<>();
    int latestAttempt = -1;

    Stage(int id, RDD<?> rdd, List<Stage> parents, int firstJobId) {
        this.id = id;
        this.rdd = rdd;
        this.parents = parents;
        this.firstJobId = firstJobId;
        jobIds.add(firstJobId);
    }

    abstract int numTasks();

    /** The partitions that still need computing. */
    abstract List<Integer> missingPartitions();

    String name() {
        return rdd.origin().isEmpty() ? rdd.getClass().getSimpleName() : rdd.origin();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " " + id + " (" + name() + ")";
    }
}
