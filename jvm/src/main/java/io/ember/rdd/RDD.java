package io.ember.rdd;

import io.ember.core.CleanupTask;
import io.ember.core.EmberException;
import io.ember.core.Partition;
import io.ember.core.Partitioner;
import io.ember.core.Tuple2;
import io.ember.core.function.FlatMapFunction;
import io.ember.core.function.Function;
import io.ember.core.function.Function2;
import io.ember.core.function.Functions;
import io.ember.core.function.PartitionFunction;
import io.ember.core.function.SerializableComparator;
import io.ember.core.function.VoidFunction;
import io.ember.storage.BlockId;
import io.ember.storage.StorageLevel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resilient distributed dataset: an immutable, partitioned collection computed lazily from
 * its lineage. Every RDD defines five things, and everything else is built on them:
 * <ol>
 *   <li>{@link #computePartitions()}: its partitions;</li>
 *   <li>{@link #dependencies()}: the parents it reads (narrow or shuffle);</li>
 *   <li>{@link #compute}: how to produce one partition's elements;</li>
 *   <li>{@link #preferredLocations}: executors or hosts where a partition is cheapest to compute;</li>
 *   <li>{@link #partitioner()}: how keys are placed, when known.</li>
 * </ol>
 * Transformations return new RDDs and only record lineage; actions run jobs through the
 * context. An RDD object is built on the driver; tasks get their own deserialized copy.
 */
public abstract class RDD<T> implements Serializable {
    private final transient RDDContext context;
    private final int id;
    private List<Dependency<?>> dependencies;
    /** Computed on the driver; tasks receive their own partition object instead. */
    private transient Partition[] partitions;
    private StorageLevel storageLevel = StorageLevel.NONE;
    private String name;
    private String origin = "";
    private boolean checkpointRequested;
    private boolean localCheckpointRequested;
    private boolean checkpointing;
    private RDD<T> checkpointData;

    protected RDD(RDDContext context, List<Dependency<?>> dependencies) {
        this.context = context;
        this.id = context.newRddId();
        this.dependencies = dependencies;
    }

    /** An RDD with one one-to-one parent. */
    protected RDD(RDD<?> parent) {
        this(parent.context(), List.of(new OneToOneDependency<>(parent)));
    }

    // ---- the contract ----

    protected abstract Partition[] computePartitions();

    public abstract Iterator<T> compute(Partition split, TaskContext context);

    public List<String> preferredLocations(Partition split) {
        return List.of();
    }

    public Optional<Partitioner> partitioner() {
        return Optional.empty();
    }

    // ---- lineage ----

    public final RDDContext context() {
        if (context == null) {
            throw new EmberException("RDD " + id + " has no context here: RDD operations can only be called on the"
                    + " driver, not inside functions that run in tasks");
        }
        return context;
    }

    public final int id() {
        return id;
    }

    public final synchronized Partition[] partitions() {
        if (checkpointData != null) {
            return checkpointData.partitions();
        }
        if (partitions == null) {
            partitions = computePartitions();
        }
        return partitions;
    }

    public final int getNumPartitions() {
        return partitions().length;
    }

    public final synchronized List<Dependency<?>> dependencies() {
        return checkpointData != null ? List.of(new OneToOneDependency<>(checkpointData)) : dependencies;
    }

    @SuppressWarnings("unchecked")
    protected final <U> RDD<U> firstParent() {
        return (RDD<U>) dependencies().get(0).rdd();
    }

    /**
     * The partition's elements: from the cache or checkpoint when available, else computed.
     * Levels compare by value: a task's copy of the RDD holds a deserialized level, never the
     * {@code NONE} constant itself (compared by identity, every RDD of every task went through the
     * block manager and reported a block update).
     */
    public final Iterator<T> iterator(Partition split, TaskContext ctx) {
        if (!StorageLevel.NONE.equals(storageLevel) && checkpointData == null) {
            return ctx.env().blockManager().getOrCompute(new BlockId.RddBlock(id, split.index()), storageLevel,
                    () -> computeOrReadCheckpoint(split, ctx));
        }
        return computeOrReadCheckpoint(split, ctx);
    }

    private Iterator<T> computeOrReadCheckpoint(Partition split, TaskContext ctx) {
        return checkpointData != null ? checkpointData.iterator(split, ctx) : compute(split, ctx);
    }

    public final String name() {
        return name;
    }

    public final RDD<T> setName(String name) {
        this.name = name;
        return this;
    }

    final <R extends RDD<?>> R from(R rdd, String operation) {
        ((RDD<?>) rdd).origin = operation;
        return rdd;
    }

    public final String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return (name == null ? "" : name + " ") + getClass().getSimpleName() + "[" + id + "]"
                + (origin.isEmpty() ? "" : " at " + origin);
    }

    public String toDebugString() {
        return DebugString.of(this);
    }

    // ---- persistence and checkpointing ----

    public final RDD<T> persist(StorageLevel level) {
        if (!StorageLevel.NONE.equals(storageLevel) && !storageLevel.equals(level)) {
            throw new EmberException("Cannot change the storage level of RDD " + id + " from " + storageLevel
                    + " to " + level + " without unpersist() first");
        }
        if (StorageLevel.NONE.equals(storageLevel) && !StorageLevel.NONE.equals(level)) {
            context().registerForCleanup(this, new CleanupTask.CleanRdd(id));
        }
        storageLevel = level;
        return this;
    }

    public final RDD<T> cache() {
        return persist(StorageLevel.MEMORY_ONLY);
    }

    public final RDD<T> unpersist() {
        context().unpersistRdd(id);
        storageLevel = StorageLevel.NONE;
        return this;
    }

    public final StorageLevel getStorageLevel() {
        return storageLevel;
    }

    /** Saves this RDD to the checkpoint dir after the next job that computes it, cutting lineage. */
    public final void checkpoint() {
        if (context().checkpointDir().isEmpty()) {
            throw new EmberException("Checkpoint directory is not set: call setCheckpointDir(dir) first");
        }
        checkpointRequested = true;
    }

    /** Cuts lineage after the next job, keeping partitions in executor storage (not fault tolerant). */
    public final void localCheckpoint() {
        if (StorageLevel.NONE.equals(storageLevel)) {
            persist(StorageLevel.MEMORY_AND_DISK);
        }
        localCheckpointRequested = true;
    }

    public final boolean isCheckpointed() {
        return checkpointData != null && !localCheckpointRequested;
    }

    public final boolean isLocallyCheckpointed() {
        return checkpointData != null && localCheckpointRequested;
    }

    public final Optional<String> getCheckpointFile() {
        return checkpointData instanceof CheckpointRDD<?> c && !localCheckpointRequested
                ? Optional.of(c.directory()) : Optional.empty();
    }

    /**
     * Called by the context after a job: materializes the checkpoints requested in the lineage,
     * nearest first. The walk stops at checkpointed RDDs and at those it checkpoints, and visits
     * every other RDD once (see {@link Lineage}).
     */
    public final void doCheckpoint() {
        Lineage.walk(this, RDD::checkpointIfRequested);
    }

    /** Checkpoints this RDD if that was requested; returns whether the walk goes on to its parents. */
    private boolean checkpointIfRequested() {
        if (checkpointData != null) {
            return false;
        }
        if (!checkpointRequested && !localCheckpointRequested) {
            return true;
        }
        synchronized (this) {
            if (checkpointing) {
                return false;
            }
            checkpointing = true;
        }
        try {
            RDD<T> data;
            if (checkpointRequested) {
                data = CheckpointRDD.write(this);
            } else {
                count(); // caches every partition before lineage is cut
                data = new LocalCheckpointRDD<>(this);
            }
            synchronized (this) {
                checkpointData = data;
                partitions = null;
                dependencies = List.of(); // lets the lineage it replaces (and its shuffles) be cleaned
            }
        } finally {
            synchronized (this) {
                checkpointing = false;
            }
        }
        return false;
    }

    // ---- narrow transformations ----

    public <U> RDD<U> map(Function<T, U> f) {
        return from(new MapPartitionsRDD<T, U>(this, (i, it) -> Iterators.map(it, f), false), "map");
    }

    public <U> RDD<U> flatMap(FlatMapFunction<T, U> f) {
        return from(new MapPartitionsRDD<T, U>(this, (i, it) -> Iterators.flatMap(it, f), false), "flatMap");
    }

    public RDD<T> filter(Function<T, Boolean> f) {
        return from(new MapPartitionsRDD<T, T>(this, (i, it) -> Iterators.filter(it, f), true), "filter");
    }

    public <U> RDD<U> mapPartitions(Function<Iterator<T>, Iterator<U>> f, boolean preservesPartitioning) {
        return from(new MapPartitionsRDD<T, U>(this, (i, it) -> f.call(it), preservesPartitioning), "mapPartitions");
    }

    public <U> RDD<U> mapPartitions(Function<Iterator<T>, Iterator<U>> f) {
        return mapPartitions(f, false);
    }

    public <U> RDD<U> mapPartitionsWithIndex(PartitionFunction<T, U> f, boolean preservesPartitioning) {
        return from(new MapPartitionsRDD<>(this, f, preservesPartitioning), "mapPartitionsWithIndex");
    }

    public RDD<List<T>> glom() {
        return from(new MapPartitionsRDD<T, List<T>>(this, (i, it) -> List.of(Iterators.toList(it)).iterator(), false),
                "glom");
    }

    public <K> RDD<Tuple2<K, T>> keyBy(Function<T, K> f) {
        return from(new MapPartitionsRDD<T, Tuple2<K, T>>(this,
                (i, it) -> Iterators.map(it, x -> new Tuple2<>(f.call(x), x)), false), "keyBy");
    }

    public RDD<T> union(RDD<T> other) {
        return from(new UnionRDD<>(context(), List.of(this, other)), "union");
    }

    public <U> RDD<Tuple2<T, U>> zip(RDD<U> other) {
        return from(new ZippedRDD<>(this, other), "zip");
    }

    public RDD<Tuple2<T, Long>> zipWithIndex() {
        return from(new ZippedWithIndexRDD<>(this), "zipWithIndex");
    }

    public RDD<Tuple2<T, Long>> zipWithUniqueId() {
        int n = getNumPartitions();
        return from(new MapPartitionsRDD<T, Tuple2<T, Long>>(this, (index, it) -> {
            long[] i = {0};
            return Iterators.map(it, x -> new Tuple2<>(x, (i[0]++) * n + index));
        }, false), "zipWithUniqueId");
    }

    public RDD<T> sample(boolean withReplacement, double fraction, long seed) {
        return from(Sampling.sample(this, withReplacement, fraction, seed), "sample");
    }

    public List<RDD<T>> randomSplit(double[] weights, long seed) {
        return Sampling.randomSplit(this, weights, seed);
    }

    public RDD<T> coalesce(int numPartitions, boolean shuffle) {
        if (numPartitions <= 0) {
            throw new IllegalArgumentException("coalesce needs a positive number of partitions, got " + numPartitions);
        }
        if (shuffle) {
            return from(Shuffles.repartition(this, numPartitions), "repartition");
        }
        return from(new CoalescedRDD<>(this, numPartitions), "coalesce");
    }

    public RDD<T> coalesce(int numPartitions) {
        return coalesce(numPartitions, false);
    }

    public RDD<T> repartition(int numPartitions) {
        return coalesce(numPartitions, true);
    }

    public <U> RDD<Tuple2<T, U>> cartesian(RDD<U> other) {
        return from(new CartesianRDD<>(this, other), "cartesian");
    }

    /** Streams each partition's elements as lines through an external command's stdin. */
    public RDD<String> pipe(List<String> command, Map<String, String> env) {
        return from(new PipedRDD<>(this, command, env), "pipe");
    }

    public RDD<String> pipe(String command) {
        return pipe(List.of("/bin/sh", "-c", command), Map.of());
    }

    // ---- wide transformations ----

    public RDD<T> distinct(int numPartitions) {
        return from(Shuffles.distinct(this, numPartitions), "distinct");
    }

    public RDD<T> distinct() {
        return distinct(getNumPartitions());
    }

    public <K> RDD<T> sortBy(Function<T, K> keyFunc, boolean ascending, int numPartitions) {
        return from(Shuffles.sortBy(this, keyFunc, ascending, numPartitions), "sortBy");
    }

    public <K> RDD<Tuple2<K, Iterable<T>>> groupBy(Function<T, K> f, int numPartitions) {
        return from(new PairRDDFunctions<>(keyBy(f)).groupByKey(numPartitions), "groupBy");
    }

    public <K> RDD<Tuple2<K, Iterable<T>>> groupBy(Function<T, K> f) {
        return groupBy(f, context().defaultParallelism());
    }

    public RDD<T> intersection(RDD<T> other) {
        return from(Shuffles.intersection(this, other), "intersection");
    }

    public RDD<T> subtract(RDD<T> other) {
        return subtract(other, getNumPartitions());
    }

    public RDD<T> subtract(RDD<T> other, int numPartitions) {
        return from(Shuffles.subtract(this, other, numPartitions), "subtract");
    }

    // ---- actions ----

    /** Runs a job over every partition, results in partition order. */
    public final <U> List<U> runJob(TaskFunction<T, U> func) {
        int[] all = new int[getNumPartitions()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return context().runJob(this, func, all);
    }

    public List<T> collect() {
        List<List<T>> parts = runJob((ctx, it) -> Iterators.toList(it));
        int n = 0;
        for (List<T> p : parts) {
            n += p.size();
        }
        List<T> all = new ArrayList<>(n);
        parts.forEach(all::addAll);
        return all;
    }

    public long count() {
        long total = 0;
        for (long c : runJob((ctx, it) -> Iterators.count(it))) {
            total += c;
        }
        return total;
    }

    public List<T> take(int num) {
        return Actions.take(this, num);
    }

    public T first() {
        List<T> one = take(1);
        if (one.isEmpty()) {
            throw new EmberException("first() called on an empty RDD (RDD " + id + ")");
        }
        return one.get(0);
    }

    public boolean isEmpty() {
        return getNumPartitions() == 0 || take(1).isEmpty();
    }

    public T reduce(Function2<T, T, T> f) {
        List<Optional<T>> parts = runJob((ctx, it) -> Iterators.reduce(it, f));
        Optional<T> acc = Optional.empty();
        for (Optional<T> p : parts) {
            if (p.isPresent()) {
                acc = Optional.of(acc.isEmpty() ? p.get() : Functions.apply(f, acc.get(), p.get()));
            }
        }
        return acc.orElseThrow(() -> new EmberException("reduce() called on an empty RDD (RDD " + id + ")"));
    }

    public T treeReduce(Function2<T, T, T> f, int depth) {
        return Actions.treeReduce(this, f, depth);
    }

    public T fold(T zero, Function2<T, T, T> op) {
        T acc = zero;
        for (T part : runJob((ctx, it) -> Iterators.fold(it, zero, op))) {
            acc = Functions.apply(op, acc, part);
        }
        return acc;
    }

    public <U> U aggregate(U zero, Function2<U, T, U> seqOp, Function2<U, U, U> combOp) {
        U acc = zero;
        for (U part : runJob((ctx, it) -> Iterators.fold(it, zero, seqOp))) {
            acc = Functions.apply(combOp, acc, part);
        }
        return acc;
    }

    public <U> U treeAggregate(U zero, Function2<U, T, U> seqOp, Function2<U, U, U> combOp, int depth) {
        return Actions.treeAggregate(this, zero, seqOp, combOp, depth);
    }

    public void foreach(VoidFunction<T> f) {
        runJob((ctx, it) -> {
            while (it.hasNext()) {
                f.call(it.next());
            }
            return Boolean.TRUE;
        });
    }

    public void foreachPartition(VoidFunction<Iterator<T>> f) {
        runJob((ctx, it) -> {
            f.call(it);
            return Boolean.TRUE;
        });
    }

    public Map<T, Long> countByValue() {
        return Actions.countByValue(this);
    }

    public List<T> takeOrdered(int num, SerializableComparator<T> order) {
        return Actions.takeOrdered(this, num, order);
    }

    public List<T> takeOrdered(int num) {
        return takeOrdered(num, SerializableComparator.natural());
    }

    public List<T> top(int num, SerializableComparator<T> order) {
        return takeOrdered(num, order.reversed());
    }

    public List<T> top(int num) {
        return top(num, SerializableComparator.natural());
    }

    public List<T> takeSample(boolean withReplacement, int num, long seed) {
        return Sampling.takeSample(this, withReplacement, num, seed);
    }

    public T max(SerializableComparator<T> order) {
        return reduce((a, b) -> order.compare(a, b) >= 0 ? a : b);
    }

    public T min(SerializableComparator<T> order) {
        return reduce((a, b) -> order.compare(a, b) <= 0 ? a : b);
    }

    /** Iterates all elements, computing one partition per job as the iterator advances. */
    public Iterator<T> toLocalIterator() {
        return Actions.toLocalIterator(this);
    }

    public void saveAsTextFile(String path) {
        OutputWriter.saveAsTextFile(this, path);
    }

    public void saveAsObjectFile(String path) {
        OutputWriter.saveAsObjectFile(this, path);
    }
}
