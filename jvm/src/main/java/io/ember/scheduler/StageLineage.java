package io.ember.scheduler;

import io.ember.core.Partition;
import io.ember.rdd.Dependency;
import io.ember.rdd.NarrowDependency;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The DAG scheduler's walks over lineage: shuffle boundaries for stage creation and where a
 * task would rather run. Each visits an RDD (or an RDD partition) once and uses an explicit
 * stack, so iterative lineage (diamonds, round after round) costs time linear in its size and
 * no stack depth.
 *
 * <p>Threading: stateless; called on the DAG scheduler's event thread.
 */
final class StageLineage {
    private StageLineage() {}

    /**
     * The shuffle dependencies reachable from {@code rdd} through narrow dependencies only:
     * the boundaries of the stage that computes it, each once, in walk order.
     */
    static List<ShuffleDependency<?, ?, ?>> stageBoundaries(RDD<?> rdd) {
        return boundaries(rdd, r -> false);
    }

    /**
     * The ids of the shuffles a stage over {@code rdd} reads as things stand: its boundaries,
     * except those reached only through RDDs whose every partition is cached (Spark's rule:
     * tasks read such an RDD from the cache, so what it was computed from is not needed, and a
     * lost or cleaned map output behind it is not recomputed). If a cached block disappears
     * before a task reads it, the task's fetch of the missing output fails and the scheduler
     * recomputes it then.
     */
    static Set<Integer> shufflesToRead(RDD<?> rdd, CacheLocator cache) {
        Set<Integer> ids = new HashSet<>();
        for (ShuffleDependency<?, ?, ?> sd : boundaries(rdd, r -> fullyCached(r, cache))) {
            ids.add(sd.shuffleId());
        }
        return ids;
    }

    /**
     * The shuffle dependencies reachable from {@code rdd} through narrow dependencies, not
     * looking past RDDs that {@code stopAt} accepts. Lineage.walk follows every edge; this walk
     * must not cross shuffles, so it keeps its own stack.
     */
    private static List<ShuffleDependency<?, ?, ?>> boundaries(RDD<?> rdd, Predicate<RDD<?>> stopAt) {
        Map<Integer, ShuffleDependency<?, ?, ?>> byId = new LinkedHashMap<>();
        Set<Integer> visited = new HashSet<>();
        ArrayDeque<RDD<?>> toVisit = new ArrayDeque<>();
        toVisit.push(rdd);
        while (!toVisit.isEmpty()) {
            RDD<?> r = toVisit.pop();
            if (!visited.add(r.id()) || stopAt.test(r)) {
                continue;
            }
            List<Dependency<?>> deps = r.dependencies();
            for (int i = deps.size() - 1; i >= 0; i--) {
                Dependency<?> d = deps.get(i);
                if (d instanceof ShuffleDependency<?, ?, ?> sd) {
                    byId.putIfAbsent(sd.shuffleId(), sd);
                } else if (!visited.contains(d.rdd().id())) {
                    toVisit.push(d.rdd());
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static boolean fullyCached(RDD<?> rdd, CacheLocator cache) {
        if (!rdd.getStorageLevel().isValid()) {
            return false;
        }
        int n = rdd.getNumPartitions();
        for (int p = 0; p < n; p++) {
            if (cache.executorsWith(rdd.id(), p).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The shuffle dependencies in {@code rdd}'s ancestry that have no stage yet, ancestors
     * before descendants, each once, so that creating stages in this order never needs a stage
     * that does not exist yet. The walk stops at shuffles that have a stage ({@code hasStage}
     * of the shuffle id): their ancestors got stages when they did.
     */
    static List<ShuffleDependency<?, ?, ?>> shufflesWithoutStages(RDD<?> rdd, IntPredicate hasStage) {
        List<ShuffleDependency<?, ?, ?>> ordered = new ArrayList<>();
        Set<Integer> visited = new HashSet<>();
        Set<Integer> seenShuffles = new HashSet<>();
        // Holds RDDs to visit and, below each shuffle's map-side RDD, the shuffle itself, which
        // is emitted once everything above it (its ancestry) has been walked: post-order.
        ArrayDeque<Object> stack = new ArrayDeque<>();
        stack.push(rdd);
        while (!stack.isEmpty()) {
            Object top = stack.pop();
            if (top instanceof ShuffleDependency<?, ?, ?> done) {
                ordered.add(done);
                continue;
            }
            RDD<?> r = (RDD<?>) top;
            if (!visited.add(r.id())) {
                continue;
            }
            List<Dependency<?>> deps = r.dependencies();
            for (int i = deps.size() - 1; i >= 0; i--) {
                Dependency<?> d = deps.get(i);
                if (d instanceof ShuffleDependency<?, ?, ?> sd) {
                    if (!hasStage.test(sd.shuffleId()) && seenShuffles.add(sd.shuffleId())) {
                        stack.push(sd);
                        stack.push(sd.rdd());
                    }
                } else if (!visited.contains(d.rdd().id())) {
                    stack.push(d.rdd());
                }
            }
        }
        return ordered;
    }

    /**
     * Where a task computing partition {@code p} of {@code rdd} would rather run: the executors
     * holding the partition cached, else the RDD's own preference, else, depth first through
     * narrow dependencies, the first parent partition with either (Spark's rule). Each
     * (RDD, partition) is looked at once.
     */
    static List<String> preferredLocations(RDD<?> rdd, Partition p, CacheLocator cache) {
        record Site(RDD<?> rdd, int partition) {}
        Set<Long> visited = new HashSet<>();
        ArrayDeque<Site> toVisit = new ArrayDeque<>();
        toVisit.push(new Site(rdd, p.index()));
        while (!toVisit.isEmpty()) {
            Site site = toVisit.pop();
            RDD<?> r = site.rdd();
            if (!visited.add(((long) r.id() << 32) | site.partition())) {
                continue;
            }
            if (r.getStorageLevel().isValid()) {
                List<String> cached = cache.executorsWith(r.id(), site.partition());
                if (!cached.isEmpty()) {
                    return cached;
                }
            }
            Partition part = r == rdd ? p : r.partitions()[site.partition()];
            List<String> own = r.preferredLocations(part);
            if (!own.isEmpty()) {
                return own;
            }
            List<Dependency<?>> deps = r.dependencies();
            for (int i = deps.size() - 1; i >= 0; i--) {
                if (deps.get(i) instanceof NarrowDependency<?> n) {
                    List<Integer> parents = n.parents(site.partition());
                    for (int j = parents.size() - 1; j >= 0; j--) {
                        toVisit.push(new Site(n.rdd(), parents.get(j)));
                    }
                }
            }
        }
        return List.of();
    }
}
