package io.ember.sql.api;

import io.ember.sql.execution.AdaptiveLog;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;

/**
 * The phases of one query: the plan as built, analyzed (done when the Dataset was made),
 * optimized and physical (each computed once, when first needed), and running it. Keeps every
 * phase for {@code explain}. Thread-safe: the lazy phases are computed under this object's lock.
 */
public final class QueryExecution {
    private final SparkSession session;
    private final LogicalPlan logical;
    private final LogicalPlan analyzed;
    private LogicalPlan optimized;
    private SparkPlan executed;
    private long cacheVersion = -1;
    private AdaptiveLog adaptiveLog = new AdaptiveLog();

    QueryExecution(SparkSession session, LogicalPlan logical, LogicalPlan analyzed) {
        this.session = session;
        this.logical = logical;
        this.analyzed = analyzed;
    }

    /** The session the query belongs to. */
    public SparkSession session() {
        return session;
    }

    /** The plan as the API built it, before analysis. */
    public LogicalPlan logical() {
        return logical;
    }

    public LogicalPlan analyzed() {
        return analyzed;
    }

    /** The analyzed plan with its cached fragments read from the cache. */
    public LogicalPlan withCachedData() {
        return session.cacheManager().useCachedData(analyzed);
    }

    public synchronized LogicalPlan optimizedPlan() {
        if (optimized == null || cacheVersion != session.cacheManager().version()) {
            cacheVersion = session.cacheManager().version();
            optimized = session.optimizer().execute(withCachedData());
            executed = null;
            adaptiveLog = new AdaptiveLog();
        }
        return optimized;
    }

    public synchronized SparkPlan executedPlan() {
        LogicalPlan current = optimizedPlan();
        if (executed == null) {
            executed = session.planner().plan(current);
        }
        return executed;
    }

    /** What this query's physical plan runs with: the session's, recording adaptive decisions for {@code explain}. */
    public synchronized ExecutionContext executionContext() {
        ExecutionContext s = session.executionContext();
        return new ExecutionContext(s.rdds(), s.conf(), adaptiveLog);
    }

    /** The adaptive decisions of the runs of the current physical plan so far. */
    public synchronized AdaptiveLog adaptiveLog() {
        return adaptiveLog;
    }

    /** Runs the query; every row on the driver, as batches in partition order. */
    public List<ColumnBatch> collectBatches() {
        return SqlExecution.withNewExecutionId(this, "collect", ctx -> executedPlan().executeCollect(ctx));
    }

    /** The first {@code n} rows, running as few partitions as it can. */
    public List<ColumnBatch> takeBatches(int n) {
        return SqlExecution.withNewExecutionId(this, "take", ctx -> executedPlan().executeTake(ctx, n));
    }

    /** {@code explain(mode)}'s text: {@code simple}, {@code extended}, {@code formatted}, {@code cost}, {@code codegen}. */
    public String explainString(String mode) {
        return ExplainText.render(this, mode);
    }
}
