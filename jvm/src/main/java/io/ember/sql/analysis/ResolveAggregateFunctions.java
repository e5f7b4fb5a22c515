package io.ember.sql.analysis;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.UnresolvedStar;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Sort;
import io.ember.sql.rules.Rule;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lets a filter or sort right above an aggregate use aggregate functions of the aggregate's
 * input, as SQL's HAVING and ORDER BY do: {@code groupBy("k").agg(sum("v")).filter(sum("v") > 1)}.
 * Each aggregate call is resolved against the aggregate's input, answered by an equal output
 * column of the aggregate or computed there as an extra column, and a select on top keeps the
 * original columns.
 */
final class ResolveAggregateFunctions implements Rule<LogicalPlan> {
    private static final int MAX_COERCION_ROUNDS = 10;

    private final NameResolver names;
    private final FunctionRegistry registry;
    private final List<Rule<LogicalPlan>> coercion;

    /** {@code coercion}: the analyzer's type coercion rules, applied to aggregate arguments that need them. */
    ResolveAggregateFunctions(NameResolver names, FunctionRegistry registry, List<Rule<LogicalPlan>> coercion) {
        this.names = names;
        this.registry = registry;
        this.coercion = coercion;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (node.children().isEmpty() || !node.childrenResolved() || !(node.children().get(0) instanceof Aggregate a)) {
                return node;
            }
            // a call without column arguments (count(*)) resolves on its own; it still belongs to the aggregate
            if (node.resolved() && node.expressions().stream().noneMatch(e -> e.exists(x -> x instanceof AggregateFunction))) {
                return node;
            }
            if (node instanceof Filter f) {
                List<Expression> added = new ArrayList<>();
                Expression cond = extract(resolveCalls(f.condition(), a), a, added);
                return cond == f.condition() ? node
                        : new Project(a.output(), new Filter(cond, withExtra(a, added)));
            }
            if (node instanceof Sort s) {
                List<Expression> added = new ArrayList<>();
                List<SortOrder> order = new ArrayList<>();
                boolean changed = false;
                for (SortOrder o : s.order()) {
                    Expression e = extract(resolveCalls(o, a), a, added);
                    changed |= e != o;
                    order.add((SortOrder) e);
                }
                return changed ? new Project(a.output(), new Sort(order, s.global(), withExtra(a, added))) : node;
            }
            return node;
        });
    }

    private static Aggregate withExtra(Aggregate a, List<Expression> added) {
        if (added.isEmpty()) {
            return a;
        }
        List<Expression> list = new ArrayList<>(a.aggregateExpressions());
        list.addAll(added);
        return new Aggregate(a.groupingExpressions(), list, a.child());
    }

    /** Builds the calls whose arguments name the aggregate's input and that turn out to be aggregates. */
    private Expression resolveCalls(Expression e, Aggregate a) {
        return e.transformUp(x -> {
            if (!(x instanceof UnresolvedFunction f) || registry.lookup(f.name()).isEmpty()) {
                return x;
            }
            List<Expression> args = new ArrayList<>();
            for (Expression arg : f.children()) {
                if (f.name().toLowerCase(Locale.ROOT).equals("count") && arg instanceof UnresolvedStar) {
                    args.add(new Literal(1, DataTypes.IntegerType));
                    continue;
                }
                Expression r = arg.transformUp(y -> resolveInput(y, a));
                if (!r.resolved()) {
                    r = coerced(r, a);
                }
                if (!r.resolved()) {
                    return x;
                }
                args.add(r);
            }
            Expression built = registry.lookup(f.name()).get().build(args, f.distinct());
            return built.exists(y -> y instanceof AggregateFunction) ? built : x;
        });
    }

    /**
     * One node of an aggregate call's argument, resolved against the aggregate's input: a column
     * name, or a plain call ({@code sum(x * q)}'s {@code *}) once its own arguments are resolved.
     */
    private Expression resolveInput(Expression y, Aggregate a) {
        if (y instanceof UnresolvedAttribute u) {
            return names.resolve(u.nameParts(), a.child().output()).orElse(y);
        }
        if (y instanceof UnresolvedFunction f && registry.lookup(f.name()).isPresent()
                && f.children().stream().allMatch(Expression::resolved) && !f.children().isEmpty()) {
            return registry.lookup(f.name()).get().build(f.children(), f.distinct());
        }
        return y;
    }

    /**
     * {@code arg} after the type coercion rules, run over a select of it on the aggregate's input:
     * an argument such as {@code price * qty} (decimal times int) resolves only once coerced, and
     * the filter above the aggregate cannot coerce it there because its columns are not that
     * filter's input. Unchanged when coercion does not resolve it.
     */
    private Expression coerced(Expression arg, Aggregate a) {
        LogicalPlan probe = new Project(List.of(new Alias(arg, "arg")), a.child());
        for (int round = 0; round < MAX_COERCION_ROUNDS && !probe.expressions().get(0).resolved(); round++) {
            LogicalPlan before = probe;
            for (Rule<LogicalPlan> rule : coercion) {
                probe = rule.apply(probe);
            }
            if (probe.equals(before)) {
                break;
            }
        }
        Expression out = ((Alias) probe.expressions().get(0)).child();
        return out.resolved() ? out : arg;
    }

    /** Replaces each aggregate call by an output column of the aggregate, adding the ones it lacks to {@code added}. */
    private static Expression extract(Expression e, Aggregate a, List<Expression> added) {
        return e.transformDown(x -> {
            if (!(x instanceof AggregateFunction)) {
                return x;
            }
            for (Expression out : a.aggregateExpressions()) {
                if (out instanceof Alias al && Canonical.semanticEquals(al.child(), x)) {
                    return al.toAttribute();
                }
            }
            for (Expression out : added) {
                if (Canonical.semanticEquals(((Alias) out).child(), x)) {
                    return ((Alias) out).toAttribute();
                }
            }
            Alias extra = new Alias(x, AutoAlias.nameOf(x));
            added.add(extra);
            AttributeReference ref = extra.toAttribute();
            return ref;
        });
    }
}
