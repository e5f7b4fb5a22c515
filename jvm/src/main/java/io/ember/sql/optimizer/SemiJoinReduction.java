package io.ember.sql.optimizer;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.EqualTo;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LeafNode;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes, before an aggregation, the groups a join will find no partner for: when one side
 * of an equi-join is an aggregate grouped on its join key, and the other side's key comes from
 * a selective filter over a scan (its "origin", reached through joins, filters and selects,
 * which only ever keep some of its values, and across inner and semi joins' equalities), the aggregate's input is first semi-joined with
 * the origin's keys. TPC-H's q17 averages the quantity of every one of 200,000 parts over all
 * of lineitem to compare with the 200 parts of one brand and container; q2 finds the cheapest
 * supplier of every part to keep those of one size and type; q20 sums a year of lineitem per
 * part and supplier to keep the parts named 'forest%'. A group whose key is not among
 * the origin's keys meets no row on the other side (an equality never holds for null), so
 * dropping it changes nothing for an inner join, for the null-supplying side of a left outer
 * join, or for the right side of a left semi join. Spark reaches the same plans through its
 * runtime filters ({@code InjectRuntimeFilter}, semi-join reduction).
 *
 * <p>It runs only where it pays: the origin keeps at most a quarter of its source's rows and
 * {@link #MAX_ORIGIN_ROWS} rows (its keys are broadcast), and the aggregate's input is at least
 * half as large as the origin's source (which is read a second time). Stateless.
 */
final class SemiJoinReduction implements Rule<LogicalPlan> {
    static final double MAX_ORIGIN_ROWS = 1_000_000;

    private final Predicates p;
    private final Cardinality cardinality;

    SemiJoinReduction(Predicates p) {
        this.p = p;
        this.cardinality = new Cardinality(p);
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof Join j && j.condition().isPresent() ? reduce(j) : node);
    }

    private LogicalPlan reduce(Join j) {
        boolean rightMayShrink = j.joinType() == JoinType.INNER || j.joinType() == JoinType.LEFT_OUTER
                || j.joinType() == JoinType.LEFT_SEMI;
        boolean leftMayShrink = j.joinType() == JoinType.INNER || j.joinType() == JoinType.RIGHT_OUTER;
        for (Expression c : p.splitConjuncts(j.condition().get())) {
            if (!(c instanceof EqualTo eq && eq.left() instanceof AttributeReference a
                    && eq.right() instanceof AttributeReference b)) {
                continue;
            }
            for (AttributeReference[] keys : List.of(new AttributeReference[] {a, b}, new AttributeReference[] {b, a})) {
                boolean leftKey = produces(j.left(), keys[0]) && produces(j.right(), keys[1]);
                if (leftKey && rightMayShrink) {
                    LogicalPlan r = reduced(j.right(), keys[1], j.left(), keys[0]);
                    if (r != null) {
                        return new Join(j.left(), r, j.joinType(), j.condition());
                    }
                }
                if (leftKey && leftMayShrink) {
                    LogicalPlan l = reduced(j.left(), keys[0], j.right(), keys[1]);
                    if (l != null) {
                        return new Join(l, j.right(), j.joinType(), j.condition());
                    }
                }
            }
        }
        return j;
    }

    /**
     * {@code side}, an aggregate grouped on {@code key}, over only the rows whose key is among
     * the values of {@code otherKey}'s origin in {@code other}; null when that does not apply.
     */
    private LogicalPlan reduced(LogicalPlan side, AttributeReference key, LogicalPlan other, AttributeReference otherKey) {
        if (!(side instanceof Aggregate agg) || agg.groupingExpressions().stream()
                .noneMatch(g -> g instanceof AttributeReference r && r.exprId().equals(key.exprId()))
                || !produces(agg.child(), key)) {
            return null;
        }
        List<Origin> origins = new ArrayList<>();
        origins(other, otherKey, origins);
        double input = cardinality.of(agg.child()).rows();
        for (Origin o : origins) {
            double rows = cardinality.of(o.plan()).rows();
            double source = cardinality.of(leaf(o.plan())).rows();
            if (!o.plan().exists(n -> n instanceof Filter) || rows > MAX_ORIGIN_ROWS || rows > source / 4
                    || input < source / 2) {
                continue;
            }
            LogicalPlan keys = o.plan() instanceof Project pr && pr.projectList().equals(List.of(o.key())) ? o.plan()
                    : new Project(List.of(o.key()), o.plan());
            if (agg.child() instanceof Join done && done.joinType() == JoinType.LEFT_SEMI && done.right().equals(keys)) {
                return null;   // reduced already
            }
            Join semi = new Join(agg.child(), keys, JoinType.LEFT_SEMI, Optional.of(new EqualTo(key, o.key())));
            return new Aggregate(agg.groupingExpressions(), agg.aggregateExpressions(), semi);
        }
        return null;
    }

    /** A simple subtree (selects and filters over a scan) whose column {@code key} holds every value of a join key. */
    private record Origin(LogicalPlan plan, AttributeReference key) {}

    /**
     * Adds the origins of column {@code a} of {@code node}'s rows: followed down through selects,
     * filters, aggregates grouped on it and joins to the side that gives it, and across inner and
     * left semi joins to the column it equals on the other side.
     */
    private void origins(LogicalPlan node, AttributeReference a, List<Origin> out) {
        if (simple(node)) {
            out.add(new Origin(node, a));
            return;
        }
        if (node instanceof Project || node instanceof Filter || node instanceof Aggregate agg
                && agg.groupingExpressions().stream().anyMatch(g -> g instanceof AttributeReference r
                        && r.exprId().equals(a.exprId()))) {
            if (produces(node.children().get(0), a)) {
                origins(node.children().get(0), a, out);
            }
            return;
        }
        if (!(node instanceof Join j)) {
            return;
        }
        for (LogicalPlan child : j.children()) {
            if (produces(child, a)) {
                origins(child, a, out);
                if ((j.joinType() == JoinType.INNER || j.joinType() == JoinType.LEFT_SEMI) && j.condition().isPresent()) {
                    LogicalPlan across = child == j.left() ? j.right() : j.left();
                    for (Expression c : p.splitConjuncts(j.condition().get())) {
                        if (c instanceof EqualTo eq && eq.left() instanceof AttributeReference l
                                && eq.right() instanceof AttributeReference r) {
                            AttributeReference equal = l.exprId().equals(a.exprId()) ? r : r.exprId().equals(a.exprId()) ? l : null;
                            if (equal != null && produces(across, equal)) {
                                origins(across, equal, out);
                            }
                        }
                    }
                }
                return;
            }
        }
    }

    private static boolean simple(LogicalPlan plan) {
        LogicalPlan node = plan;
        while (node instanceof Project || node instanceof Filter) {
            node = node.children().get(0);
        }
        return node instanceof LeafNode;
    }

    private static LogicalPlan leaf(LogicalPlan simple) {
        LogicalPlan node = simple;
        while (!(node instanceof LeafNode)) {
            node = node.children().get(0);
        }
        return node;
    }

    private static boolean produces(LogicalPlan plan, AttributeReference a) {
        return plan.output().stream().anyMatch(o -> o.exprId().equals(a.exprId()));
    }
}
