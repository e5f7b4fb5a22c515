package io.ember.scheduler;

/**
 * The task scheduler's roles as a {@link SchedulerBackend} uses them, handed to the backend
 * when the scheduler creates it (see {@link SchedulerBackend.Factory}), so neither needs the
 * other's concrete class and no object is wired after construction.
 */
public record SchedulerRoles(TaskOffers offers, TaskStatusSink statuses, ExecutorEvents executors) {}
