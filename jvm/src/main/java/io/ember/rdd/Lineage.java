package io.ember.rdd;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks over an RDD's lineage that visit each RDD once. Iterative programs build each round
 * from the previous round's RDD used more than once (the transitive-closure loop joins and
 * unions the same RDD), so lineage is a chain of diamonds: a walk that does not remember what
 * it visited does work that doubles every round, and a recursive one can run out of stack on
 * long lineages. Every walk over dependencies goes through here or keeps its own visited set
 * keyed by RDD id and an explicit stack.
 *
 * <p>Threading: stateless; a walk runs on the calling thread and reads {@link RDD#dependencies()}.
 */
public final class Lineage {
    private Lineage() {}

    /**
     * Visits {@code root} and its ancestors depth first, each RDD once, parents in dependency
     * order (the order a recursive walk would take). {@code visitor} returns whether the walk
     * goes on into that RDD's parents.
     */
    public static void walk(RDD<?> root, Predicate<RDD<?>> visitor) {
        Set<Integer> visited = new HashSet<>();
        ArrayDeque<RDD<?>> toVisit = new ArrayDeque<>();
        toVisit.push(root);
        while (!toVisit.isEmpty()) {
            RDD<?> rdd = toVisit.pop();
            if (!visited.add(rdd.id()) || !visitor.test(rdd)) {
                continue;
            }
            List<Dependency<?>> deps = rdd.dependencies();
            for (int i = deps.size() - 1; i >= 0; i--) {
                RDD<?> parent = deps.get(i).rdd();
                if (!visited.contains(parent.id())) {
                    toVisit.push(parent);
                }
            }
        }
    }
}
