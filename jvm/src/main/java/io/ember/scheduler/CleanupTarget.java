package io.ember.scheduler;

/**
 * What the {@link ContextCleaner} asks to be removed once the driver no longer references the
 * owner. The driver implements it over its scheduler, block manager and executors; tests use
 * a recording double. Called on the cleaner's thread; implementations hand scheduler work to
 * the scheduler's own thread.
 */
public interface CleanupTarget {
    /** Drops the RDD's cached blocks on every executor. */
    void removeRdd(int rddId);

    /** Forgets the shuffle (stage, map-output entries) and deletes its map output files on every executor. */
    void removeShuffle(int shuffleId, int numMaps);

    /** Drops the broadcast's driver value and every executor's copy. */
    void removeBroadcast(long broadcastId);
}
