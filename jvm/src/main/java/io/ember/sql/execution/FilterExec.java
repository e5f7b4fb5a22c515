package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.Iterator;
import java.util.List;

/**
 * Keeps the rows where {@code condition} is true (not false, not null): applies the
 * condition's conjuncts to a batch on a shrinking selection ({@link ConjunctFilter}), then
 * compacts the batch to the selected rows (or passes it on untouched when every row passes).
 */
public final class FilterExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    private final Expression condition;
    private final SparkPlan child;

    public FilterExec(Expression condition, SparkPlan child) {
        this.condition = condition;
        this.child = child;
    }

    public Expression condition() {
        return condition;
    }

    @Override
    public SparkPlan child() {
        return child;
    }

    @Override
    public SparkPlan withNewChild(SparkPlan newChild) {
        return new FilterExec(condition, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    @Override
    public List<io.ember.sql.expressions.SortOrder> outputOrdering() {
        return child.outputOrdering();
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        return execute(ctx, null);
    }

    /**
     * Runs the filter handing on only the child's columns {@code keep} (in that order; null for
     * all of them), so a parent that reads a few columns (a {@link ProjectExec}) has only those
     * gathered.
     */
    RDD<ColumnBatch> execute(ExecutionContext ctx, int[] keep) {
        ConjunctFilter predicate = new ConjunctFilter(condition, child.output());
        io.ember.sql.execution.metric.SqlMetric rows = metric(ctx, io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
        return child.execute(ctx).mapPartitions(
                it -> io.ember.sql.execution.metric.Meter.countRows(rows, filter(predicate, keep, it)), true);
    }

    static Iterator<ColumnBatch> filter(ConjunctFilter predicate, int[] keep, Iterator<ColumnBatch> in) {
        return new BatchIterator() {
            int[] rows = new int[0];

            @Override
            protected ColumnBatch advance() {
                while (in.hasNext()) {
                    ColumnBatch b = in.next();
                    int n = b.numRows();
                    if (rows.length < n) {
                        rows = new int[n];
                    }
                    int kept = predicate.select(b, rows);
                    if (kept == n && n > 0) {
                        return keep == null ? b : ConjunctFilter.view(b, keep);
                    }
                    if (kept > 0) {
                        return keep == null ? VectorOps.gather(b, rows, kept) : VectorOps.gather(b, keep, rows, kept);
                    }
                }
                return null;
            }
        };
    }

    @Override
    protected List<Object> args() {
        return List.of(condition);
    }

    @Override
    public String simpleString() {
        return "Filter " + condition.sql();
    }

    @Override
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of(io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
    }
}
