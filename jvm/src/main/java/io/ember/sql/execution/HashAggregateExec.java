package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.execution.metric.Meter;
import io.ember.sql.execution.metric.MetricDef;
import io.ember.sql.execution.metric.SqlMetric;
import io.ember.rdd.TaskContext;
import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Hash aggregation in one of three modes. {@code PARTIAL} folds raw rows per partition and
 * emits partial rows (grouping keys, then each function's state columns), flushing them early
 * when memory runs short; {@code FINAL} merges partial rows that an exchange clustered by key
 * and emits {@code resultExpressions} over (keys, function values), spilling by key hash when
 * memory runs short; {@code COMPLETE} does both steps over raw rows already clustered.
 * Without grouping keys there is exactly one group, even over no rows.
 */
public final class HashAggregateExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    public enum Mode { PARTIAL, FINAL, COMPLETE }

    private final Mode mode;
    private final List<NamedExpression> grouping;
    private final List<AggregateFunction> functions;
    private final List<AttributeReference> functionResults;
    private final List<AttributeReference> stateAttributes;
    private final List<NamedExpression> resultExpressions;
    private final SparkPlan child;

    /**
     * {@code functionResults} name each function's value for {@code resultExpressions};
     * {@code stateAttributes} name the partial state columns (every function's, in order).
     */
    public HashAggregateExec(Mode mode, List<? extends NamedExpression> grouping, List<AggregateFunction> functions,
                             List<AttributeReference> functionResults, List<AttributeReference> stateAttributes,
                             List<? extends NamedExpression> resultExpressions, SparkPlan child) {
        this.mode = mode;
        this.grouping = List.copyOf(grouping);
        this.functions = List.copyOf(functions);
        this.functionResults = List.copyOf(functionResults);
        this.stateAttributes = List.copyOf(stateAttributes);
        this.resultExpressions = List.copyOf(resultExpressions);
        this.child = child;
    }

    public Mode mode() {
        return mode;
    }

    public List<NamedExpression> grouping() {
        return grouping;
    }

    public List<AttributeReference> groupingAttributes() {
        List<AttributeReference> out = new ArrayList<>();
        for (NamedExpression g : grouping) {
            out.add(g.toAttribute());
        }
        return out;
    }

    @Override
    public SparkPlan child() {
        return child;
    }

    @Override
    public SparkPlan withNewChild(SparkPlan newChild) {
        return new HashAggregateExec(mode, grouping, functions, functionResults, stateAttributes, resultExpressions,
                newChild);
    }

    @Override
    public List<AttributeReference> output() {
        if (mode == Mode.PARTIAL) {
            List<AttributeReference> out = groupingAttributes();
            out.addAll(stateAttributes);
            return out;
        }
        List<AttributeReference> out = new ArrayList<>();
        for (NamedExpression e : resultExpressions) {
            out.add(e.toAttribute());
        }
        return out;
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        if (mode == Mode.PARTIAL) {
            return List.of(Distribution.UNSPECIFIED);
        }
        return List.of(grouping.isEmpty() ? Distribution.ALL_TUPLES
                : new Distribution.Clustered(new ArrayList<>(groupingAttributes())));
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        List<DataType> keyTypes = new ArrayList<>();
        for (NamedExpression g : grouping) {
            keyTypes.add(g.dataType());
        }
        AggregateFunction[] fns = functions.toArray(new AggregateFunction[0]);
        Expression[][] inputs = new Expression[fns.length][];
        Expression[] keys = new Expression[0];
        if (mode != Mode.FINAL) {
            keys = BindReferences.bindAll(grouping, child.output()).toArray(new Expression[0]);
            for (int f = 0; f < fns.length; f++) {
                inputs[f] = BindReferences.bindAll(fns[f].children(), child.output()).toArray(new Expression[0]);
            }
        } else {
            for (int f = 0; f < fns.length; f++) {
                inputs[f] = new Expression[0];
            }
        }
        AggregateSpec spec = mode == Mode.FINAL ? new AggregateSpec(keys, keyTypes, fns, inputs)
                : AggregateSpec.sharing(keys, keyTypes, fns, inputs, child.output().size());
        Mode m = mode;
        SqlMetric rows = metric(ctx, MetricDef.NUM_OUTPUT_ROWS);
        SqlMetric aggTime = metric(ctx, MetricDef.AGG_TIME);
        SqlMetric peak = metric(ctx, MetricDef.PEAK_MEMORY);
        SqlMetric spill = metric(ctx, MetricDef.SPILL_SIZE);
        if (m == Mode.PARTIAL) {
            PartialSkipPolicy skip = PartialSkipPolicy.of(ctx.conf());
            return child.execute(ctx).mapPartitions(it -> {
                TaskMemory memory = TaskMemory.of(TaskContext.get());
                Iterator<ColumnBatch> out = Meter.timed(aggTime, partial(memory, spec, skip, it));
                return Meter.onExhausted(Meter.countRows(rows, out), () -> memory.reportTo(peak, spill));
            }, false);
        }
        List<AttributeReference> finalInput = groupingAttributes();
        finalInput.addAll(functionResults);
        Expression[] results = BindReferences.bindAll(resultExpressions, finalInput).toArray(new Expression[0]);
        return child.execute(ctx).mapPartitions(it -> {
            TaskMemory memory = TaskMemory.of(TaskContext.get());
            long start = System.nanoTime();
            Iterator<ColumnBatch> built = complete(memory, spec, it, m == Mode.FINAL);
            aggTime.add(Meter.millisSince(start));
            Iterator<ColumnBatch> out = io.ember.rdd.Iterators.map(built, b -> ProjectExec.project(results, b));
            return Meter.onExhausted(Meter.countRows(rows, out), () -> memory.reportTo(peak, spill));
        }, false);
    }

    /**
     * Folds raw rows, emitting partial rows when memory runs short and at the end; once
     * {@code skip} says hashing reduces too little, flushes and passes the remaining rows on
     * as one partial row each.
     */
    static Iterator<ColumnBatch> partial(TaskMemory memory, AggregateSpec spec, PartialSkipPolicy skip,
                                         Iterator<ColumnBatch> in) {
        AggregationBuffer buffer = new AggregationBuffer(memory, spec, 0);
        return new BatchIterator() {
            Iterator<ColumnBatch> out = Collections.emptyIterator();
            PassThroughPartials passThrough;
            long rowsSinceFlush;
            boolean finished;

            @Override
            protected ColumnBatch advance() {
                while (!out.hasNext()) {
                    if (finished) {
                        return null;
                    }
                    if (!in.hasNext()) {
                        finished = true;
                        out = buffer.flushPartial();
                    } else if (passThrough != null) {
                        ColumnBatch b = in.next();
                        if (b.numRows() > 0) {
                            return passThrough.convert(b);
                        }
                    } else {
                        ColumnBatch b = in.next();
                        boolean fits = buffer.update(b);
                        rowsSinceFlush += b.numRows();
                        if (spec.numKeys() > 0 && skip.skip(rowsSinceFlush, buffer.numGroups())) {
                            passThrough = new PassThroughPartials(spec);
                            out = buffer.flushPartial();
                        } else if (!fits && spec.numKeys() > 0) {
                            out = buffer.flushPartial();
                            rowsSinceFlush = 0;
                        }
                    }
                }
                return out.next();
            }
        };
    }

    /** Aggregates all rows of the partition (raw, or partial when {@code merge}); final rows. */
    static Iterator<ColumnBatch> complete(TaskMemory memory, AggregateSpec spec, Iterator<ColumnBatch> in,
                                          boolean merge) {
        AggregationBuffer buffer = new AggregationBuffer(memory, spec, 0);
        while (in.hasNext()) {
            ColumnBatch b = in.next();
            boolean fits = merge ? buffer.merge(b) : buffer.update(b);
            if (!fits && buffer.canSpill()) {
                buffer.spill();
            }
        }
        return buffer.finish();
    }

    @Override
    protected List<Object> args() {
        return List.of(mode, grouping, functions, resultExpressions);
    }

    @Override
    public String simpleString() {
        return "HashAggregate(mode=" + mode + ", keys=" + grouping + ", functions=" + functions + ", results="
                + (mode == Mode.PARTIAL ? stateAttributes : resultExpressions) + ")";
    }

    @Override
    public List<MetricDef> metricDefs() {
        return List.of(MetricDef.SPILL_SIZE, MetricDef.AGG_TIME, MetricDef.PEAK_MEMORY, MetricDef.NUM_OUTPUT_ROWS);
    }
}
