package io.ember.sql.execution.ui;

import io.ember.scheduler.ListenerEvent;

/**
 * A query run began (Spark's {@code SparkListenerSQLExecutionStart}): its id, the action's
 * description, details (the calling stack), the physical plan as text and as a tree, and the
 * time (epoch ms).
 */
public record SqlExecutionStart(long executionId, String description, String details,
                                String physicalPlanDescription, SparkPlanInfo sparkPlanInfo, long time)
        implements ListenerEvent.Extension {}
