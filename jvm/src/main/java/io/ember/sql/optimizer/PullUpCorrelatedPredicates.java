package io.ember.sql.optimizer;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.expressions.subquery.SubqueryErrors;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Distinct;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.Limit;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Offset;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Sort;
import io.ember.sql.plans.SubqueryAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes the predicates that read the outer query ({@code s.k = outer(t.k)}) out of a
 * subquery's plan, so that they can become the condition of the join the subquery turns into.
 * They are pulled up through filters, selects (which then also keep the inner columns the
 * predicates read), inner joins and the preserved side of outer, semi and anti joins, and
 * grouped aggregates, when every predicate below the aggregate is an equality between an
 * inner column and outer values (the column becomes a grouping key), and limits and offsets
 * under the same condition ({@link CorrelatedLimit}: the columns partition a row number). Any other place an outer
 * column appears is a shape that cannot become a join, and {@link #pullUp} says so with an
 * {@code AnalysisException} naming it, rather than give a wrong answer. The analyzer runs it to
 * check a subquery; the optimizer to rewrite it. Stateless.
 */
public final class PullUpCorrelatedPredicates {
    private final Predicates p;

    public PullUpCorrelatedPredicates(Predicates p) {
        this.p = p;
    }

    /** A plan without outer references, and the predicates taken out of it (still holding their outer references). */
    public record Result(LogicalPlan plan, List<Expression> predicates) {}

    /** {@code plan} with its correlated predicates taken out; throws {@code AnalysisException} for a shape it cannot decorrelate. */
    public Result pullUp(LogicalPlan plan) {
        if (!Subqueries.hasOuterReferences(plan)) {
            return new Result(plan, List.of());
        }
        if (plan instanceof Filter f) {
            return filter(f);
        }
        if (plan instanceof Project pr) {
            return project(pr);
        }
        if (plan instanceof Aggregate a) {
            return aggregate(a);
        }
        if (plan instanceof Join j) {
            return join(j);
        }
        if (plan instanceof Limit || plan instanceof Offset) {
            return CorrelatedLimit.pullUp(this, plan);
        }
        if (plan instanceof SubqueryAlias || plan instanceof Sort || plan instanceof Distinct) {
            requireNoOuter(plan);
            Result c = pullUp(plan.children().get(0));
            return new Result(((io.ember.sql.plans.UnaryNode) plan).withChild(c.plan()), c.predicates());
        }
        throw SubqueryErrors.unsupportedShape("an outer column in or below " + plan.nodeName(), plan.simpleString());
    }

    private static void requireNoOuter(LogicalPlan node) {
        if (node.expressions().stream().anyMatch(Subqueries::hasOuterReference)) {
            throw SubqueryErrors.outerColumnNotAllowed(node.simpleString());
        }
    }

    private Result filter(Filter f) {
        Result c = pullUp(f.child());
        List<Expression> local = new ArrayList<>();
        List<Expression> correlated = new ArrayList<>(c.predicates());
        for (Expression conjunct : p.splitConjuncts(f.condition())) {
            if (!Subqueries.hasOuterReference(conjunct)) {
                local.add(conjunct);
            } else if (Subqueries.hasSubquery(conjunct) || !conjunct.deterministic()) {
                throw SubqueryErrors.correlatedPredicate(conjunct.sql(), "it holds a subquery or is not deterministic");
            } else {
                correlated.add(conjunct);
            }
        }
        Optional<Expression> kept = p.conjunction(local);
        return new Result(kept.isPresent() ? new Filter(kept.get(), c.plan()) : c.plan(), correlated);
    }

    private Result project(Project pr) {
        requireNoOuter(pr);
        Result c = pullUp(pr.child());
        List<Expression> list = new ArrayList<>(pr.projectList());
        List<AttributeReference> out = new ArrayList<>(pr.output());
        for (AttributeReference a : innerColumns(c.predicates())) {
            if (out.stream().noneMatch(o -> o.sameColumn(a))) {
                list.add(a);
                out.add(a);
            }
        }
        return new Result(new Project(list, c.plan()), c.predicates());
    }

    private Result aggregate(Aggregate a) {
        requireNoOuter(a);
        Result c = pullUp(a.child());
        if (a.groupingExpressions().isEmpty()) {
            throw SubqueryErrors.unsupportedShape("a correlated global aggregate that is not the value of a scalar subquery",
                    a.simpleString());
        }
        return new Result(groupByKeys(a, c), c.predicates());
    }

    /**
     * {@code a} over {@code below.plan()}, also grouped by (and giving out) the inner column of each
     * of {@code below}'s predicates, which must all be equalities of an inner column and outer values.
     */
    public Aggregate groupByKeys(Aggregate a, Result below) {
        List<Expression> grouping = new ArrayList<>(a.groupingExpressions());
        List<Expression> outputs = new ArrayList<>(a.aggregateExpressions());
        List<AttributeReference> out = new ArrayList<>(a.output());
        for (AttributeReference key : equalityKeys(below.predicates())) {
            if (grouping.stream().noneMatch(g -> g instanceof AttributeReference r && r.sameColumn(key))) {
                grouping.add(key);
            }
            if (out.stream().noneMatch(o -> o.sameColumn(key))) {
                outputs.add(key);
                out.add(key);
            }
        }
        return new Aggregate(grouping, outputs, below.plan());
    }

    /** The inner column of each predicate, each an equality of an inner column and an expression of outer values only. */
    public List<AttributeReference> equalityKeys(List<Expression> predicates) {
        List<AttributeReference> keys = new ArrayList<>();
        for (Expression pred : predicates) {
            AttributeReference key = equalityKey(pred).orElseThrow(() -> SubqueryErrors.correlatedPredicate(pred.sql(),
                    "only an equality of an inner column and outer values can be pulled up through an aggregate"));
            if (keys.stream().noneMatch(k -> k.sameColumn(key))) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Whether every predicate is an equality of an inner column and outer values (so the inner columns can group). */
    public boolean allEqualities(List<Expression> predicates) {
        return predicates.stream().allMatch(pred -> equalityKey(pred).isPresent());
    }

    private Optional<AttributeReference> equalityKey(Expression pred) {
        if (!p.is("==", pred)) {
            return Optional.empty();
        }
        Expression l = pred.children().get(0);
        Expression r = pred.children().get(1);
        if (l instanceof AttributeReference a && r.references().isEmpty() && Subqueries.hasOuterReference(r)) {
            return Optional.of(a);
        }
        if (r instanceof AttributeReference a && l.references().isEmpty() && Subqueries.hasOuterReference(l)) {
            return Optional.of(a);
        }
        return Optional.empty();
    }

    private Result join(Join j) {
        JoinType t = j.joinType();
        boolean inner = t == JoinType.INNER || t == JoinType.CROSS;
        List<Expression> fromCondition = new ArrayList<>();
        Optional<Expression> condition = j.condition();
        if (condition.isPresent() && Subqueries.hasOuterReference(condition.get())) {
            if (!inner) {
                throw SubqueryErrors.outerColumnNotAllowed(j.simpleString());
            }
            List<Expression> local = new ArrayList<>();
            for (Expression c : p.splitConjuncts(condition.get())) {
                (Subqueries.hasOuterReference(c) ? fromCondition : local).add(c);
            }
            condition = p.conjunction(local);
        }
        Result l = pullUp(j.left());
        Result r = pullUp(j.right());
        boolean leftMayCorrelate = inner || t == JoinType.LEFT_OUTER || t == JoinType.LEFT_SEMI || t == JoinType.LEFT_ANTI;
        boolean rightMayCorrelate = inner || t == JoinType.RIGHT_OUTER;
        if (!l.predicates().isEmpty() && !leftMayCorrelate || !r.predicates().isEmpty() && !rightMayCorrelate) {
            throw SubqueryErrors.unsupportedShape("an outer column on the side of a " + t + " join that may be missing rows",
                    j.simpleString());
        }
        List<Expression> all = new ArrayList<>(l.predicates());
        all.addAll(r.predicates());
        all.addAll(fromCondition);
        return new Result(new Join(l.plan(), r.plan(), t, condition), all);
    }

    /** The subquery's own columns the predicates read (outer references are not among an expression's references). */
    public static List<AttributeReference> innerColumns(List<Expression> predicates) {
        List<AttributeReference> cols = new ArrayList<>();
        for (Expression e : predicates) {
            for (AttributeReference a : e.references()) {
                if (cols.stream().noneMatch(c -> c.sameColumn(a))) {
                    cols.add(a);
                }
            }
        }
        return cols;
    }
}
