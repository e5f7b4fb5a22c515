package io.ember.sql.cache;

import io.ember.rdd.RDD;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.plans.Statistics;
import io.ember.sql.vector.ColumnBatch;
import io.ember.storage.StorageLevel;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The cached data of one cached query: an {@code RDD<CachedBatch>} over the query's physical
 * plan, persisted at the chosen storage level through the ordinary RDD cache. So the block
 * manager holds the encoded batches, evicts them under memory pressure (to disk when the level
 * allows, else dropped and rebuilt from lineage on the next read), serves them to other
 * executors, and unpersist and the context cleaner remove them everywhere.
 *
 * <p>The RDD is made when a query first scans the cache and its partitions are built by the
 * first job that reads them, as in Spark. Thread-safe: queries on several threads may scan the
 * same cache; the RDD is made once under this object's lock.
 */
final class CachedRDDBuilder {
    private final List<AttributeReference> cachedOutput;
    private final StorageLevel level;
    private final String name;
    private final Supplier<SparkPlan> physicalPlan;
    private final PartitionStats partitionStats;
    private RDD<CachedBatch> rdd;
    private boolean cleared;

    CachedRDDBuilder(List<AttributeReference> cachedOutput, StorageLevel level, String name,
            Supplier<SparkPlan> physicalPlan, PartitionStats partitionStats) {
        this.cachedOutput = List.copyOf(cachedOutput);
        this.level = level;
        this.name = name;
        this.physicalPlan = physicalPlan;
        this.partitionStats = partitionStats;
    }

    /** The columns of the cached batches, in order: the cached plan's output. */
    List<AttributeReference> cachedOutput() {
        return cachedOutput;
    }

    StorageLevel storageLevel() {
        return level;
    }

    String name() {
        return name;
    }

    /**
     * The persisted RDD of cached batches, made on first use. After {@link #clear} (a query
     * planned before {@code unpersist} and run after it) the batches are computed again
     * without being stored.
     */
    synchronized RDD<CachedBatch> cachedRdd(ExecutionContext ctx) {
        if (rdd == null) {
            RDD<ColumnBatch> source = physicalPlan.get().execute(ctx);
            PartitionStats stats = partitionStats;
            rdd = source.mapPartitionsWithIndex((index, batches) -> encode(index, batches, stats), true)
                    .setName("In-memory table " + name);
            if (!cleared) {
                rdd.persist(level);
            }
        }
        return rdd;
    }

    /** Rows and encoded bytes once every partition has been built; null before. */
    synchronized Statistics statistics() {
        if (rdd == null) {
            return null;
        }
        long[] totals = partitionStats.totals(rdd.getNumPartitions());
        return totals == null ? null : new Statistics(Math.max(1, totals[1]), totals[0]);
    }

    /** The accumulator the building tasks report partition sizes to (unregistered when the cache is removed). */
    PartitionStats partitionStats() {
        return partitionStats;
    }

    /** The cached RDD's id, or -1 before it is made (tests look its blocks up by it). */
    synchronized int rddId() {
        return rdd == null ? -1 : rdd.id();
    }

    /** Drops the cached blocks from every executor; later reads compute without storing. */
    synchronized void clear() {
        cleared = true;
        if (rdd != null && !StorageLevel.NONE.equals(rdd.getStorageLevel())) {
            rdd.unpersist();
        }
    }

    private static Iterator<CachedBatch> encode(int partition, Iterator<ColumnBatch> batches, PartitionStats stats) {
        return new Iterator<>() {
            long rows;
            long bytes;
            boolean reported;

            @Override
            public boolean hasNext() {
                if (batches.hasNext()) {
                    return true;
                }
                if (!reported) {
                    reported = true;
                    stats.add(new long[] {partition, rows, bytes});
                }
                return false;
            }

            @Override
            public CachedBatch next() {
                CachedBatch b = CachedBatch.of(batches.next());
                rows += b.numRows();
                bytes += b.sizeInBytes();
                return b;
            }
        };
    }
}
