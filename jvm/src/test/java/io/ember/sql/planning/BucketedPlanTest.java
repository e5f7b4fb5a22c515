package io.ember.sql.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.RDD;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.Partitioning;
import io.ember.sql.execution.ShuffleExchangeExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LeafNode;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Statistics;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Bucketed scans in planning: equi-joins of sides bucketed alike need no exchange, a side with
 * fewer buckets (or none) is exchanged with Spark's hash to the other's count, and
 * {@link DisableUnnecessaryBucketedScan} drops bucketing nobody uses or that the settings turn off.
 */
class BucketedPlanTest {
    private static final SqlConf CONF = new SqlConf(Map.of(SqlConf.SHUFFLE_PARTITIONS, "5",
            SqlConf.AUTO_BROADCAST_THRESHOLD, "-1"));

    /** A scan double reading {@code buckets} buckets of its first column (0: not bucketed). */
    static final class TestingBucketedScan extends SparkPlan implements BucketedScan {
        private static final long serialVersionUID = 1L;
        final List<AttributeReference> output;
        final int buckets;

        TestingBucketedScan(List<AttributeReference> output, int buckets) {
            this.output = output;
            this.buckets = buckets;
        }

        @Override
        public List<AttributeReference> output() {
            return output;
        }

        @Override
        public RDD<ColumnBatch> execute(ExecutionContext ctx) {
            throw new UnsupportedOperationException("planning only");
        }

        @Override
        public boolean bucketed() {
            return buckets > 0;
        }

        @Override
        public SparkPlan withoutBucketing() {
            return new TestingBucketedScan(output, 0);
        }

        @Override
        public Partitioning outputPartitioning() {
            return buckets > 0 ? new Partitioning.Bucketed(List.of(output.get(0)), buckets) : new Partitioning.Unknown(3);
        }

        @Override
        public List<SparkPlan> children() {
            return List.of();
        }

        @Override
        protected SparkPlan withNewChildren(List<SparkPlan> newChildren) {
            return this;
        }

        @Override
        protected List<Object> args() {
            return List.of(output, buckets);
        }
    }

    /** A relation whose scan is a {@link TestingBucketedScan}. */
    static final class TestingBucketedRelation extends LeafNode implements ScanRelation {
        private static final long serialVersionUID = 1L;
        final List<AttributeReference> output;
        final int buckets;

        TestingBucketedRelation(String prefix, int buckets) {
            this.output = List.of(new AttributeReference(prefix + "k", DataTypes.LongType, true),
                    new AttributeReference(prefix + "v", DataTypes.LongType, true));
            this.buckets = buckets;
        }

        @Override
        public List<AttributeReference> output() {
            return output;
        }

        @Override
        public SparkPlan planScan(List<AttributeReference> requiredColumns, List<Expression> filters) {
            return new TestingBucketedScan(output, buckets);
        }

        @Override
        public Statistics stats() {
            return new Statistics(1L << 40, null);
        }

        @Override
        protected List<Object> args() {
            return List.of(output, buckets);
        }
    }

    private static SparkPlan join(int leftBuckets, int rightBuckets, SqlConf conf) {
        TestingBucketedRelation l = new TestingBucketedRelation("l", leftBuckets);
        TestingBucketedRelation r = new TestingBucketedRelation("r", rightBuckets);
        LogicalPlan join = new Join(l, r, JoinType.INNER, Optional.of(new EqualTo(l.output.get(0), r.output.get(0))));
        return new QueryPlanner(conf).plan(join);
    }

    private static List<ShuffleExchangeExec> exchanges(SparkPlan plan) {
        List<ShuffleExchangeExec> out = new ArrayList<>();
        plan.foreach(p -> {
            if (p instanceof ShuffleExchangeExec e) {
                out.add(e);
            }
        });
        return out;
    }

    @Test
    void sidesBucketedAlikeJoinWithoutExchanges() {
        SparkPlan plan = join(4, 4, CONF);
        assertEquals(List.of(), exchanges(plan), plan.treeString());
    }

    @Test
    void theSideWithFewerBucketsIsExchangedWithSparksHashToTheOthersCount() {
        SparkPlan plan = join(4, 8, CONF);
        List<ShuffleExchangeExec> ex = exchanges(plan);
        assertEquals(1, ex.size(), plan.treeString());
        assertTrue(ex.get(0).outputPartitioning() instanceof Partitioning.Bucketed b && b.numPartitions() == 8,
                plan.treeString());
        assertEquals("lk", ((AttributeReference) ((Partitioning.Bucketed) ex.get(0).outputPartitioning())
                .expressions().get(0)).name());
        SparkPlan plain = join(0, 4, CONF);
        List<ShuffleExchangeExec> one = exchanges(plain);
        assertEquals(1, one.size(), plain.treeString());
        assertEquals(new Partitioning.Bucketed(List.of(one.get(0).child().output().get(0)), 4),
                one.get(0).outputPartitioning());
    }

    @Test
    void bucketingOffOrUnusedGivesOrdinaryScansAndHashExchanges() {
        SqlConf off = new SqlConf(Map.of(SqlConf.SHUFFLE_PARTITIONS, "5", SqlConf.AUTO_BROADCAST_THRESHOLD, "-1",
                DisableUnnecessaryBucketedScan.ENABLED, "false"));
        SparkPlan plan = join(4, 4, off);
        List<ShuffleExchangeExec> ex = exchanges(plan);
        assertEquals(2, ex.size(), plan.treeString());
        ex.forEach(e -> assertEquals(new Partitioning.Hash(List.of(e.child().output().get(0)), 5), e.outputPartitioning()));
        plan.foreach(p -> assertFalse(p instanceof BucketedScan s && s.bucketed(), plan.treeString()));
        SparkPlan scan = new QueryPlanner(CONF).plan(new TestingBucketedRelation("t", 4));
        scan.foreach(p -> assertFalse(p instanceof BucketedScan s && s.bucketed(), scan.treeString()));
    }
}
