package io.ember.scheduler;

import java.util.Properties;

/** A running job: its final stage and which of its outputs are done. Event-thread owned. */
final class ActiveJob {
    final int jobId;
    final ResultStage finalStage;
    final JobListener listener;
    final Properties properties;
    final boolean[] finished;
    int numFinished;

    ActiveJob(int jobId, ResultStage finalStage, JobListener listener, Properties properties) {
        this.jobId = jobId;
        this.finalStage = finalStage;
        this.listener = listener;
        this.properties = properties;
        this.finished = new boolean[finalStage.partitions.length];
    }

    String group() {
        return properties == null ? null : properties.getProperty(JobProperties.JOB_GROUP);
    }
}
