package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Repartitions the child's rows by {@code partitioning} through Ember's sort shuffle: map
 * tasks route rows and write encoded batches keyed by target partition ({@link ExchangeWriter});
 * the reduce side is a {@link ShuffledBatchRDD}. Range partitioning first samples the child's
 * keys in a job of its own to choose the bounds.
 */
public final class ShuffleExchangeExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    private final Partitioning partitioning;
    private final SparkPlan child;
    private final boolean coalescible;

    /**
     * {@code coalescible}: adaptive execution may merge small reduce partitions (not when the
     * output must stay co-partitioned with another exchange that it does not coordinate with).
     */
    public ShuffleExchangeExec(Partitioning partitioning, SparkPlan child, boolean coalescible) {
        this.partitioning = partitioning;
        this.child = child;
        this.coalescible = coalescible;
    }

    public ShuffleExchangeExec(Partitioning partitioning, SparkPlan child) {
        this(partitioning, child, true);
    }

    public boolean coalescible() {
        return coalescible;
    }

    public ShuffleExchangeExec withCoalescible(boolean c) {
        return c == coalescible ? this : new ShuffleExchangeExec(partitioning, child, c);
    }

    public Partitioning partitioning() {
        return partitioning;
    }

    @Override
    public SparkPlan child() {
        return child;
    }

    @Override
    public SparkPlan withNewChild(SparkPlan newChild) {
        return new ShuffleExchangeExec(partitioning, newChild, coalescible);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public Partitioning outputPartitioning() {
        return partitioning;
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        ShuffleDependency<Integer, byte[], byte[]> dep = shuffle(ctx);
        int n = partitioning.numPartitions();
        if (!coalescible || n <= 1 || !CoalescePlanner.enabled(ctx.conf())) {
            return read(dep, ShuffledBatchRDD.identity(n));
        }
        List<ShuffledBatchRDD.Spec> specs = CoalescePlanner.specs(List.of(ShuffleSizesRDD.sizes(ctx, dep, n)),
                CoalescePlanner.advisory(ctx.conf()), CoalescePlanner.minPartitions(ctx));
        recordCoalesced(ctx, n, specs.size());
        return read(dep, specs);
    }

    /** Tells the query's adaptive log that this exchange's {@code n} partitions are read as {@code m}. */
    void recordCoalesced(ExecutionContext ctx, int n, int m) {
        if (m < n) {
            ctx.adaptive().record(this, "coalesce", "AQEShuffleRead coalesced (" + n + " -> " + m + " partitions)", false);
        }
    }

    /**
     * Reads co-partitioned exchanges with the same reduce specs: coalesced together from their
     * summed sizes when adaptive execution allows, else one task per reduce partition.
     */
    public static List<RDD<ColumnBatch>> executeCoordinated(ExecutionContext ctx, List<ShuffleExchangeExec> exchanges) {
        List<ShuffleDependency<Integer, byte[], byte[]>> deps = new ArrayList<>();
        for (ShuffleExchangeExec e : exchanges) {
            deps.add(e.shuffle(ctx));
        }
        int n = exchanges.get(0).partitioning.numPartitions();
        List<ShuffledBatchRDD.Spec> specs = ShuffledBatchRDD.identity(n);
        if (n > 1 && CoalescePlanner.enabled(ctx.conf()) && exchanges.stream().allMatch(e -> e.coalescible)) {
            List<long[]> sizes = new ArrayList<>();
            for (ShuffleDependency<Integer, byte[], byte[]> d : deps) {
                sizes.add(ShuffleSizesRDD.sizes(ctx, d, n));
            }
            specs = CoalescePlanner.specs(sizes, CoalescePlanner.advisory(ctx.conf()), CoalescePlanner.minPartitions(ctx));
        }
        List<RDD<ColumnBatch>> out = new ArrayList<>();
        for (int i = 0; i < exchanges.size(); i++) {
            exchanges.get(i).recordCoalesced(ctx, n, specs.size());
            out.add(exchanges.get(i).read(deps.get(i), specs));
        }
        return out;
    }

    /** The reduce side over an already built shuffle, reading the given reduce-partition ranges. */
    public RDD<ColumnBatch> read(ShuffleDependency<Integer, byte[], byte[]> dep, List<ShuffledBatchRDD.Spec> specs) {
        return new ShuffledBatchRDD(dep, specs, outputTypes());
    }

    /**
     * The map side: the child's batches routed and encoded, as a shuffle dependency, or the one
     * an equal exchange of this run already built ({@link ExchangeReuse}).
     */
    public ShuffleDependency<Integer, byte[], byte[]> shuffle(ExecutionContext ctx) {
        return ctx.reuse().shuffle(ctx.conf(), this, () -> buildShuffle(ctx),
                () -> ctx.adaptive().record(this, "reuse", "ReusedExchange (the shuffle of an equal exchange)", false));
    }

    private ShuffleDependency<Integer, byte[], byte[]> buildShuffle(ExecutionContext ctx) {
        return shuffleOf(ctx, child.execute(ctx));
    }

    /**
     * The map side over {@code input} in place of the child's own rows (a subset of them, as a
     * {@link RuntimeKeyFilter} leaves); never shared with other exchanges.
     */
    ShuffleDependency<Integer, byte[], byte[]> shuffleOf(ExecutionContext ctx, RDD<ColumnBatch> input) {
        int n = partitioning.numPartitions();
        List<DataType> types = outputTypes();
        RouterFactory routers = routers(ctx, input);
        io.ember.sql.execution.metric.SqlMetric records = metric(ctx,
                io.ember.sql.execution.metric.MetricDef.SHUFFLE_RECORDS_WRITTEN);
        io.ember.sql.execution.metric.SqlMetric dataSize = metric(ctx, io.ember.sql.execution.metric.MetricDef.DATA_SIZE);
        RDD<io.ember.core.Tuple2<Integer, byte[]>> mapped = input.mapPartitionsWithIndex(
                (idx, it) -> new ExchangeWriter(io.ember.sql.execution.metric.Meter.countRows(records, it),
                        routers.forMap(idx), n, types, dataSize), false);
        return new ShuffleDependency<>(mapped, new IdPartitioner(n), null, false, null);
    }

    /** Makes the router of one map task. */
    @FunctionalInterface
    private interface RouterFactory extends java.io.Serializable {
        PartitionRouter forMap(int mapPartition);
    }

    private RouterFactory routers(ExecutionContext ctx, RDD<ColumnBatch> input) {
        int n = partitioning.numPartitions();
        if (partitioning instanceof Partitioning.Hash h) {
            Expression[] keys = BindReferences.bindAll(h.expressions(), child.output()).toArray(new Expression[0]);
            PartitionRouter r = PartitionRouter.hash(keys, n);
            return idx -> r;
        }
        if (partitioning instanceof Partitioning.Bucketed k) {
            Expression hash = BindReferences.bind(new io.ember.sql.expressions.hash.Murmur3Hash(k.expressions()),
                    child.output());
            PartitionRouter r = PartitionRouter.passThrough(hash, n);
            return idx -> r;
        }
        if (partitioning instanceof Partitioning.PassThrough p) {
            Expression id = BindReferences.bindAll(List.of(p.id()), child.output()).get(0);
            PartitionRouter r = PartitionRouter.passThrough(id, n);
            return idx -> r;
        }
        if (partitioning instanceof Partitioning.RoundRobin) {
            return idx -> PartitionRouter.roundRobin(n, idx);
        }
        if (partitioning instanceof Partitioning.Range r) {
            List<Expression> keyExprs = new ArrayList<>();
            for (SortOrder o : r.ordering()) {
                keyExprs.add(o.child());
            }
            Expression[] keys = BindReferences.bindAll(keyExprs, child.output()).toArray(new Expression[0]);
            RangeBounds bounds = RangeSampler.bounds(ctx, input, keys, KeyComparator.of(r.ordering()), n);
            PartitionRouter router = PartitionRouter.range(keys, bounds);
            return idx -> router;
        }
        PartitionRouter single = PartitionRouter.single();
        return idx -> single;
    }

    @Override
    protected List<Object> args() {
        return List.of(partitioning, coalescible);
    }

    @Override
    public String simpleString() {
        return "Exchange " + partitioning;
    }

    /** Rows handed to the shuffle, and their encoded size ({@code data size}: before compression). */
    @Override
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of(io.ember.sql.execution.metric.MetricDef.SHUFFLE_RECORDS_WRITTEN,
                io.ember.sql.execution.metric.MetricDef.DATA_SIZE);
    }
}
