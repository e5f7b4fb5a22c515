package io.ember.sql.execution;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The key sets that {@link RuntimeKeyFilter}s collected in one run of a plan, by the exchange
 * whose output they came from, so that a join higher up can filter with them too: q21's anti
 * join reads its left rows from a semi join over the same exchange whose keys filtered the
 * semi join's other side. Rows keep their key values through sorts, filters, projections that
 * pass the key columns on, and joins (a join's output row takes each side's columns from one
 * row of that side, or nulls, which match nothing), so every non-null key value above such a
 * path is in the set. One instance per run (in its {@link ExecutionContext}); thread-safe.
 */
public final class RuntimeKeySets {
    private record Built(List<ExprId> keys, Shared<RuntimeKeySet> set) {}

    private final Map<ShuffleExchangeExec, Built> built = new IdentityHashMap<>();

    /** Remembers that {@code set} holds every non-null value of {@code keys} in {@code exchange}'s output. */
    synchronized void register(ShuffleExchangeExec exchange, List<Expression> keys, Shared<RuntimeKeySet> set) {
        List<ExprId> ids = ids(keys);
        if (ids != null) {
            built.put(exchange, new Built(ids, set));
        }
    }

    /** A set holding every non-null value {@code keys} take in {@code plan}'s output, if this run built one. */
    synchronized Optional<Shared<RuntimeKeySet>> bounding(SparkPlan plan, List<Expression> keys) {
        List<ExprId> ids = ids(keys);
        return ids == null ? Optional.empty() : Optional.ofNullable(walk(plan, ids));
    }

    private Shared<RuntimeKeySet> walk(SparkPlan p, List<ExprId> ids) {
        if (p instanceof ShuffleExchangeExec e) {
            Built b = built.get(e);
            return b != null && b.keys().equals(ids) ? b.set() : null;
        }
        if (p instanceof SortExec || p instanceof FilterExec || p instanceof ProjectExec) {
            SparkPlan child = p.children().get(0);
            return outputs(child, ids) ? walk(child, ids) : null;
        }
        if (p instanceof JoinExec) {
            for (SparkPlan side : p.children()) {
                if (outputs(side, ids)) {
                    return walk(side, ids);
                }
            }
        }
        return null;
    }

    private static boolean outputs(SparkPlan p, List<ExprId> ids) {
        Set<ExprId> out = p.output().stream().map(AttributeReference::exprId).collect(Collectors.toSet());
        return out.containsAll(ids);
    }

    /** The keys' expression ids, or null unless every key is a plain column. */
    private static List<ExprId> ids(List<Expression> keys) {
        List<ExprId> ids = new ArrayList<>();
        for (Expression k : keys) {
            if (!(k instanceof AttributeReference a)) {
                return null;
            }
            ids.add(a.exprId());
        }
        return ids;
    }
}
