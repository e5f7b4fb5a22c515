package io.ember.api;

import io.ember.scheduler.CleanupTarget;
import io.ember.scheduler.DAGScheduler;
import java.util.function.IntConsumer;

/**
 * The driver's {@link CleanupTarget}: cached blocks go the way of {@code unpersist}, broadcasts
 * the way of {@code destroy} (and their driver value too), and a shuffle is handed to the DAG
 * scheduler, whose event thread forgets it and then deletes its files on every executor.
 * Thread-safe (each step is).
 */
final class DriverCleanup implements CleanupTarget {
    /** Deletes a shuffle's map output files on every executor. */
    interface ShuffleFiles {
        void delete(int shuffleId, int numMaps);
    }

    private final IntConsumer unpersistRdd;
    private final DAGScheduler scheduler;
    private final ShuffleFiles shuffleFiles;
    private final BroadcastManager broadcasts;

    DriverCleanup(IntConsumer unpersistRdd, DAGScheduler scheduler, ShuffleFiles shuffleFiles,
                  BroadcastManager broadcasts) {
        this.unpersistRdd = unpersistRdd;
        this.scheduler = scheduler;
        this.shuffleFiles = shuffleFiles;
        this.broadcasts = broadcasts;
    }

    @Override
    public void removeRdd(int rddId) {
        unpersistRdd.accept(rddId);
    }

    @Override
    public void removeShuffle(int shuffleId, int numMaps) {
        scheduler.removeShuffle(shuffleId, () -> shuffleFiles.delete(shuffleId, numMaps));
    }

    @Override
    public void removeBroadcast(long broadcastId) {
        broadcasts.remove(broadcastId);
    }
}
