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

    public ShuffleExchangeExec(Partitioning partitioning, SparkPlan child) {
        this.partitioning = partitioning;
        this.child = child;
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
        return new ShuffleExchangeExec(partitioning, newChild);
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
        return read(shuffle(ctx), ShuffledBatchRDD.identity(partitioning.numPartitions()));
    }

    /** The reduce side over an already built shuffle, reading the given reduce-partition ranges. */
    public RDD<ColumnBatch> read(ShuffleDependency<Integer, byte[], byte[]> dep, List<ShuffledBatchRDD.Spec> specs) {
        return new ShuffledBatchRDD(dep, specs, outputTypes());
    }

    /** Builds the map side: the child's batches routed and encoded, as a shuffle dependency. */
    public ShuffleDependency<Integer, byte[], byte[]> shuffle(ExecutionContext ctx) {
        RDD<ColumnBatch> input = child.execute(ctx);
        int n = partitioning.numPartitions();
        List<DataType> types = outputTypes();
        RouterFactory routers = routers(ctx, input);
        RDD<io.ember.core.Tuple2<Integer, byte[]>> mapped = input.mapPartitionsWithIndex(
                (idx, it) -> new ExchangeWriter(it, routers.forMap(idx), n, types), false);
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
        return List.of(partitioning);
    }

    @Override
    public String simpleString() {
        return "Exchange " + partitioning;
    }
}
