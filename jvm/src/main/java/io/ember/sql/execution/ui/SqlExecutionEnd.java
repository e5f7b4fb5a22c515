package io.ember.sql.execution.ui;

import io.ember.scheduler.ListenerEvent;

/**
 * A query run ended (Spark's {@code SparkListenerSQLExecutionEnd}); {@code errorMessage} is null
 * when it succeeded.
 */
public record SqlExecutionEnd(long executionId, long time, String errorMessage) implements ListenerEvent.Extension {}
