package io.ember.sql.optimizer;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.CaseWhen;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.subquery.ScalarSubquery;
import io.ember.sql.expressions.subquery.SingleValue;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.expressions.subquery.SubqueryErrors;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.plans.UnaryNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns each scalar subquery of a select, filter or aggregate into a left outer join of the
 * operator's input with the subquery, whose value column takes the subquery's place.
 * Uncorrelated: a global aggregate joins as it is (one row); any other plan under
 * {@link SingleValue} (null for no row, an error for two). Correlated: the correlated
 * predicates are pulled up and become the join condition; a global aggregate is grouped by
 * their inner columns, and when the aggregate has a value over no rows (the count bug:
 * {@code count} over no rows is 0, not null) a marker column tells an outer row that found no
 * group, which then gets that value; any other plan is grouped by those columns under
 * {@link SingleValue}. Filters get a select over them that keeps their output. Stateless.
 */
public final class RewriteScalarSubquery implements io.ember.sql.rules.Rule<LogicalPlan> {
    private final Predicates p;
    private final PullUpCorrelatedPredicates pullUp;

    public RewriteScalarSubquery(Predicates p) {
        this.p = p;
        this.pullUp = new PullUpCorrelatedPredicates(p);
    }

    private record Joined(LogicalPlan plan, Expression value) {}

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return SubqueryRewrites.nestedFirst(plan, this, this::rewrite);
    }

    private LogicalPlan rewrite(LogicalPlan node) {
        if (!(node instanceof Project || node instanceof Filter || node instanceof Aggregate)) {
            return node;
        }
        List<ScalarSubquery> subs = new ArrayList<>();
        for (Expression e : node.expressions()) {
            e.foreach(x -> {
                if (x instanceof ScalarSubquery s && !subs.contains(s)) {
                    subs.add(s);
                }
            });
        }
        if (subs.isEmpty()) {
            return node;
        }
        LogicalPlan child = ((UnaryNode) node).child();
        Map<Expression, Expression> values = new HashMap<>();
        List<AttributeReference> added = new ArrayList<>();
        for (ScalarSubquery s : subs) {
            Joined j = join(child, s);
            child = j.plan();
            values.put(s, j.value());
            added.addAll(j.value().references());
        }
        LogicalPlan out = ((UnaryNode) node).withChild(child)
                .mapExpressions(e -> e.transformUp(x -> x instanceof ScalarSubquery s ? values.get(s) : x));
        if (node instanceof Filter) {
            return new Project(new ArrayList<>(node.output()), out);
        }
        if (out instanceof Aggregate a) {
            return groupedAlsoBy(a, added);
        }
        return out;
    }

    /** An aggregate reading a subquery's value outside its aggregate functions also groups by it (one value per group). */
    private static Aggregate groupedAlsoBy(Aggregate a, List<AttributeReference> added) {
        List<AttributeReference> outside = new ArrayList<>();
        for (Expression e : a.aggregateExpressions()) {
            collectOutsideAggregates(e, added, outside);
        }
        if (outside.isEmpty()) {
            return a;
        }
        if (a.groupingExpressions().isEmpty()) {
            throw SubqueryErrors.unsupportedShape("a scalar subquery outside the aggregate functions of a global aggregate",
                    a.simpleString());
        }
        List<Expression> grouping = new ArrayList<>(a.groupingExpressions());
        grouping.addAll(outside);
        return new Aggregate(grouping, a.aggregateExpressions(), a.child());
    }

    private static void collectOutsideAggregates(Expression e, List<AttributeReference> added, List<AttributeReference> out) {
        if (e instanceof AggregateFunction) {
            return;
        }
        if (e instanceof AttributeReference a && added.stream().anyMatch(x -> x.sameColumn(a))
                && out.stream().noneMatch(x -> x.sameColumn(a))) {
            out.add(a);
        }
        for (Expression c : e.children()) {
            collectOutsideAggregates(c, added, out);
        }
    }

    private Joined join(LogicalPlan child, ScalarSubquery s) {
        LogicalPlan sub = s.plan();
        while (sub instanceof SubqueryAlias a) {
            sub = a.child();
        }
        // Read from the nullable side of a left outer join: nullable, or rules would fold isnull() away.
        AttributeReference column = sub.output().get(0).withNullability(true);
        boolean global = sub instanceof Aggregate a && a.groupingExpressions().isEmpty();
        if (!s.correlated()) {
            if (global) {
                return new Joined(new Join(child, sub, JoinType.LEFT_OUTER, Optional.empty()), column);
            }
            Alias v = new Alias(new SingleValue(column), column.name());
            return new Joined(new Join(child, new Aggregate(List.of(), List.of(v), sub), JoinType.LEFT_OUTER, Optional.empty()),
                    v.toAttribute());
        }
        if (global) {
            Aggregate a = (Aggregate) sub;
            PullUpCorrelatedPredicates.Result below = pullUp.pullUp(a.child());
            Aggregate grouped = pullUp.groupByKeys(a, below);
            Expression value = column;
            Optional<Expression> empty = valueOverNoRows(a.aggregateExpressions().get(0));
            if (empty.isPresent()) {
                Alias marker = new Alias(Predicates.TRUE, "alwaysTrue");
                List<Expression> outputs = new ArrayList<>(grouped.aggregateExpressions());
                outputs.add(marker);
                grouped = new Aggregate(grouped.groupingExpressions(), outputs, grouped.child());
                Expression noGroup = p.build("isnull", List.of(marker.toAttribute().withNullability(true))).orElseThrow();
                value = new CaseWhen(List.<Expression[]>of(new Expression[] {noGroup, empty.get()}), column);
            }
            return new Joined(new Join(child, grouped, JoinType.LEFT_OUTER, condition(below)), value);
        }
        PullUpCorrelatedPredicates.Result r = pullUp.pullUp(sub);
        List<AttributeReference> keys = pullUp.equalityKeys(r.predicates());
        Alias v = new Alias(new SingleValue(column), column.name());
        List<Expression> outputs = new ArrayList<>(keys);
        outputs.add(v);
        Aggregate right = new Aggregate(keys, outputs, r.plan());
        return new Joined(new Join(child, right, JoinType.LEFT_OUTER, condition(r)), v.toAttribute());
    }

    private Optional<Expression> condition(PullUpCorrelatedPredicates.Result r) {
        List<Expression> conds = new ArrayList<>();
        for (Expression pred : r.predicates()) {
            conds.add(Subqueries.stripOuter(pred));
        }
        return p.conjunction(conds);
    }

    /**
     * What an aggregate's value expression gives over no rows, when not null: each aggregate
     * function replaced by its value for a group that saw nothing ({@code count} 0), then
     * folded; the unfolded expression of constants when folding fails at planning time.
     */
    static Optional<Expression> valueOverNoRows(Expression aggregateOutput) {
        Expression body = aggregateOutput instanceof Alias al ? al.child() : aggregateOutput;
        Expression constants = body.transformDown(x -> x instanceof AggregateFunction f
                ? new Literal(f.newState().result(1).get(0), f.dataType()) : x);
        if (!constants.references().isEmpty()) {
            return Optional.empty();
        }
        try {
            Object v = constants.evalConstant();
            return v == null ? Optional.empty() : Optional.of(new Literal(v, body.dataType()));
        } catch (RuntimeException notFoldable) {
            return Optional.of(constants);
        }
    }
}
