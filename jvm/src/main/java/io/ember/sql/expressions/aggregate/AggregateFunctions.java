package io.ember.sql.expressions.aggregate;

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
        r.register("first", firstLast("first", false));
        r.register("first_value", firstLast("first_value", false));
        r.register("last", firstLast("last", true));
        r.register("last_value", firstLast("last_value", true));
        r.register("collect_list", aggregate("collect_list", c -> new Collect(c, false)));
        r.register("array_agg", aggregate("array_agg", c -> new Collect(c, false)));
        r.register("collect_set", aggregate("collect_set", c -> new Collect(c, true)));
        moment(r, "stddev", CentralMoment.Kind.STDDEV_SAMP);
        moment(r, "std", CentralMoment.Kind.STDDEV_SAMP);
        moment(r, "stddev_samp", CentralMoment.Kind.STDDEV_SAMP);
        moment(r, "stddev_pop", CentralMoment.Kind.STDDEV_POP);
        moment(r, "variance", CentralMoment.Kind.VAR_SAMP);
        moment(r, "var_samp", CentralMoment.Kind.VAR_SAMP);
        moment(r, "var_pop", CentralMoment.Kind.VAR_POP);
        r.register("approx_count_distinct", (args, distinct) -> {
            FunctionCalls.requireArgs("approx_count_distinct", args, 1, 2);
            double rsd = args.size() == 2 ? ((Number) ((Literal) args.get(1)).value()).doubleValue() : 0.05;
            return new ApproxCountDistinct(args.get(0), rsd);
        });
        r.register("approx_distinct", r.lookup("approx_count_distinct").orElseThrow());
        r.register("max", (args, distinct) -> {
            FunctionCalls.requireArgs("max", args, 1, 1);
            return new MinMax(args.get(0), true);
        });
        StatisticalAggregates.register(r);
    }

    /** A one-argument aggregate that may be DISTINCT. */
    static FunctionRegistry.Builder aggregate(String name, java.util.function.Function<Expression, io.ember.sql.expressions.AggregateFunction> f) {
        return (args, distinct) -> {
            FunctionCalls.requireArgs(name, args, 1, 1);
            io.ember.sql.expressions.AggregateFunction fn = f.apply(args.get(0));
            return distinct ? new DistinctAggregate(fn, name) : fn;
        };
    }

    private static void moment(FunctionRegistry r, String name, CentralMoment.Kind kind) {
        r.register(name, aggregate(name, c -> new CentralMoment(c, kind, name)));
    }

    /** {@code first(e [, ignoreNulls])}: the flag must be a boolean constant. */
    private static FunctionRegistry.Builder firstLast(String name, boolean last) {
        return (args, distinct) -> {
            FunctionCalls.requireArgs(name, args, 1, 2);
            boolean ignore = false;
            if (args.size() == 2) {
                if (!(args.get(1) instanceof Literal l && l.value() instanceof Boolean b)) {
                    throw new io.ember.sql.AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
                            "The second parameter of `" + name + "` must be a boolean constant.");
                }
                ignore = b;
            }
            return new FirstLast(args.get(0), last, ignore, name);
        };
    }
}
