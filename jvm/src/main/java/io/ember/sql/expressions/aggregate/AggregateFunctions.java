package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.Builders;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.UnresolvedStar;
import io.ember.sql.types.DataTypes;
import java.util.List;

/** Registers the aggregate functions. {@code count(*)} becomes {@code count(1)}, as in Spark. */
public final class AggregateFunctions {
    private AggregateFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("count", (args, distinct) -> {
            FunctionCalls.requireArgs("count", args, 1, Integer.MAX_VALUE);
            if (args.size() == 1 && args.get(0) instanceof UnresolvedStar s && s.target().isEmpty() && !distinct) {
                return new Count(List.of(new Literal(1, DataTypes.IntegerType)));
            }
            return distinct ? new DistinctAggregate(new Count(args), "count") : new Count(args);
        });
        r.register("sum", aggregate("sum", Sum::new));
        r.register("avg", aggregate("avg", Average::new));
        r.register("mean", aggregate("mean", Average::new));
        r.register("min", (args, distinct) -> {
            FunctionCalls.requireArgs("min", args, 1, 1);
            return new MinMax(args.get(0), false);
        });
        r.register("max", (args, distinct) -> {
            FunctionCalls.requireArgs("max", args, 1, 1);
            return new MinMax(args.get(0), true);
        });
    }

    /** A one-argument aggregate that may be DISTINCT. */
    static FunctionRegistry.Builder aggregate(String name, java.util.function.Function<Expression, io.ember.sql.expressions.AggregateFunction> f) {
        return (args, distinct) -> {
            FunctionCalls.requireArgs(name, args, 1, 1);
            io.ember.sql.expressions.AggregateFunction fn = f.apply(args.get(0));
            return distinct ? new DistinctAggregate(fn, name) : fn;
        };
    }

    static FunctionRegistry.Builder unary(String name, java.util.function.Function<Expression, Expression> f) {
        return Builders.unary(name, f);
    }
}
