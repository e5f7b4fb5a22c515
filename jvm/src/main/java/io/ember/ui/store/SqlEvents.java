package io.ember.ui.store;

import io.ember.scheduler.ListenerEvent;
import io.ember.sql.api.SqlExecution;
import io.ember.sql.execution.ui.SqlDriverAccumUpdates;
import io.ember.sql.execution.ui.SqlExecutionEnd;
import io.ember.sql.execution.ui.SqlExecutionStart;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SQL tab's state (Spark's {@code SQLAppStatusListener}): query runs from their start, end
 * and metric events, and the jobs each ran (jobs whose start carries the
 * {@code spark.sql.execution.id} property). Keeps {@code retained} finished runs, dropping the
 * oldest. Not thread-safe: the owning {@link AppStatusStore} calls it under its lock.
 */
final class SqlEvents {
    private final int retained;
    private final Map<Long, LiveSqlExecution> executions = new TreeMap<>();
    /** Which run each live job belongs to (removed at the job's end). */
    private final Map<Integer, Long> jobToExecution = new HashMap<>();

    SqlEvents(int retained) {
        this.retained = retained;
    }

    /** Applies the event if it concerns SQL runs; returns whether it was a SQL event. */
    boolean apply(ListenerEvent event) {
        if (event instanceof SqlExecutionStart s) {
            executions.put(s.executionId(), new LiveSqlExecution(s));
        } else if (event instanceof SqlDriverAccumUpdates u) {
            LiveSqlExecution e = executions.get(u.executionId());
            if (e != null) {
                e.metricValues.putAll(u.values());
            }
        } else if (event instanceof SqlExecutionEnd end) {
            LiveSqlExecution e = executions.get(end.executionId());
            if (e != null) {
                e.completionTime = end.time();
                e.errorMessage = end.errorMessage();
                trim();
            }
        } else if (event instanceof ListenerEvent.JobStart j) {
            jobStart(j);
            return false;
        } else if (event instanceof ListenerEvent.JobEnd j) {
            Long id = jobToExecution.remove(j.jobId());
            LiveSqlExecution e = id == null ? null : executions.get(id);
            if (e != null) {
                e.jobs.put(j.jobId(), j.succeeded() ? LiveSqlExecution.JobState.SUCCEEDED
                        : LiveSqlExecution.JobState.FAILED);
            }
            return false;
        } else {
            return false;
        }
        return true;
    }

    private void jobStart(ListenerEvent.JobStart j) {
        String id = j.properties().get(SqlExecution.EXECUTION_ID_KEY);
        if (id == null) {
            return;
        }
        try {
            long executionId = Long.parseLong(id);
            LiveSqlExecution e = executions.get(executionId);
            if (e != null) {
                e.jobs.put(j.jobId(), LiveSqlExecution.JobState.RUNNING);
                jobToExecution.put(j.jobId(), executionId);
            }
        } catch (NumberFormatException ignored) {
            // a property set by hand that is not an id: the job is not a SQL job
        }
    }

    /** Runs, newest first. */
    List<SqlExecutionData> executions() {
        List<SqlExecutionData> out = new ArrayList<>();
        executions.values().forEach(e -> out.add(e.snapshot()));
        Collections.reverse(out);
        return out;
    }

    Optional<SqlExecutionData> execution(long id) {
        LiveSqlExecution e = executions.get(id);
        return e == null ? Optional.empty() : Optional.of(e.snapshot());
    }

    Optional<Long> executionOfJob(int jobId) {
        for (LiveSqlExecution e : executions.values()) {
            if (e.jobs.containsKey(jobId)) {
                return Optional.of(e.id);
            }
        }
        return Optional.empty();
    }

    /** Drops the oldest finished runs beyond the cap. */
    private void trim() {
        int excess = executions.size() - retained;
        for (Iterator<LiveSqlExecution> it = executions.values().iterator(); excess > 0 && it.hasNext(); ) {
            if (it.next().finished()) {
                it.remove();
                excess--;
            }
        }
    }
}
