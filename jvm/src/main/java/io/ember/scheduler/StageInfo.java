package io.ember.scheduler;

/** A snapshot of a stage for listeners and the progress bar. */
public record StageInfo(int stageId, int attempt, String name, int numTasks, int jobId) {}
