package io.ember.scheduler;

/** Free task slots on an executor. */
public record WorkerOffer(String executorId, String host, int cores) {}
