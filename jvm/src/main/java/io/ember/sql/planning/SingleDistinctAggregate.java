package io.ember.sql.planning;

import io.ember.sql.execution.Canonical;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.expressions.aggregate.Average;
import io.ember.sql.expressions.aggregate.Count;
import io.ember.sql.expressions.aggregate.DistinctAggregate;
import io.ember.sql.expressions.aggregate.MinMax;
import io.ember.sql.expressions.aggregate.Sum;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Plans an aggregate whose functions are all {@code f(DISTINCT args)} over the same arguments
 * (q16's {@code count(DISTINCT ps_suppkey)}) in two steps, as Spark does: first the distinct
 * (keys, args) rows, by a hash aggregate without functions, then {@code f(args)} over those
 * rows grouped by the keys alone. The distinct values then sit in hash tables of unboxed keys
 * and cross the exchanges as rows, where {@link DistinctAggregate} keeps a set of boxed tuples
 * per group and ships them as arrays.
 *
 * <p>Only for functions whose answer cannot depend on the order the distinct values arrive
 * in: {@code count}, {@code min}/{@code max}, and {@code sum}/{@code avg} of exact numbers.
 * Stateless.
 */
final class SingleDistinctAggregate {
    private SingleDistinctAggregate() {}

    /** The shared distinct arguments if {@code results} qualify, else null. */
    static List<Expression> distinctArguments(List<NamedExpression> results) {
        List<AggregateFunction> functions = new ArrayList<>();
        for (NamedExpression e : results) {
            e.foreach(x -> {
                if (x instanceof AggregateFunction f) {
                    functions.add(f);
                }
            });
        }
        List<Expression> args = null;
        for (AggregateFunction f : functions) {
            if (!(f instanceof DistinctAggregate d) || !orderInsensitive(d.function())) {
                return null;
            }
            if (args == null) {
                args = d.children();
            } else if (!Canonical.sameList(args, d.children())) {
                return null;
            }
        }
        return args == null || args.isEmpty() ? null : args;
    }

    private static boolean orderInsensitive(AggregateFunction f) {
        if (f instanceof Count || f instanceof MinMax) {
            return true;
        }
        if (f instanceof Sum || f instanceof Average) {
            return !(f.children().get(0).dataType() instanceof DoubleType || f.children().get(0).dataType() instanceof FloatType);
        }
        return false;
    }

    /** The two-step plan for {@code results} grouped by {@code grouping}, given {@link #distinctArguments}. */
    static SparkPlan plan(List<NamedExpression> grouping, List<NamedExpression> results, List<Expression> args,
                          SparkPlan child) {
        List<NamedExpression> firstKeys = new ArrayList<>(grouping);
        List<AttributeReference> argColumns = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Expression a = args.get(i);
            NamedExpression named = a instanceof AttributeReference r ? r : new Alias(a, "distinct_arg" + i);
            firstKeys.add(named);
            argColumns.add(named.toAttribute());
        }
        List<NamedExpression> firstOutput = new ArrayList<>();
        firstKeys.forEach(k -> firstOutput.add(k.toAttribute()));
        SparkPlan distinctRows = AggregateStrategy.planAggregate(firstKeys, firstOutput, child);

        List<NamedExpression> keyColumns = new ArrayList<>();
        grouping.forEach(g -> keyColumns.add(g.toAttribute()));
        List<NamedExpression> overDistinct = new ArrayList<>();
        for (NamedExpression e : results) {
            overDistinct.add((NamedExpression) overDistinctRows(e, grouping, argColumns));
        }
        return AggregateStrategy.planAggregate(keyColumns, overDistinct, distinctRows);
    }

    /**
     * {@code e} over the first step's rows: {@code f(DISTINCT args)} becomes {@code f} of the
     * argument columns, a computed grouping expression its key column.
     */
    private static Expression overDistinctRows(Expression e, List<NamedExpression> grouping,
                                               List<AttributeReference> argColumns) {
        return e.transformDown(x -> {
            if (x instanceof DistinctAggregate d) {
                Iterator<AttributeReference> columns = argColumns.iterator();
                return d.function().mapChildren(old -> columns.next());
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
