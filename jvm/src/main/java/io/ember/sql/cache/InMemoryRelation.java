package io.ember.sql.cache;

import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.planning.ScanRelation;
import io.ember.sql.plans.LeafNode;
import io.ember.sql.plans.Statistics;
import io.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * A leaf standing for a cached query's result inside a later plan: the cache manager puts it
 * where a fragment of the plan matches a cached plan. Its output is the fragment's own
 * attributes (so the plan above still resolves), matched by position to the cached batches'
 * columns. As a {@link ScanRelation} it plans an {@link InMemoryTableScanExec} that decodes
 * only the columns the query reads and skips batches by their statistics. Immutable.
 */
public final class InMemoryRelation extends LeafNode implements ScanRelation {
    private static final long serialVersionUID = 1L;

    private final List<AttributeReference> output;
    private final transient CachedRDDBuilder builder;
    private final Statistics planStats;

    InMemoryRelation(List<AttributeReference> output, CachedRDDBuilder builder, Statistics planStats) {
        this.output = List.copyOf(output);
        this.builder = builder;
        this.planStats = planStats;
    }

    /** The same cached data under another plan's attributes (same types, same order). */
    InMemoryRelation withOutput(List<AttributeReference> newOutput) {
        return new InMemoryRelation(newOutput, builder, planStats);
    }

    CachedRDDBuilder builder() {
        return builder;
    }

    public StorageLevel storageLevel() {
        return builder.storageLevel();
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    /** The built cache's rows and encoded size once every partition is built; before, the cached plan's estimate. */
    @Override
    public Statistics stats() {
        Statistics built = builder.statistics();
        return built != null ? built : planStats;
    }

    @Override
    public SparkPlan planScan(List<AttributeReference> requiredColumns, List<Expression> filters) {
        int[] ordinals = new int[requiredColumns.size()];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = indexOf(requiredColumns.get(i));
        }
        List<Expression> onCached = new ArrayList<>();
        for (Expression f : filters) {
            onCached.add(f.transformUp(e -> e instanceof AttributeReference a && indexOf(a) >= 0
                    ? builder.cachedOutput().get(indexOf(a)) : e));
        }
        return new InMemoryTableScanExec(requiredColumns, ordinals, filters,
                StatsFilter.of(onCached, builder.cachedOutput()), builder);
    }

    private int indexOf(AttributeReference a) {
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i).exprId().equals(a.exprId())) {
                return i;
            }
        }
        return -1;
    }

    /** As Spark prints it: {@code InMemoryRelation [a#1, b#2], StorageLevel(disk, memory, deserialized, 1 replicas)}. */
    @Override
    public String simpleString() {
        StorageLevel l = builder.storageLevel();
        StringBuilder b = new StringBuilder("InMemoryRelation ").append(output).append(", StorageLevel(");
        b.append(l.useDisk() ? "disk, " : "").append(l.useMemory() ? "memory, " : "");
        b.append(l.deserialized() ? "deserialized, " : "").append(l.replication()).append(" replicas)");
        return b.toString();
    }

    @Override
    protected List<Object> args() {
        return List.of(output, System.identityHashCode(builder));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InMemoryRelation r && r.builder == builder && r.output.equals(output);
    }

    @Override
    public int hashCode() {
        return output.hashCode();
    }
}
