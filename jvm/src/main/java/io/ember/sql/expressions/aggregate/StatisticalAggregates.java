package io.ember.sql.expressions.aggregate;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Registers the statistical and boolean aggregates: correlation and regression, higher
 * moments, percentiles, {@code mode}, {@code max_by}/{@code min_by}, the folds
 * ({@code bool_and}, {@code bit_or}, {@code product}, {@code count_if}, {@code try_sum}),
 * {@code listagg}/{@code string_agg}, and aliases of existing aggregates.
 */
final class StatisticalAggregates {
    private StatisticalAggregates() {}

    static void register(FunctionRegistry r) {
        for (BivariateMoment.Kind k : BivariateMoment.Kind.values()) {
            String name = k.name().toLowerCase(Locale.ROOT);
            r.register(name, fixed(name, 2, a -> new BivariateMoment(a.get(0), a.get(1), k)));
        }
        r.register("skewness", AggregateFunctions.aggregate("skewness", c -> new HigherMoment(c, false)));
        r.register("kurtosis", AggregateFunctions.aggregate("kurtosis", c -> new HigherMoment(c, true)));
        fold(r, "bool_and", FoldAggregate.Kind.BOOL_AND);
        fold(r, "every", FoldAggregate.Kind.BOOL_AND);
        fold(r, "bool_or", FoldAggregate.Kind.BOOL_OR);
        fold(r, "some", FoldAggregate.Kind.BOOL_OR);
        fold(r, "any", FoldAggregate.Kind.BOOL_OR);
        fold(r, "bit_and", FoldAggregate.Kind.BIT_AND);
        fold(r, "bit_or", FoldAggregate.Kind.BIT_OR);
        fold(r, "bit_xor", FoldAggregate.Kind.BIT_XOR);
        fold(r, "product", FoldAggregate.Kind.PRODUCT);
        fold(r, "count_if", FoldAggregate.Kind.COUNT_IF);
        fold(r, "try_sum", FoldAggregate.Kind.TRY_SUM);
        r.register("try_avg", AggregateFunctions.aggregate("try_avg", c -> new NamedAggregate("try_avg", new Average(c))));
        r.register("max_by", fixed("max_by", 2, a -> new MaxMinBy(a.get(0), a.get(1), true)));
        r.register("min_by", fixed("min_by", 2, a -> new MaxMinBy(a.get(0), a.get(1), false)));
        r.register("mode", (a, d) -> {
            FunctionCalls.requireArgs("mode", a, 1, 2);
            return new Mode(a.get(0));
        });
        r.register("median", fixed("median", 1, a -> new Percentile("median", a, List.of(0.5), false, false)));
        r.register("percentile", (a, d) -> {
            FunctionCalls.requireArgs("percentile", a, 2, 3);
            if (a.size() == 3 && !Integer.valueOf(1).equals(constant("percentile", a.get(2)))) {
                throw new AnalysisException("UNSUPPORTED_FEATURE.PERCENTILE_FREQUENCY",
                        "The feature is not supported: a frequency other than 1 in `percentile`.", Map.of());
            }
            return percentile("percentile", a, false);
        });
        for (String name : List.of("percentile_approx", "approx_percentile")) {
            r.register(name, (a, d) -> {
                FunctionCalls.requireArgs(name, a, 2, 3);
                return percentile(name, a, true);
            });
        }
        for (String name : List.of("listagg", "string_agg")) {
            r.register(name, (a, distinct) -> {
                FunctionCalls.requireArgs(name, a, 1, 2);
                Object delimiter = a.size() > 1 ? constant(name, a.get(1)) : null;
                return new ListAgg(name, a, delimiter == null ? "" : String.valueOf(delimiter), distinct);
            });
        }
        for (BitmapFunction.Kind k : BitmapFunction.Kind.values()) {
            String name = k.name().toLowerCase(Locale.ROOT);
            r.register(name, fixed1(name, a -> new BitmapFunction(k, a)));
        }
        for (BitmapAggregate.Kind k : BitmapAggregate.Kind.values()) {
            String name = k.name().toLowerCase(Locale.ROOT);
            r.register(name, fixed(name, 1, a -> new BitmapAggregate(a.get(0), k)));
        }
        r.register("any_value", (a, d) -> {
            FunctionCalls.requireArgs("any_value", a, 1, 2);
            boolean ignore = a.size() > 1 && Boolean.TRUE.equals(constant("any_value", a.get(1)));
            return new NamedAggregate("any_value", new FirstLast(a.get(0), false, ignore));
        });
    }

    private static FunctionRegistry.Builder fixed(String name, int n, java.util.function.Function<List<Expression>, AggregateFunction> f) {
        return (a, distinct) -> {
            FunctionCalls.requireArgs(name, a, n, n);
            return f.apply(a);
        };
    }

    private static FunctionRegistry.Builder fixed1(String name, java.util.function.Function<List<Expression>, Expression> f) {
        return (a, distinct) -> {
            FunctionCalls.requireArgs(name, a, 1, 1);
            return f.apply(a);
        };
    }

    private static void fold(FunctionRegistry r, String name, FoldAggregate.Kind kind) {
        r.register(name, AggregateFunctions.aggregate(name, c -> new FoldAggregate(name, c, kind)));
    }

    private static Object constant(String name, Expression e) {
        if (!e.foldable()) {
            throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
                    "The argument of `" + name + "` must be a constant, however " + e.sql() + " is not.",
                    Map.of("functionName", "`" + name + "`", "inputExpr", e.sql()));
        }
        return e.evalConstant();
    }

    private static Percentile percentile(String name, List<Expression> a, boolean approx) {
        Object p = constant(name, a.get(1));
        List<Double> ps = new ArrayList<>();
        boolean many = p instanceof List<?>;
        for (Object x : many ? (List<?>) p : List.of(p)) {
            double v = ((Number) x).doubleValue();
            if (v < 0 || v > 1) {
                throw new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE",
                        "The percentage must be between [0.0, 1.0], but got " + v + ".", Map.of("exprName", "percentage"));
            }
            ps.add(v);
        }
        return new Percentile(name, a, ps, many, approx);
    }
}
