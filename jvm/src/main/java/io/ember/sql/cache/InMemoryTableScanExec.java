package io.ember.sql.cache;

import io.ember.rdd.RDD;
import io.ember.sql.execution.BatchIterator;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.LeafExecNode;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a cached query's batches from the block manager (building them on first read):
 * decodes only the {@code output} columns (at {@code ordinals} of the cached batches) and
 * skips whole batches whose statistics show the pushed filters cannot match. The filters
 * still run above this scan. Lives on the driver; its RDD's function travels to executors.
 */
public final class InMemoryTableScanExec extends LeafExecNode {
    private static final long serialVersionUID = 1L;

    private final List<AttributeReference> output;
    private final int[] ordinals;
    private final List<Expression> filters;
    private final StatsFilter statsFilter;
    private final transient CachedRDDBuilder builder;

    InMemoryTableScanExec(List<AttributeReference> output, int[] ordinals, List<Expression> filters,
            StatsFilter statsFilter, CachedRDDBuilder builder) {
        this.output = List.copyOf(output);
        this.ordinals = ordinals.clone();
        this.filters = List.copyOf(filters);
        this.statsFilter = statsFilter;
        this.builder = builder;
    }

    @Override
    public String nodeName() {
        return "InMemoryTableScan";
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        RDD<CachedBatch> cached = builder.cachedRdd(ctx);
        int[] cols = ordinals;
        List<DataType> types = new ArrayList<>(outputTypes());
        StatsFilter skip = statsFilter;
        io.ember.sql.execution.metric.SqlMetric rows = metric(ctx, io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
        return cached.mapPartitions(it -> io.ember.sql.execution.metric.Meter.countRows(rows, scan(it, cols, types, skip)));
    }

    private static Iterator<ColumnBatch> scan(Iterator<CachedBatch> it, int[] cols, List<DataType> types,
            StatsFilter skip) {
        return new BatchIterator() {
            @Override
            protected ColumnBatch advance() {
                while (it.hasNext()) {
                    CachedBatch b = it.next();
                    if (b.numRows() > 0 && (skip.isEmpty() || skip.mightMatch(b))) {
                        return b.decode(cols, types);
                    }
                }
                return null;
            }
        };
    }

    /** As Spark prints it: {@code InMemoryTableScan [a#1], [(a#1 > 1)]}, the filters only when there are some. */
    @Override
    public String simpleString() {
        return nodeName() + " " + output + (filters.isEmpty() ? "" : ", " + filters);
    }

    @Override
    protected List<Object> args() {
        return List.of(output, filters);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InMemoryTableScanExec s && s.builder == builder && s.output.equals(output)
                && s.filters.equals(filters);
    }

    @Override
    public int hashCode() {
        return output.hashCode();
    }

    @Override
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of(io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
    }
}
