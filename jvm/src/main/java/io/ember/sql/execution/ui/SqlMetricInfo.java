package io.ember.sql.execution.ui;

/** A metric as a query's start event declares it (Spark's {@code SQLMetricInfo}). */
public record SqlMetricInfo(String name, long accumulatorId, String metricType) {}
