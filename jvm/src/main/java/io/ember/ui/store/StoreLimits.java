package io.ember.ui.store;

import io.ember.core.ConfigKeys;
import io.ember.core.EmberConf;

/**
 * How much finished work the store keeps (Spark's {@code spark.ui.retained*} and
 * {@code spark.sql.ui.retainedExecutions} settings and defaults).
 */
public record StoreLimits(int retainedJobs, int retainedStages, int retainedTasks, int retainedDeadExecutors,
                          int retainedExecutions) {
    public static final StoreLimits DEFAULT = new StoreLimits(1000, 1000, 100_000, 100, 1000);

    public StoreLimits(int retainedJobs, int retainedStages, int retainedTasks, int retainedDeadExecutors) {
        this(retainedJobs, retainedStages, retainedTasks, retainedDeadExecutors, 1000);
    }

    public static StoreLimits from(EmberConf conf) {
        return new StoreLimits(conf.getInt(ConfigKeys.UI_RETAINED_JOBS), conf.getInt(ConfigKeys.UI_RETAINED_STAGES),
                conf.getInt(ConfigKeys.UI_RETAINED_TASKS), conf.getInt(ConfigKeys.UI_RETAINED_DEAD_EXECUTORS),
                conf.getInt(ConfigKeys.SQL_UI_RETAINED_EXECUTIONS));
    }
}
