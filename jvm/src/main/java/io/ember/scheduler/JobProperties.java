package io.ember.scheduler;

/** Names of the per-thread job properties the scheduler reads. */
public final class JobProperties {
    public static final String JOB_GROUP = "ember.jobGroup.id";
    public static final String JOB_DESCRIPTION = "ember.job.description";
    public static final String INTERRUPT_ON_CANCEL = "ember.job.interruptOnCancel";

    private JobProperties() {}
}
