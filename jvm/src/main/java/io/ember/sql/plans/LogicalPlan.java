package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.trees.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A node of a logical query plan: what to compute, not how. A subclass names its output
 * columns, the expressions it holds, and rebuilds itself with new expressions; the analyzer
 * and optimizer rewrite plans with rules over these trees.
 */
public abstract class LogicalPlan extends TreeNode<LogicalPlan> {
    private static final long serialVersionUID = 1L;

    /** {@link #resolved}'s answer once asked (a benign race: any thread computes the same value). */
    private transient Boolean resolvedMemo;

    /** The columns this plan produces, in order. */
    public abstract List<AttributeReference> output();

    /** The expressions this node holds (not its children's). */
    public abstract List<Expression> expressions();

    /** This node with {@code f} applied to each of its expressions; this node if none changed. */
    public abstract LogicalPlan mapExpressions(UnaryOperator<Expression> f);

    /**
     * True once every expression here and below is resolved. Computed once per node (nodes are
     * immutable): analyzer rules ask it of every node of every subtree, and recomputing it made
     * analysis of nested subqueries quadratic or worse (TPC-H q11 took seconds).
     */
    public final boolean resolved() {
        Boolean r = resolvedMemo;
        if (r == null) {
            r = computeResolved();
            resolvedMemo = r;
        }
        return r;
    }

    /** Whether this node is resolved; {@link #resolved} memoizes it. */
    protected boolean computeResolved() {
        for (Expression e : expressions()) {
            if (!e.resolved()) {
                return false;
            }
        }
        return childrenResolved();
    }

    public final boolean childrenResolved() {
        for (LogicalPlan c : children()) {
            if (!c.resolved()) {
                return false;
            }
        }
        return true;
    }

    /** Applies {@code rule} to every expression of every node, bottom-up. */
    public final LogicalPlan transformAllExpressions(UnaryOperator<Expression> rule) {
        return transformUp(p -> p.mapExpressions(e -> e.transformUp(rule)));
    }

    /** The output of all children, concatenated: what this node's expressions may refer to. */
    public final List<AttributeReference> inputSet() {
        List<AttributeReference> in = new ArrayList<>();
        for (LogicalPlan c : children()) {
            in.addAll(c.output());
        }
        return in;
    }

    /** Estimated size and row count; a leaf gives its own, others derive from children. */
    public Statistics stats() {
        long size = 1;
        for (LogicalPlan c : children()) {
            size = Statistics.saturatingMultiply(size, c.stats().sizeInBytes());
        }
        return new Statistics(size, null);
    }

    /** Maps each expression with {@code f}; returns null when none changed. */
    protected static <E extends Expression> List<E> mapAll(List<E> exprs, UnaryOperator<Expression> f) {
        List<E> out = new ArrayList<>(exprs.size());
        boolean changed = false;
        for (E e : exprs) {
            @SuppressWarnings("unchecked")
            E n = (E) f.apply(e);
            changed |= n != e;
            out.add(n);
        }
        return changed ? out : null;
    }
}
