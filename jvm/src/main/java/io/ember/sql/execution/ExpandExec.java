package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Each input batch once per projection (the physical {@code Expand}): for a batch, projection 0
 * evaluated over it, then projection 1, and so on, so the input is read once however many
 * grouping sets there are. The output's placement is unknown (projections rewrite columns).
 */
public final class ExpandExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    private final List<List<Expression>> projections;
    private final List<AttributeReference> output;
    private final SparkPlan child;

    public ExpandExec(List<List<Expression>> projections, List<AttributeReference> output, SparkPlan child) {
        this.projections = List.copyOf(projections);
        this.output = List.copyOf(output);
        this.child = child;
    }

    @Override
    public SparkPlan child() {
        return child;
    }

    @Override
    public SparkPlan withNewChild(SparkPlan newChild) {
        return new ExpandExec(projections, output, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        List<Expression[]> bound = new ArrayList<>();
        for (List<Expression> p : projections) {
            bound.add(BindReferences.bindAll(p, child.output()).toArray(new Expression[0]));
        }
        Expression[][] exprs = bound.toArray(new Expression[0][]);
        io.ember.sql.execution.metric.SqlMetric rows = metric(ctx, io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
        return child.execute(ctx).mapPartitions(
                it -> io.ember.sql.execution.metric.Meter.countRows(rows, expand(exprs, it)), false);
    }

    private static Iterator<ColumnBatch> expand(Expression[][] projections, Iterator<ColumnBatch> input) {
        return new BatchIterator() {
            private ColumnBatch current;
            private int next = projections.length;

            @Override
            protected ColumnBatch advance() {
                while (next >= projections.length || current.numRows() == 0) {
                    if (!input.hasNext()) {
                        return null;
                    }
                    current = input.next();
                    next = 0;
                }
                return ProjectExec.project(projections[next++], current);
            }
        };
    }

    @Override
    protected List<Object> args() {
        return List.of(projections, output);
    }

    @Override
    public String simpleString() {
        return "Expand " + projections + ", " + output;
    }

    @Override
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of(io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
    }
}
