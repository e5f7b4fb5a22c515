package io.ember.api;

/**
 * What the driver holds for running and finished work at one moment: the DAG scheduler's
 * stages, shuffle map stages and active jobs, the shuffles the map output tracker knows, the
 * blocks of the driver's block manager (the local executor's, in local mode), broadcast values,
 * and the owners the context cleaner tracks. A long-running application keeps these bounded.
 */
public record DriverFootprint(int stages, int shuffleStages, int activeJobs, int mapOutputShuffles, int blocks,
                              int broadcasts, int cleanerTracked) {}
