package io.ember.core;

/**
 * What the driver cleans up once the object that owned it is no longer referenced: the typed
 * id of an RDD's cached blocks, a shuffle's map outputs, or a broadcast's copies.
 */
public sealed interface CleanupTask {
    /** The cached blocks of RDD {@code rddId}, on every executor. */
    record CleanRdd(int rddId) implements CleanupTask {}

    /** The map outputs of shuffle {@code shuffleId} ({@code numMaps} map tasks): files and tracker entries. */
    record CleanShuffle(int shuffleId, int numMaps) implements CleanupTask {}

    /** The driver's value and every executor's copy of broadcast {@code broadcastId}. */
    record CleanBroadcast(long broadcastId) implements CleanupTask {}
}
