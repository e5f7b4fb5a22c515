package io.ember.shuffle;

/**
 * Where reduce tasks learn the map outputs of a shuffle: the driver's {@link MapOutputTracker}
 * in local mode, an RPC client of it on executor JVMs.
 */
public interface MapOutputSource {
    /** All map statuses of a shuffle; throws {@link FetchFailedException} naming a missing map. */
    MapStatus[] statuses(int shuffleId, int reduceId);

    /** Forgets what is cached for a shuffle after reading one of its outputs failed. */
    default void invalidate(int shuffleId) {}
}
