package io.ember.sql.cache;

import io.ember.core.LongAccumulator;
import io.ember.rdd.RDD;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.LeafExecNode;
import io.ember.sql.execution.LocalTableScanExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.planning.ScanRelation;
import io.ember.sql.plans.LeafNode;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;

/**
 * A source relation double: fixed batches split into partitions, counting every partition it
 * computes in an accumulator, so tests see whether a query read the source or the cache.
 */
final class TestingSource extends LeafNode implements ScanRelation {
    private static final long serialVersionUID = 1L;

    private final List<AttributeReference> output;
    private final List<ColumnBatch> batches;
    private final int partitions;
    private final LongAccumulator reads;

    TestingSource(List<AttributeReference> output, List<ColumnBatch> batches, int partitions, LongAccumulator reads) {
        this.output = List.copyOf(output);
        this.batches = batches;
        this.partitions = partitions;
        this.reads = reads;
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public SparkPlan planScan(List<AttributeReference> requiredColumns, List<Expression> filters) {
        return new CountingScan(new LocalTableScanExec(output, batches, partitions), reads);
    }

    @Override
    protected List<Object> args() {
        return List.of(output, System.identityHashCode(batches));
    }

    /** Scans every column (pruning is the cache's business here) and counts partitions computed. */
    static final class CountingScan extends LeafExecNode {
        private static final long serialVersionUID = 1L;
        private final LocalTableScanExec scan;
        private final LongAccumulator reads;

        CountingScan(LocalTableScanExec scan, LongAccumulator reads) {
            this.scan = scan;
            this.reads = reads;
        }

        @Override
        public List<AttributeReference> output() {
            return scan.output();
        }

        @Override
        public RDD<ColumnBatch> execute(ExecutionContext ctx) {
            LongAccumulator r = reads;
            return scan.execute(ctx).mapPartitions(it -> {
                r.add(1L);
                return it;
            });
        }

        @Override
        protected List<Object> args() {
            return List.of(scan.output());
        }
    }
}
