package io.ember.sql.expressions.interval;

import io.ember.sql.expressions.Builders;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.datetime.DatePart;
import io.ember.sql.types.CalendarIntervalType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Registers the interval functions: {@code make_dt_interval}, {@code make_ym_interval}, {@code
 * make_interval}, and the interval forms of {@code year}..{@code second} that {@code EXTRACT}
 * and {@code date_part} reach (over a date or timestamp they stay the date functions),
 * {@code abs} of an ANSI interval, {@code session_window} and {@code window_time}. Call
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
            r.register(field, (args, distinct) -> args.size() == 1 && isInterval(args.get(0).dataType())
                    ? extract(field, args.get(0), null) : dates.build(args, distinct));
        }
        FunctionRegistry.Builder numbers = r.lookup("abs").orElseThrow();
        r.register("abs", (args, distinct) -> args.size() == 1 && DataTypes.isAnsiInterval(args.get(0).dataType())
                ? absolute(args.get(0)) : numbers.build(args, distinct));
        r.register("session_window", Builders.varargs("session_window", 2, 2, a -> new SessionWindow(a.get(0), a.get(1))));
        r.register("window_time", Builders.varargs("window_time", 1, 1, a -> new WindowTime(a.get(0))));
        for (String name : List.of("extract", "date_part", "datepart")) {
            FunctionRegistry.Builder dates = r.lookup(name).orElseThrow();
            r.register(name, (args, distinct) -> {
                if (args.size() == 2 && isInterval(args.get(1).dataType()) && args.get(0) instanceof Literal l
                        && l.value() != null) {
                    String written = String.valueOf(l.value());
                    String canonical = DatePart.canonical(written);
                    String sql = name.equals("extract") ? "extract(" + written + " FROM " + args.get(1).sql() + ")"
                            : name + "(" + written + ", " + args.get(1).sql() + ")";
                    return extract(canonical == null ? written : canonical, args.get(1), sql);
                }
                return dates.build(args, distinct);
            });
        }
    }

    /** {@code abs(i)} of an ANSI interval: the same type, negated when below zero; named {@code abs(i)}. */
    private static Expression absolute(Expression x) {
        Literal zero = x.dataType() instanceof io.ember.sql.types.YearMonthIntervalType
                ? new Literal(0, x.dataType()) : new Literal(0L, x.dataType());
        Expression value = new io.ember.sql.expressions.If(new io.ember.sql.expressions.LessThan(x, zero),
                new io.ember.sql.expressions.UnaryMinus(x), x);
        return new Reinterpret(value, x.dataType(), "abs(" + x.sql() + ")");
    }

    private static boolean isInterval(DataType t) {
        return DataTypes.isAnsiInterval(t) || t instanceof CalendarIntervalType;
    }

    /** The part {@code field} of an interval, or Spark's INVALID_EXTRACT_FIELD when it has none. */
    private static Expression extract(String field, Expression interval, String name) {
        if (!ExtractInterval.supports(field, interval.dataType())) {
            String f = "`" + field.toUpperCase(Locale.ROOT) + "`";
            String e = "\"" + interval.sql() + "\"";
            throw new AnalysisException("INVALID_EXTRACT_FIELD", "Cannot extract " + f + " from " + e + ".",
                    Map.of("field", f, "expr", e));
        }
        return new ExtractInterval(field, interval, name);
    }
}
