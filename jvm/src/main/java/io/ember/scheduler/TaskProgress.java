package io.ember.scheduler;

import java.io.Serializable;

/** A running task's metrics so far, as its executor reports them with each heartbeat. */
public record TaskProgress(long taskId, long runTimeMs, long cpuTimeMs) implements Serializable {}
