package io.ember.ui.store;

import io.ember.sql.execution.ui.SparkPlanInfo;
import java.util.List;
import java.util.Map;

/**
 * One SQL query run as the store holds it (immutable snapshot): Spark's {@code ExecutionData}
 * fields plus the plan tree and the metric totals by accumulator id. {@code completionTime} is
 * -1 while it runs; {@code status} is RUNNING, COMPLETED or FAILED.
 */
public record SqlExecutionData(long id, String status, String description, String details,
                               String planDescription, long submissionTime, long completionTime,
                               List<Integer> runningJobIds, List<Integer> successJobIds, List<Integer> failedJobIds,
                               String errorMessage, SparkPlanInfo plan, Map<Long, Long> metricValues) {}
