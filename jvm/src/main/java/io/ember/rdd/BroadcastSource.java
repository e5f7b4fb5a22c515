package io.ember.rdd;

/** Where an executor gets a broadcast value it does not hold yet (the driver's copy). */
@FunctionalInterface
public interface BroadcastSource {
    /** The value; throws if the broadcast was destroyed. */
    Object fetch(long broadcastId);
}
