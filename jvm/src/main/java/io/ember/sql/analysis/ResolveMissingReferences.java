package io.ember.sql.analysis;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Sort;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets a sort or filter name a column its input dropped ({@code df.select("a").orderBy("b")}),
 * as Spark does: the column is found below the nearest select (or among the grouping columns
 * of an aggregate), added to that list, and a select on top restores the original columns.
 */
final class ResolveMissingReferences implements Rule<LogicalPlan> {
    private final NameResolver names;

    ResolveMissingReferences(NameResolver names) {
        this.names = names;
    }

    private record Added(List<Expression> exprs, LogicalPlan child) {}

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (!node.childrenResolved() || node.resolved()) {
                return node;
            }
            if (node instanceof Sort s) {
                Added a = addMissing(s.expressions(), s.child());
                if (a != null) {
                    List<SortOrder> order = a.exprs().stream().map(e -> (SortOrder) e).toList();
                    return new Project(s.child().output(), new Sort(order, s.global(), a.child()));
                }
            } else if (node instanceof Filter f) {
                Added a = addMissing(f.expressions(), f.child());
                if (a != null) {
                    return new Project(f.child().output(), new Filter(a.exprs().get(0), a.child()));
                }
            }
            return node;
        });
    }

    /** The expressions resolved with columns from under {@code child}, and {@code child} extended to output them; null if none could be. */
    private Added addMissing(List<Expression> exprs, LogicalPlan child) {
        if (child instanceof Project p) {
            List<Expression> resolved = resolveAll(exprs, p.child().output());
            List<AttributeReference> missing = missingFrom(resolved, p.output());
            if (missing.isEmpty() || unresolved(resolved)) {
                return null;
            }
            List<Expression> list = new ArrayList<>(p.projectList());
            list.addAll(missing);
            return new Added(resolved, new Project(list, p.child()));
        }
        if (child instanceof Aggregate a) {
            List<Expression> resolved = resolveAll(exprs, a.child().output());
            List<AttributeReference> missing = missingFrom(resolved, a.output());
            boolean allGrouped = missing.stream().allMatch(m -> a.groupingExpressions().stream()
                    .anyMatch(g -> g instanceof AttributeReference r && r.sameColumn(m)));
            if (missing.isEmpty() || !allGrouped || unresolved(resolved)) {
                return null;
            }
            List<Expression> list = new ArrayList<>(a.aggregateExpressions());
            list.addAll(missing);
            return new Added(resolved, new Aggregate(a.groupingExpressions(), list, a.child()));
        }
        if (child instanceof Filter || child instanceof Sort) {
            Added below = addMissing(exprs, child.children().get(0));
            return below == null ? null
                    : new Added(below.exprs(), ((io.ember.sql.plans.UnaryNode) child).withChild(below.child()));
        }
        return null;
    }

    private List<Expression> resolveAll(List<Expression> exprs, List<AttributeReference> input) {
        List<Expression> out = new ArrayList<>(exprs.size());
        for (Expression e : exprs) {
            out.add(e.transformUp(x -> x instanceof UnresolvedAttribute u
                    ? names.resolve(u.nameParts(), input).orElse(x)
                    : x));
        }
        return out;
    }

    private static boolean unresolved(List<Expression> exprs) {
        return exprs.stream().anyMatch(e -> e.exists(x -> x instanceof UnresolvedAttribute));
    }

    private static List<AttributeReference> missingFrom(List<Expression> exprs, List<AttributeReference> output) {
        List<AttributeReference> missing = new ArrayList<>();
        for (Expression e : exprs) {
            for (AttributeReference r : e.references()) {
                boolean present = output.stream().anyMatch(o -> o.sameColumn(r))
                        || missing.stream().anyMatch(m -> m.sameColumn(r));
                if (!present) {
                    missing.add(r);
                }
            }
        }
        return missing;
    }
}
