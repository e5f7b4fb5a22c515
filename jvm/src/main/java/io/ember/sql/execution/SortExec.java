package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Sorts each partition by {@code order} with an {@link ExternalBatchSorter} (spilling under
 * memory pressure). A global sort requires its input range-partitioned by the same order, so
 * the partitions, read in turn, are in order overall.
 */
public final class SortExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    private final List<SortOrder> order;
    private final boolean global;
    private final SparkPlan child;

    public SortExec(List<SortOrder> order, boolean global, SparkPlan child) {
        this.order = List.copyOf(order);
        this.global = global;
        this.child = child;
    }

    public List<SortOrder> order() {
        return order;
    }

    public boolean global() {
        return global;
    }

    @Override
    public SparkPlan child() {
        return child;
    }

    @Override
    public SparkPlan withNewChild(SparkPlan newChild) {
        return new SortExec(order, global, newChild);
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
    public List<SortOrder> outputOrdering() {
        return order;
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        return List.of(global ? new Distribution.Ordered(order) : Distribution.UNSPECIFIED);
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        return sortEach(ctx, child.execute(ctx));
    }

    /** Sorts each partition of {@code input}, measured as this node in {@code ctx}'s run. */
    RDD<ColumnBatch> sortEach(ExecutionContext ctx, RDD<ColumnBatch> input) {
        return sortEach(input, metric(ctx, io.ember.sql.execution.metric.MetricDef.SORT_TIME),
                metric(ctx, io.ember.sql.execution.metric.MetricDef.PEAK_MEMORY),
                metric(ctx, io.ember.sql.execution.metric.MetricDef.SPILL_SIZE));
    }

    /** Sorts each partition of {@code input} (rows of this node's child) by this node's order. */
    RDD<ColumnBatch> sortEach(RDD<ColumnBatch> input) {
        io.ember.sql.execution.metric.NodeMetrics none = io.ember.sql.execution.metric.NodeMetrics.NONE;
        return sortEach(input, none.get(io.ember.sql.execution.metric.MetricDef.SORT_TIME),
                none.get(io.ember.sql.execution.metric.MetricDef.PEAK_MEMORY),
                none.get(io.ember.sql.execution.metric.MetricDef.SPILL_SIZE));
    }

    /** {@link #sortEach(RDD)} measuring each partition's sort time, peak memory and spill size. */
    RDD<ColumnBatch> sortEach(RDD<ColumnBatch> input, io.ember.sql.execution.metric.SqlMetric sortTime,
                              io.ember.sql.execution.metric.SqlMetric peak,
                              io.ember.sql.execution.metric.SqlMetric spill) {
        List<Expression> keyExprs = new ArrayList<>();
        for (SortOrder o : order) {
            keyExprs.add(o.child());
        }
        Expression[] keys = BindReferences.bindAll(keyExprs, child.output()).toArray(new Expression[0]);
        KeyComparator cmp = KeyComparator.of(order);
        List<DataType> types = outputTypes();
        return input.mapPartitions(it -> {
            TaskMemory memory = TaskMemory.of(TaskContext.get());
            long start = System.nanoTime();
            Iterator<ColumnBatch> sorted = sort(memory, it, keys, cmp, types);
            sortTime.add(io.ember.sql.execution.metric.Meter.millisSince(start));
            return io.ember.sql.execution.metric.Meter.onExhausted(sorted, () -> memory.reportTo(peak, spill));
        }, true);
    }

    static Iterator<ColumnBatch> sort(TaskMemory memory, Iterator<ColumnBatch> in, Expression[] keys, KeyComparator cmp,
                                      List<DataType> types) {
        ExternalBatchSorter sorter = new ExternalBatchSorter(memory, keys, cmp, types);
        while (in.hasNext()) {
            sorter.insert(in.next());
        }
        return sorter.sorted();
    }

    @Override
    protected List<Object> args() {
        return List.of(order, global);
    }

    @Override
    public String simpleString() {
        return "Sort " + order + ", " + global;
    }

    @Override
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of(io.ember.sql.execution.metric.MetricDef.SORT_TIME,
                io.ember.sql.execution.metric.MetricDef.PEAK_MEMORY, io.ember.sql.execution.metric.MetricDef.SPILL_SIZE);
    }
}
