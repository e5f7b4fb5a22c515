package io.ember.sql.rules;

import io.ember.sql.trees.TreeNode;
import java.util.List;

/**
 * Runs named batches of rules in order. A batch runs its rules in sequence, repeatedly, until
 * a pass changes nothing (a fixed point) or its iteration limit is reached; a {@code once}
 * batch runs a single pass. The analyzer, optimizer and planner are rule executors.
 */
public abstract class RuleExecutor<T extends TreeNode<T>> {
    /** A named group of rules and how many passes it may take. */
    public record Batch<T extends TreeNode<T>>(String name, int maxIterations, List<Rule<T>> rules) {
        @SafeVarargs
        public static <T extends TreeNode<T>> Batch<T> once(String name, Rule<T>... rules) {
            return new Batch<>(name, 1, List.of(rules));
        }

        @SafeVarargs
        public static <T extends TreeNode<T>> Batch<T> fixedPoint(String name, Rule<T>... rules) {
            return new Batch<>(name, 100, List.of(rules));
        }
    }

    protected abstract List<Batch<T>> batches();

    public T execute(T tree) {
        T current = tree;
        for (Batch<T> batch : batches()) {
            for (int i = 0; i < batch.maxIterations(); i++) {
                T before = current;
                for (Rule<T> rule : batch.rules()) {
                    current = rule.apply(current);
                }
                if (current == before || current.equals(before)) {
                    break;
                }
            }
        }
        return current;
    }
}
