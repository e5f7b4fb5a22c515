package io.ember.sql.api;

import io.ember.api.EmberContext;
import io.ember.scheduler.JobProperties;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.execution.metric.PlanMetrics;
import io.ember.sql.execution.metric.SqlMetric;
import io.ember.sql.execution.ui.SparkPlanInfo;
import io.ember.sql.execution.ui.SqlDriverAccumUpdates;
import io.ember.sql.execution.ui.SqlExecutionEnd;
import io.ember.sql.execution.ui.SqlExecutionStart;
import java.util.function.Function;

/**
 * One run of a query's action as the UI sees it (Spark's {@code SQLExecution.withNewExecutionId}):
 * a new execution id, set as the local property {@value #EXECUTION_ID_KEY} on the running
 * thread so every job the action starts is tied to it; the physical plan's operator metrics
 * registered with the context for the run; {@link SqlExecutionStart} before,
 * {@link SqlDriverAccumUpdates} and {@link SqlExecutionEnd} after, on the listener bus.
 *
 * <p>An action started inside another (a broadcast's collect, a cache being filled) runs in the
 * outer execution. The metrics stay registered only while the run lasts (their values travel
 * in the update event).
 *
 * <p>Threading: {@link #begin} and {@link #finish} on the thread that runs the action (or, for
 * a run that streams its rows, {@link #finish} on the thread that saw the last job end).
 */
public final class SqlExecution {
    /** Spark's local property naming the query run a job belongs to. */
    public static final String EXECUTION_ID_KEY = "spark.sql.execution.id";
    /** Spark's local property with the caller's short call site (set by a client such as Python). */
    public static final String CALL_SITE_SHORT = "callSite.short";

    private final EmberContext context;
    private final long executionId;
    private final PlanMetrics metrics;
    private final ExecutionContext executionContext;

    private SqlExecution(EmberContext context, long executionId, PlanMetrics metrics, ExecutionContext ctx) {
        this.context = context;
        this.executionId = executionId;
        this.metrics = metrics;
        this.executionContext = ctx;
    }

    /**
     * Runs {@code body} as a new execution of {@code qe} named {@code action}; the body gets the
     * measured execution context. Nested calls run {@code body} in the outer execution.
     */
    public static <T> T withNewExecutionId(QueryExecution qe, String action, Function<ExecutionContext, T> body) {
        EmberContext sc = qe.session().sparkContext();
        if (sc.getLocalProperty(EXECUTION_ID_KEY) != null) {
            return body.apply(qe.executionContext());
        }
        SqlExecution run = begin(qe, action);
        try {
            T result = body.apply(run.executionContext());
            run.finish(null);
            return result;
        } catch (RuntimeException | Error e) {
            run.finish(e);
            throw e;
        } finally {
            sc.setLocalProperty(EXECUTION_ID_KEY, null);
        }
    }

    /**
     * Starts an execution and sets its id on the calling thread (threads it starts inherit it);
     * the caller clears the property once its jobs are submitted and calls {@link #finish}.
     */
    public static SqlExecution begin(QueryExecution qe, String action) {
        EmberContext sc = qe.session().sparkContext();
        long id = qe.session().newExecutionId();
        SparkPlan plan = qe.executedPlan();
        PlanMetrics metrics = PlanMetrics.create(plan, m -> sc.register(m, m.name()));
        String description = sc.getLocalProperty(JobProperties.JOB_DESCRIPTION);
        if (description == null) {
            String site = sc.getLocalProperty(CALL_SITE_SHORT);
            description = site != null ? site : action + " at " + callSite();
        }
        String planText;
        try {
            planText = qe.explainString("formatted");
        } catch (RuntimeException e) {
            planText = "== Physical Plan ==\n" + plan.treeString();
        }
        sc.listenerBus().post(new SqlExecutionStart(id, description, details(), planText,
                SparkPlanInfo.of(plan, metrics), System.currentTimeMillis()));
        sc.setLocalProperty(EXECUTION_ID_KEY, String.valueOf(id));
        return new SqlExecution(sc, id, metrics, qe.executionContext().withMetrics(metrics));
    }

    public long executionId() {
        return executionId;
    }

    /** The execution context measuring into this run's metrics. */
    public ExecutionContext executionContext() {
        return executionContext;
    }

    /** Posts the run's metric totals and its end ({@code error} null on success), and drops the metrics. */
    public void finish(Throwable error) {
        context.listenerBus().post(new SqlDriverAccumUpdates(executionId, metrics.values()));
        context.listenerBus().post(new SqlExecutionEnd(executionId, System.currentTimeMillis(),
                error == null ? null : String.valueOf(error)));
        for (SqlMetric m : metrics.all()) {
            context.unregister(m);
        }
    }

    /** The first frame outside Ember's own packages, as Spark's short call site. */
    private static String callSite() {
        for (StackTraceElement f : Thread.currentThread().getStackTrace()) {
            String c = f.getClassName();
            if (!c.startsWith("io.ember.") && !c.startsWith("java.") && !c.startsWith("jdk.")
                    && !c.startsWith("sun.") && !c.startsWith("py4j.")) {
                return f.getFileName() + ":" + f.getLineNumber();
            }
        }
        return "Ember";
    }

    /** The calling stack (Spark's long call site), without this class's frames. */
    private static String details() {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (StackTraceElement f : Thread.currentThread().getStackTrace()) {
            String c = f.getClassName();
            if (c.equals(Thread.class.getName()) || c.equals(SqlExecution.class.getName())) {
                continue;
            }
            b.append(f).append('\n');
            if (++n == 20) {
                break;
            }
        }
        return b.toString();
    }
}
