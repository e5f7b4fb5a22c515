package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.Iterator;
import java.util.List;

/**
 * Keeps the rows where {@code condition} is true (not false, not null): evaluates the
 * predicate over a batch, then compacts the batch to the selected rows (or passes it on
 * untouched when every row passes).
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
        Expression bound = BindReferences.bind(condition, child.output());
        io.ember.sql.execution.metric.SqlMetric rows = metric(ctx, io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
        return child.execute(ctx).mapPartitions(it -> io.ember.sql.execution.metric.Meter.countRows(rows, filter(bound, it)),
                true);
    }

    static Iterator<ColumnBatch> filter(Expression predicate, Iterator<ColumnBatch> in) {
        return new BatchIterator() {
            int[] rows = new int[0];

            @Override
            protected ColumnBatch advance() {
                while (in.hasNext()) {
                    ColumnBatch b = in.next();
                    int n = b.numRows();
                    ColumnVector p = predicate.eval(b);
                    if (rows.length < n) {
                        rows = new int[n];
                    }
                    int kept = VectorOps.selectTrue(p, n, rows);
                    if (kept == n && n > 0) {
                        return b;
                    }
                    if (kept > 0) {
                        return VectorOps.gather(b, rows, kept);
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
