package io.ember.sql.planning;

import io.ember.sql.execution.Canonical;
import io.ember.sql.execution.HashAggregateExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Distinct;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans an aggregate as a partial hash aggregate under a final one (the exchange between them
 * comes from the final's required distribution). Grouping expressions that are not plain
 * columns get names; each distinct aggregate function gets a result column and state columns;
 * the output expressions are rewritten over the grouping columns and function results.
 */
final class AggregateStrategy implements Strategy {
    @Override
    public Optional<SparkPlan> apply(LogicalPlan plan, QueryPlanner planner) {
        if (plan instanceof Distinct d) {
            List<NamedExpression> keys = new ArrayList<>(d.child().output());
            return Optional.of(planAggregate(keys, List.copyOf(keys), planner.planChild(d.child())));
        }
        if (!(plan instanceof Aggregate a)) {
            return Optional.empty();
        }
        List<NamedExpression> grouping = new ArrayList<>();
        for (Expression g : a.groupingExpressions()) {
            grouping.add(g instanceof NamedExpression n ? n : new Alias(g, g.sql()));
        }
        List<NamedExpression> results = new ArrayList<>();
        a.aggregateExpressions().forEach(e -> results.add((NamedExpression) e));
        return Optional.of(planAggregate(grouping, results, planner.planChild(a.child())));
    }

    static SparkPlan planAggregate(List<NamedExpression> grouping, List<NamedExpression> resultExprs, SparkPlan child) {
        List<AggregateFunction> functions = new ArrayList<>();
        for (NamedExpression e : resultExprs) {
            e.foreach(x -> {
                if (x instanceof AggregateFunction f && functions.stream().noneMatch(g -> Canonical.same(g, f))) {
                    functions.add(f);
                }
            });
        }
        List<AttributeReference> fnResults = new ArrayList<>();
        List<AttributeReference> states = new ArrayList<>();
        for (AggregateFunction f : functions) {
            fnResults.add(new AttributeReference(f.sql(), f.dataType(), f.nullable()));
            int i = 0;
            for (DataType t : f.stateTypes()) {
                states.add(new AttributeReference(f.sql() + "#state" + i++, t, true));
            }
        }
        List<NamedExpression> rewritten = new ArrayList<>();
        for (NamedExpression e : resultExprs) {
            rewritten.add((NamedExpression) rewrite(e, grouping, functions, fnResults));
        }
        List<NamedExpression> groupingAttrs = new ArrayList<>();
        grouping.forEach(g -> groupingAttrs.add(g.toAttribute()));
        SparkPlan partial = new HashAggregateExec(HashAggregateExec.Mode.PARTIAL, grouping, functions, fnResults, states,
                List.of(), child);
        return new HashAggregateExec(HashAggregateExec.Mode.FINAL, groupingAttrs, functions, fnResults, states, rewritten,
                partial);
    }

    /** Replaces aggregate functions by their result columns and grouping expressions by their columns. */
    private static Expression rewrite(Expression e, List<NamedExpression> grouping, List<AggregateFunction> functions,
                                      List<AttributeReference> fnResults) {
        return e.transformDown(x -> {
            if (x instanceof AggregateFunction f) {
                for (int i = 0; i < functions.size(); i++) {
                    if (Canonical.same(functions.get(i), f)) {
                        return fnResults.get(i);
                    }
                }
            }
            if (x instanceof Alias || x instanceof AttributeReference) {
                return x;
            }
            for (NamedExpression g : grouping) {
                if (g instanceof Alias al && Canonical.same(al.child(), x)) {
                    return g.toAttribute();
                }
            }
            return x;
        });
    }
}
