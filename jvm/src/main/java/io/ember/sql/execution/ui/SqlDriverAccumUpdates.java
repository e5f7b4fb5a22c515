package io.ember.sql.execution.ui;

import io.ember.scheduler.ListenerEvent;
import java.util.Map;

/**
 * The summed values of a query run's operator metrics by accumulator id (Spark's
 * {@code SparkListenerDriverAccumUpdates}): posted when the run's jobs are done, before its
 * {@link SqlExecutionEnd}, so the UI and the event log hold the totals.
 */
public record SqlDriverAccumUpdates(long executionId, Map<Long, Long> values) implements ListenerEvent.Extension {
    public SqlDriverAccumUpdates {
        values = Map.copyOf(values);
    }
}
