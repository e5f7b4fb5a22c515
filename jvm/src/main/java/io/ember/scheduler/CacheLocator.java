package io.ember.scheduler;

import java.util.List;

/** Tells the DAG scheduler which executors hold a cached RDD partition. */
@FunctionalInterface
public interface CacheLocator {
    CacheLocator NONE = (rddId, partition) -> List.of();

    List<String> executorsWith(int rddId, int partition);
}
