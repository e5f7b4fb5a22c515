package io.ember.sql.trees;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An immutable node of an expression or plan tree. A subclass names its children and its
 * other constructor arguments ({@link #args()}), and rebuilds itself with new children; from
 * those three, this class gives equality, hashing, printing and the rule-driven rewrites.
 *
 * <p>A transform returns the same instance when the function changed nothing, so rule
 * executors detect a fixed point by identity and unchanged subtrees are shared.
 */
public abstract class TreeNode<T extends TreeNode<T>> implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract List<T> children();

    /** This node with {@code newChildren} in place of its children (same count and order). */
    protected abstract T withNewChildren(List<T> newChildren);

    /** The constructor arguments that are not children, for equality and printing. */
    protected abstract List<Object> args();

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /** Applies {@code rule} to every node, children first. */
    public final T transformUp(Function<T, T> rule) {
        T withChildren = mapChildren(c -> c.transformUp(rule));
        return rule.apply(withChildren);
    }

    /** Applies {@code rule} to every node, parents first (children of the rewritten node). */
    public final T transformDown(Function<T, T> rule) {
        T after = rule.apply(self());
        return after.mapChildren(c -> c.transformDown(rule));
    }

    /** Rebuilds this node with {@code f} applied to each child; this node if none changed. */
    public final T mapChildren(Function<T, T> f) {
        List<T> kids = children();
        if (kids.isEmpty()) {
            return self();
        }
        List<T> changed = new ArrayList<>(kids.size());
        boolean any = false;
        for (T c : kids) {
            T n = f.apply(c);
            any |= n != c;
            changed.add(n);
        }
        return any ? withNewChildren(changed) : self();
    }

    /** Visits every node, parents first. */
    public final void foreach(Consumer<T> visit) {
        visit.accept(self());
        for (T c : children()) {
            c.foreach(visit);
        }
    }

    /** Every node (parents first) that matches. */
    public final List<T> collect(Predicate<T> match) {
        List<T> out = new ArrayList<>();
        foreach(n -> {
            if (match.test(n)) {
                out.add(n);
            }
        });
        return out;
    }

    public final boolean exists(Predicate<T> match) {
        if (match.test(self())) {
            return true;
        }
        for (T c : children()) {
            if (c.exists(match)) {
                return true;
            }
        }
        return false;
    }

    /** The node's name in printed trees: the class name without package. */
    public String nodeName() {
        return getClass().getSimpleName();
    }

    /** One line describing this node alone, as printed trees show it. */
    public String simpleString() {
        List<Object> a = args();
        if (a.isEmpty()) {
            return nodeName();
        }
        StringBuilder b = new StringBuilder(nodeName()).append(' ');
        for (int i = 0; i < a.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(a.get(i));
        }
        return b.toString();
    }

    /** The tree printed one node per line, children indented under {@code +- } / {@code :- }. */
    public String treeString() {
        StringBuilder b = new StringBuilder();
        printTree(b, "", "", true);
        return b.toString();
    }

    final void printTree(StringBuilder b, String prefix, String marker, boolean last) {
        b.append(prefix).append(marker).append(simpleString()).append('\n');
        List<T> kids = children();
        String childPrefix = marker.isEmpty() ? prefix : prefix + (last ? "   " : ":  ");
        for (int i = 0; i < kids.size(); i++) {
            boolean lastChild = i == kids.size() - 1;
            ((TreeNode<T>) kids.get(i)).printTree(b, childPrefix, lastChild ? "+- " : ":- ", lastChild);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        TreeNode<?> other = (TreeNode<?>) o;
        return args().equals(other.args()) && children().equals(other.children());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), args(), children());
    }
}
