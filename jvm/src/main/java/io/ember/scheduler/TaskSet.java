package io.ember.scheduler;

import java.util.List;
import java.util.Properties;

/** The tasks of one attempt of one stage, submitted together to the task scheduler. */
public record TaskSet(List<Task> tasks, int stageId, int stageAttempt, int jobId, Properties properties) {
    public String id() {
        return stageId + "." + stageAttempt;
    }
}
