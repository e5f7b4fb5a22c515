package io.ember.sql.expressions.interval;

import io.ember.sql.expressions.Builders;
import io.ember.sql.expressions.FunctionRegistry;
import java.util.List;

/**
 * Registers the interval functions: {@code make_dt_interval}, {@code make_ym_interval}, {@code
 * make_interval}, and the interval forms of {@code year}..{@code second} that {@code EXTRACT}
 * and {@code date_part} reach (over a date or timestamp they stay the date functions). Call
 * after the date and time functions are registered.
 */
public final class IntervalFunctions {
    private IntervalFunctions() {}

    public static void register(FunctionRegistry r) {
        for (MakeInterval.Kind k : MakeInterval.Kind.values()) {
            r.register(k.sqlName, Builders.varargs(k.sqlName, 0, k.arity, a -> new MakeInterval(k, a)));
        }
        for (String field : List.of("year", "month", "day", "hour", "minute", "second")) {
            FunctionRegistry.Builder dates = r.lookup(field).orElseThrow();
            r.register(field, (args, distinct) -> args.size() == 1 && ExtractInterval.supports(field, args.get(0).dataType())
                    ? new ExtractInterval(field, args.get(0)) : dates.build(args, distinct));
        }
    }
}
