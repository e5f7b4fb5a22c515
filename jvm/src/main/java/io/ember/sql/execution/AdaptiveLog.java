package io.ember.sql.execution;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What adaptive execution decided while one query's plan ran (partitions coalesced, a sort-merge
 * join switched to a broadcast, skewed partitions split), per physical operator, so that
 * {@code explain()} after the run can show the final plan as Spark's
 * {@code AdaptiveSparkPlan isFinalPlan=true} does. A decision either replaces the operator's
 * line or is a line printed above it (a shuffle read). Re-running a query records the same
 * decisions again under the same keys. Thread-safe: operators record from the driver threads
 * that build a job's RDDs while explain reads.
 */
public final class AdaptiveLog {
    /** One decision: the line to show, and whether it replaces the operator's own line. */
    public record Decision(String line, boolean replacesNode) {}

    private final Map<SparkPlan, Map<String, Decision>> decisions = new IdentityHashMap<>();

    /** Records (or re-records) the decision of {@code kind} for {@code node}. */
    public synchronized void record(SparkPlan node, String kind, String line, boolean replacesNode) {
        decisions.computeIfAbsent(node, n -> new LinkedHashMap<>()).put(kind, new Decision(line, replacesNode));
    }

    /** The decisions recorded for {@code node} (the same instance), in order. */
    public synchronized List<Decision> decisionsFor(SparkPlan node) {
        Map<String, Decision> d = decisions.get(node);
        return d == null ? List.of() : new ArrayList<>(d.values());
    }

    public synchronized boolean isEmpty() {
        return decisions.isEmpty();
    }
}
