package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;
import java.util.Optional;

/**
 * Runs a sort-merge join adaptively (driver side, while its RDD is built): the map stages of
 * both exchanges run first, then, from their actual output sizes ({@link SkewJoinPlanner}):
 * a side under the broadcast threshold is collected and broadcast and the other side's
 * shuffle output probes it (no sort, no merge); else skewed partitions are split when the
 * plan allows it (and then sorted and merged); else small partitions are coalesced alike on
 * both sides and joined by hashing, each task building its smaller side ({@link #HASH_INSTEAD_OF_SORT}).
 * Used once.
 */
final class AdaptiveSortMergeJoin {
    /**
     * Whether a sort-merge join that is neither broadcast nor split for skew runs as a
     * shuffled hash join of its exchanges' outputs (Ember's setting; default true): hashing a
     * partition's smaller side costs less than sorting both sides, and {@link GraceHashJoin}
     * spills when it does not fit. The join's output order was never promised to its parent.
     */
    static final String HASH_INSTEAD_OF_SORT = "ember.sql.adaptive.hashJoinInsteadOfSort";


    private final SortMergeJoinExec join;
    private final ShuffleExchangeExec leftExchange;
    private final ShuffleExchangeExec rightExchange;

    AdaptiveSortMergeJoin(SortMergeJoinExec join, ShuffleExchangeExec leftExchange, ShuffleExchangeExec rightExchange) {
        this.join = join;
        this.leftExchange = leftExchange;
        this.rightExchange = rightExchange;
    }

    RDD<ColumnBatch> execute(ExecutionContext ctx) {
        SqlConf conf = ctx.conf();
        int n = leftExchange.partitioning().numPartitions();
        JoinSide first = join.smallerSide();
        boolean firstRight = first == JoinSide.RIGHT;
        ShuffleExchangeExec fe = firstRight ? rightExchange : leftExchange;
        ShuffleExchangeExec oe = firstRight ? leftExchange : rightExchange;
        ShuffleDependency<Integer, byte[], byte[]> fd = fe.shuffle(ctx);
        long[][] fm = ShuffleSizesRDD.mapSizes(ctx, fd, n);
        long firstBytes = sum(ShuffleSizesRDD.total(fm, n));
        if (join.skewSplittable()) {
            Optional<JoinSide> early = SkewJoinPlanner.broadcastSide(join.joinType(),
                    firstRight ? Long.MAX_VALUE : firstBytes, firstRight ? firstBytes : Long.MAX_VALUE,
                    SkewJoinPlanner.broadcastThreshold(conf));
            if (early.isPresent()) {
                // nothing above needs this join's partitioning: the other side is read as it is, never shuffled
                ctx.adaptive().record(join, "join", "BroadcastHashJoin " + join.leftKeys() + ", " + join.rightKeys()
                        + ", " + join.joinType() + ", Build" + (firstRight ? "Right" : "Left") + " (adaptive: was "
                        + "SortMergeJoin; the " + side(first) + " side's shuffle output is " + firstBytes + " bytes, so "
                        + "the " + side(firstRight ? JoinSide.LEFT : JoinSide.RIGHT) + " side is not shuffled)", true);
                return broadcast(ctx, first, fe.read(fd, whole(ctx, fm, n)), oe.child().execute(ctx));
            }
        }
        ShuffleDependency<Integer, byte[], byte[]> od;
        if (RuntimeKeyFilter.applies(join.joinType(), first) && RuntimeKeyFilter.enabled(conf, firstBytes)) {
            List<Expression> fk = firstRight ? join.rightKeys() : join.leftKeys();
            List<Expression> ok = firstRight ? join.leftKeys() : join.rightKeys();
            Shared<RuntimeKeySet> set = RuntimeKeyFilter.keySet(ctx, fe.read(fd, whole(ctx, fm, n)),
                    BindReferences.bindAll(fk, fe.output()).toArray(new Expression[0]));
            ctx.keySets().register(fe, fk, set);
            od = oe.shuffleOf(ctx, RuntimeKeyFilter.keep(oe.child().execute(ctx), set,
                    BindReferences.bindAll(ok, oe.output()).toArray(new Expression[0])));
            ctx.adaptive().record(oe, "runtimeFilter", "RuntimeFilter " + ok + " IN keys of the " + side(first)
                    + " side (adaptive: its shuffle output is " + firstBytes + " bytes)", false);
        } else {
            od = oe.shuffle(ctx);
        }
        long[][] om = ShuffleSizesRDD.mapSizes(ctx, od, n);
        ShuffleDependency<Integer, byte[], byte[]> ld = firstRight ? od : fd;
        ShuffleDependency<Integer, byte[], byte[]> rd = firstRight ? fd : od;
        long[][] lm = firstRight ? om : fm;
        long[][] rm = firstRight ? fm : om;
        long[] ls = ShuffleSizesRDD.total(lm, n);
        long[] rs = ShuffleSizesRDD.total(rm, n);
        boolean coalesce = n > 1 && CoalescePlanner.enabled(conf) && leftExchange.coalescible()
                && rightExchange.coalescible();
        Optional<JoinSide> side = SkewJoinPlanner.broadcastSide(join.joinType(), sum(ls), sum(rs),
                SkewJoinPlanner.broadcastThreshold(conf));
        if (side.isPresent()) {
            boolean right = side.get() == JoinSide.RIGHT;
            long[] streamSizes = right ? ls : rs;
            List<ShuffledBatchRDD.Spec> streamSpecs = coalesce
                    ? CoalescePlanner.specs(List.of(streamSizes), CoalescePlanner.advisory(conf), CoalescePlanner.minPartitions(ctx))
                    : ShuffledBatchRDD.identity(n);
            RDD<ColumnBatch> build = right ? rightExchange.read(rd, whole(ctx, rm, n))
                    : leftExchange.read(ld, whole(ctx, lm, n));
            RDD<ColumnBatch> stream = right ? leftExchange.read(ld, streamSpecs) : rightExchange.read(rd, streamSpecs);
            ctx.adaptive().record(join, "join", "BroadcastHashJoin " + join.leftKeys() + ", " + join.rightKeys() + ", "
                    + join.joinType() + ", Build" + (right ? "Right" : "Left") + " (adaptive: was SortMergeJoin; the "
                    + (right ? "right" : "left") + " side's shuffle output is " + sum(right ? rs : ls) + " bytes)", true);
            (right ? leftExchange : rightExchange).recordCoalesced(ctx, n, streamSpecs.size());
            return broadcast(ctx, side.get(), build, stream);
        }
        List<ShuffledBatchRDD.Spec> lSpecs = null, rSpecs = null;
        if (join.skewSplittable() && Boolean.parseBoolean(conf.get(SkewJoinPlanner.SKEW_ENABLED, "true"))) {
            Optional<List<List<ShuffledBatchRDD.Spec>>> skew = SkewJoinPlanner.skewSpecs(join.joinType(), lm, rm, n,
                    Double.parseDouble(conf.get(SkewJoinPlanner.SKEW_FACTOR, "5")),
                    Long.parseLong(conf.get(SkewJoinPlanner.SKEW_THRESHOLD, String.valueOf(256L << 20))),
                    CoalescePlanner.advisory(conf));
            if (skew.isPresent()) {
                lSpecs = skew.get().get(0);
                rSpecs = skew.get().get(1);
                ctx.adaptive().record(join, "skew", "SortMergeJoin " + join.leftKeys() + ", " + join.rightKeys() + ", "
                        + join.joinType() + ", isSkewJoin=true (adaptive: " + n + " partitions read as " + lSpecs.size()
                        + " tasks)", true);
            }
        }
        if (lSpecs == null) {
            lSpecs = coalesce ? CoalescePlanner.specs(List.of(ls, rs), CoalescePlanner.advisory(conf),
                    CoalescePlanner.minPartitions(ctx)) : ShuffledBatchRDD.identity(n);
            rSpecs = lSpecs;
            leftExchange.recordCoalesced(ctx, n, lSpecs.size());
            rightExchange.recordCoalesced(ctx, n, rSpecs.size());
            if (hashInsteadOfSort(conf)) {
                ctx.adaptive().record(join, "join", "ShuffledHashJoin " + join.leftKeys() + ", " + join.rightKeys() + ", "
                        + join.joinType() + ", BuildSmallerSide (adaptive: was SortMergeJoin; neither side is under the "
                        + "broadcast threshold and no partition is skewed)", true);
                return join.hashJoin(ctx, leftExchange.read(ld, lSpecs), rightExchange.read(rd, rSpecs));
            }
        }
        SortExec leftSort = (SortExec) join.left();
        SortExec rightSort = (SortExec) join.right();
        return join.zip(ctx, leftSort.sortEach(ctx, leftExchange.read(ld, lSpecs)),
                rightSort.sortEach(ctx, rightExchange.read(rd, rSpecs)));
    }

    /** Whether {@link #HASH_INSTEAD_OF_SORT} is on in {@code conf}. */
    static boolean hashInsteadOfSort(SqlConf conf) {
        return Boolean.parseBoolean(conf.get(HASH_INSTEAD_OF_SORT, "true"));
    }

    /**
     * Reduce specs that read a small side whole, for the driver to collect: its partitions
     * coalesced by size (a few tasks, not one per reduce partition).
     */
    private static List<ShuffledBatchRDD.Spec> whole(ExecutionContext ctx, long[][] mapSizes, int n) {
        return CoalescePlanner.specs(List.of(ShuffleSizesRDD.total(mapSizes, n)), CoalescePlanner.advisory(ctx.conf()),
                CoalescePlanner.minPartitions(ctx));
    }

    private static String side(JoinSide s) {
        return s == JoinSide.RIGHT ? "right" : "left";
    }

    private static long sum(long[] sizes) {
        long s = 0;
        for (long x : sizes) {
            s += x;
        }
        return s;
    }

    /** A broadcast hash join of the exchanges' outputs, building {@code side}. */
    private RDD<ColumnBatch> broadcast(ExecutionContext ctx, JoinSide side, RDD<ColumnBatch> build,
                                       RDD<ColumnBatch> stream) {
        boolean right = side == JoinSide.RIGHT;
        SparkPlan buildPlan = right ? join.right() : join.left();
        SparkPlan streamPlan = right ? join.left() : join.right();
        List<Expression> buildKeys = right ? join.rightKeys() : join.leftKeys();
        List<Expression> streamKeys = right ? join.leftKeys() : join.rightKeys();
        Expression[] bk = BindReferences.bindAll(buildKeys, buildPlan.output()).toArray(new Expression[0]);
        Expression[] sk = BindReferences.bindAll(streamKeys, streamPlan.output()).toArray(new Expression[0]);
        List<DataType> buildTypes = buildPlan.outputTypes();
        int[] parts = new int[build.getNumPartitions()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = i;
        }
        HashedRelation rel = HashedRelation.build(Collecting.collect(ctx, build, parts, Integer.MAX_VALUE, buildTypes),
                buildTypes, bk);
        Shared<HashedRelation> shared = Shared.broadcast(ctx, rel);
        JoinType type = join.joinType();
        Expression cond = join.boundCondition();
        List<DataType> streamTypes = streamPlan.outputTypes();
        return stream.mapPartitions(it -> new HashJoiner(type, side, shared.get(), sk, cond, streamTypes).join(it), false);
    }
}
