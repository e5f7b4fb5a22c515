package io.ember.sql.optimizer;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.expressions.subquery.SubqueryErrors;
import io.ember.sql.expressions.subquery.SubqueryExpression;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.UnaryNode;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** What the subquery rewrites share: nested subqueries first, and the join-per-subquery of a select, filter or aggregate. */
final class SubqueryRewrites {
    private SubqueryRewrites() {}

    /** A subquery joined to an operator's input: the join, and the expression of its columns that takes the subquery's place. */
    record Joined(LogicalPlan plan, Expression value) {}

    /**
     * {@code rule} applied to the plan of every subquery in {@code plan}'s expressions (so that
     * a subquery's own subqueries are joins before it is), then {@code rewrite} to every node of
     * {@code plan} that holds a subquery, bottom-up.
     */
    static LogicalPlan nestedFirst(LogicalPlan plan, Rule<LogicalPlan> rule, UnaryOperator<LogicalPlan> rewrite) {
        LogicalPlan inner = plan.transformAllExpressions(e -> {
            if (e instanceof SubqueryExpression s) {
                LogicalPlan sub = rule.apply(s.plan());
                return sub == s.plan() ? s : s.withPlan(sub);
            }
            return e;
        });
        return inner.transformUp(node -> node.expressions().stream().anyMatch(Subqueries::hasSubquery)
                ? rewrite.apply(node) : node);
    }

    /**
     * {@code node} (a select, filter or aggregate) with each subquery {@code kind} accepts joined
     * to its input by {@code join}, and replaced by the value the join gives. A filter gets a
     * select above it that keeps its output; an aggregate that reads a value outside its
     * aggregate functions also groups by it (one value per group). Other nodes are returned as they are.
     */
    static LogicalPlan joinEach(LogicalPlan node, Predicate<Expression> kind,
                                BiFunction<LogicalPlan, SubqueryExpression, Joined> join) {
        if (!(node instanceof Project || node instanceof Filter || node instanceof Aggregate)) {
            return node;
        }
        List<SubqueryExpression> subs = new ArrayList<>();
        for (Expression e : node.expressions()) {
            e.foreach(x -> {
                if (kind.test(x) && !subs.contains(x)) {
                    subs.add((SubqueryExpression) x);
                }
            });
        }
        if (subs.isEmpty()) {
            return node;
        }
        LogicalPlan child = ((UnaryNode) node).child();
        Map<Expression, Expression> values = new HashMap<>();
        List<AttributeReference> added = new ArrayList<>();
        for (SubqueryExpression s : subs) {
            Joined j = join.apply(child, s);
            child = j.plan();
            values.put(s, j.value());
            added.addAll(j.value().references());
        }
        LogicalPlan out = ((UnaryNode) node).withChild(child)
                .mapExpressions(e -> e.transformUp(x -> values.getOrDefault(x, x)));
        if (node instanceof Filter) {
            return new Project(new ArrayList<>(node.output()), out);
        }
        if (out instanceof Aggregate a) {
            return groupedAlsoBy(a, added);
        }
        return out;
    }

    private static Aggregate groupedAlsoBy(Aggregate a, List<AttributeReference> added) {
        List<AttributeReference> outside = new ArrayList<>();
        for (Expression e : a.aggregateExpressions()) {
            collectOutsideAggregates(e, added, outside);
        }
        if (outside.isEmpty()) {
            return a;
        }
        if (a.groupingExpressions().isEmpty()) {
            throw SubqueryErrors.unsupportedShape("a subquery outside the aggregate functions of a global aggregate",
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
}
