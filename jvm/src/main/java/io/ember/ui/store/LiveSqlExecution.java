package io.ember.ui.store;

import io.ember.sql.execution.ui.SparkPlanInfo;
import io.ember.sql.execution.ui.SqlExecutionStart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A SQL query run being tracked; mutated under the store's lock only. */
final class LiveSqlExecution {
    enum JobState { RUNNING, SUCCEEDED, FAILED }

    final long id;
    final String description;
    final String details;
    final String planDescription;
    final SparkPlanInfo plan;
    final long submissionTime;
    long completionTime = -1;
    String errorMessage;
    final Map<Integer, JobState> jobs = new TreeMap<>();
    final Map<Long, Long> metricValues = new LinkedHashMap<>();

    LiveSqlExecution(SqlExecutionStart s) {
        this.id = s.executionId();
        this.description = s.description();
        this.details = s.details();
        this.planDescription = s.physicalPlanDescription();
        this.plan = s.sparkPlanInfo();
        this.submissionTime = s.time();
    }

    boolean finished() {
        return completionTime >= 0;
    }

    SqlExecutionData snapshot() {
        String status = !finished() ? "RUNNING"
                : errorMessage != null || jobs.containsValue(JobState.FAILED) ? "FAILED" : "COMPLETED";
        return new SqlExecutionData(id, status, description, details, planDescription, submissionTime, completionTime,
                jobsIn(JobState.RUNNING), jobsIn(JobState.SUCCEEDED), jobsIn(JobState.FAILED), errorMessage, plan,
                Map.copyOf(metricValues));
    }

    private List<Integer> jobsIn(JobState state) {
        List<Integer> out = new ArrayList<>();
        jobs.forEach((id, s) -> {
            if (s == state) {
                out.add(id);
            }
        });
        return List.copyOf(out);
    }
}
