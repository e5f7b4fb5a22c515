package io.ember.sql.optimizer;

import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders a chain of three or more inner joins by estimated cost: dynamic programming over the
 * subsets of the chain's inputs (as Spark's cost-based reorder does) picks, for every subset,
 * the join tree whose intermediate results hold the fewest rows in total ({@link Cardinality}
 * estimates them), joining only inputs that a condition connects while any such split exists.
 * Each condition is attached where its columns first meet; the larger side of a join is put
 * on the left. Chains of more than {@link #MAX_INPUTS} inputs keep their written order. A
 * select on top keeps the original column order. Inputs are reordered in turn (recursively),
 * never the joins this rule builds.
 */
final class ReorderJoins implements Rule<LogicalPlan> {
    static final int MAX_INPUTS = 12;

    private final Predicates p;
    private final Cardinality cardinality;

    ReorderJoins(Predicates p) {
        this.p = p;
        this.cardinality = new Cardinality(p);
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (!p.hasAnd()) {
            return plan;
        }
        return rewrite(plan);
    }

    private LogicalPlan rewrite(LogicalPlan node) {
        if (node instanceof Join j && j.joinType() == JoinType.INNER) {
            return reorder(j);
        }
        return node.mapChildren(this::rewrite);
    }

    private LogicalPlan reorder(Join root) {
        List<LogicalPlan> items = new ArrayList<>();
        List<Expression> conds = new ArrayList<>();
        flatten(root, items, conds);
        items.replaceAll(this::rewrite);
        if (items.size() < 3 || items.size() > MAX_INPUTS) {
            return rebuildInOrder(root, items);
        }
        JoinGraph g = new JoinGraph(items, conds);
        LogicalPlan best = new Search(g).best();
        if (!g.unplaced().isEmpty()) {
            best = new Filter(p.conjunction(g.unplaced()).get(), best);
        }
        if (best.equals(root)) {
            return root;
        }
        return best.output().equals(root.output()) ? best : new Project(root.output(), best);
    }

    /** The chain as written, with its inputs' own joins reordered. */
    private LogicalPlan rebuildInOrder(Join root, List<LogicalPlan> items) {
        int[] next = {0};
        return rebuild(root, items, next);
    }

    private LogicalPlan rebuild(LogicalPlan node, List<LogicalPlan> items, int[] next) {
        if (node instanceof Join j && j.joinType() == JoinType.INNER) {
            LogicalPlan l = rebuild(j.left(), items, next);
            LogicalPlan r = rebuild(j.right(), items, next);
            return l == j.left() && r == j.right() ? j : new Join(l, r, JoinType.INNER, j.condition());
        }
        return items.get(next[0]++);
    }

    private void flatten(LogicalPlan node, List<LogicalPlan> items, List<Expression> conds) {
        if (node instanceof Join j && j.joinType() == JoinType.INNER) {
            flatten(j.left(), items, conds);
            flatten(j.right(), items, conds);
            j.condition().ifPresent(c -> conds.addAll(p.splitConjuncts(c)));
        } else {
            items.add(node);
        }
    }

    /**
     * The chain's inputs (conditions on one input already applied to it as a filter), its
     * multi-input conditions with the inputs each reads (a bit mask), and every subset's
     * estimated rows.
     */
    private final class JoinGraph {
        final List<LogicalPlan> items = new ArrayList<>();
        final List<Expression> conds = new ArrayList<>();
        final List<Integer> masks = new ArrayList<>();
        private final List<Expression> constant = new ArrayList<>();
        final double[] rows;

        JoinGraph(List<LogicalPlan> inputs, List<Expression> allConds) {
            List<Set<ExprId>> ids = inputs.stream().map(i -> Aliases.ids(i.output())).toList();
            Map<Integer, List<Expression>> local = new HashMap<>();
            for (Expression c : allConds) {
                int mask = 0;
                for (int i = 0; i < inputs.size(); i++) {
                    Set<ExprId> own = ids.get(i);
                    if (c.references().stream().anyMatch(r -> own.contains(r.exprId()))) {
                        mask |= 1 << i;
                    }
                }
                if (mask == 0) {
                    constant.add(c);
                } else if (Integer.bitCount(mask) == 1) {
                    local.computeIfAbsent(Integer.numberOfTrailingZeros(mask), k -> new ArrayList<>()).add(c);
                } else {
                    conds.add(c);
                    masks.add(mask);
                }
            }
            for (int i = 0; i < inputs.size(); i++) {
                List<Expression> own = local.get(i);
                items.add(own == null ? inputs.get(i) : new Filter(p.conjunction(own).get(), inputs.get(i)));
            }
            rows = subsetRows();
        }

        /** Conditions that read no input: applied above the whole chain. */
        List<Expression> unplaced() {
            return constant;
        }

        private double[] subsetRows() {
            int n = items.size();
            List<Cardinality.Estimate> est = items.stream().map(cardinality::of).toList();
            // conditions between the same two inputs count together (a composite key); the rest one by one
            Map<Integer, List<Expression>> byPair = new HashMap<>();
            List<Integer> pairMasks = new ArrayList<>();
            List<Double> sel = new ArrayList<>();
            for (int c = 0; c < conds.size(); c++) {
                int mask = masks.get(c);
                if (Integer.bitCount(mask) == 2) {
                    byPair.computeIfAbsent(mask, m -> new ArrayList<>()).add(conds.get(c));
                    continue;
                }
                Map<ExprId, Cardinality.Column> cols = new HashMap<>();
                double product = 1;
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        cols.putAll(est.get(i).columns());
                        product *= est.get(i).rows();
                    }
                }
                pairMasks.add(mask);
                sel.add(cardinality.selectivity(conds.get(c), new Cardinality.Estimate(product, cols)));
            }
            byPair.forEach((mask, group) -> {
                int i = Integer.numberOfTrailingZeros(mask);
                int j = 31 - Integer.numberOfLeadingZeros(mask);
                pairMasks.add(mask);
                sel.add(cardinality.joinSelectivity(group, Aliases.ids(items.get(i).output()), est.get(i), est.get(j)));
            });
            double[] out = new double[1 << n];
            for (int s = 1; s < out.length; s++) {
                double r = 1;
                for (int i = 0; i < n; i++) {
                    if ((s & (1 << i)) != 0) r *= est.get(i).rows();
                }
                for (int c = 0; c < sel.size(); c++) {
                    if ((pairMasks.get(c) & s) == pairMasks.get(c)) r *= sel.get(c);
                }
                out[s] = Math.max(1, r);
            }
            return out;
        }

        /** Whether a condition joins the two disjoint subsets within their union. */
        boolean connects(int a, int b) {
            for (int mask : masks) {
                if ((mask & ~(a | b)) == 0 && (mask & a) != 0 && (mask & b) != 0) {
                    return true;
                }
            }
            return false;
        }

        Join join(LogicalPlan left, int a, LogicalPlan right, int b) {
            List<Expression> on = new ArrayList<>();
            for (int c = 0; c < conds.size(); c++) {
                int mask = masks.get(c);
                if ((mask & ~(a | b)) == 0 && (mask & a) != 0 && (mask & b) != 0) {
                    on.add(conds.get(c));
                }
            }
            boolean swap = rows[b] > rows[a];
            return new Join(swap ? right : left, swap ? left : right, JoinType.INNER, p.conjunction(on));
        }
    }

    /** The dynamic program: for each subset in increasing order, its cheapest split. */
    private static final class Search {
        private final JoinGraph g;
        private final double[] cost;
        private final LogicalPlan[] plans;

        Search(JoinGraph g) {
            this.g = g;
            int n = g.items.size();
            this.cost = new double[1 << n];
            this.plans = new LogicalPlan[1 << n];
            for (int i = 0; i < n; i++) {
                plans[1 << i] = g.items.get(i);
            }
        }

        LogicalPlan best() {
            for (int s = 1; s < plans.length; s++) {
                if (Integer.bitCount(s) >= 2 && !split(s, true)) {
                    split(s, false);
                }
            }
            return plans[plans.length - 1];
        }

        /** Sets subset {@code s}'s cheapest plan over splits a condition connects (or any split); false if none. */
        private boolean split(int s, boolean connectedOnly) {
            int bestA = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int a = (s - 1) & s; a > 0; a = (a - 1) & s) {
                int b = s ^ a;
                if (a < b || plans[a] == null || plans[b] == null || (connectedOnly && !g.connects(a, b))) {
                    continue;
                }
                double c = cost[a] + cost[b] + g.rows[s];
                if (c < best) {
                    best = c;
                    bestA = a;
                }
            }
            if (bestA == 0) {
                return false;
            }
            cost[s] = best;
            plans[s] = g.join(plans[bestA], bestA, plans[s ^ bestA], s ^ bestA);
            return true;
        }
    }
}
