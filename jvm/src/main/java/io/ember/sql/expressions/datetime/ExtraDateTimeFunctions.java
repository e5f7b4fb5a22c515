package io.ember.sql.expressions.datetime;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Builders;
import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.types.DataTypes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers the date and time functions added after the first set: conversions, field
 * extraction, timestamp construction and arithmetic, wall-clock timestamps and the aliases
 * Spark 4 has for older names.
 */
final class ExtraDateTimeFunctions {
    private ExtraDateTimeFunctions() {}

    static void register(FunctionRegistry r, Clock clock) {
        for (DateConversion.Kind k : DateConversion.Kind.values()) {
            r.register(k.sqlName(), Builders.varargs(k.sqlName(), k.arity(), k.arity(), a -> new DateConversion(k, a, null)));
        }
        for (String name : List.of("make_timestamp", "make_timestamp_ltz", "try_make_timestamp", "try_make_timestamp_ltz")) {
            r.register(name, Builders.varargs(name, 6, 7, a -> new MakeTimestamp(name, a, false, null)));
        }
        for (String name : List.of("make_timestamp_ntz", "try_make_timestamp_ntz")) {
            r.register(name, Builders.varargs(name, 6, 6, a -> new MakeTimestamp(name, a, true, null)));
        }
        for (String name : List.of("extract", "date_part", "datepart")) {
            r.register(name, Builders.varargs(name, 2, 2, a -> {
                String field = String.valueOf(constant(name, a.get(0)));
                if (DatePart.canonical(field) == null) {
                    throw new AnalysisException("INVALID_EXTRACT_FIELD", "Cannot extract " + field + " from " + a.get(1).sql() + ".",
                            Map.of("field", field, "expr", a.get(1).sql()));
                }
                return new DatePart(name, field, a, null);
            }));
        }
        for (String name : List.of("timestamp_add", "timestampadd", "timestamp_diff", "timestampdiff")) {
            boolean diff = name.contains("diff");
            r.register(name, Builders.varargs(name, 3, 3, a -> {
                String unit = String.valueOf(constant(name, a.get(0)));
                if (!TimestampArithmetic.knownUnit(unit)) {
                    throw new AnalysisException("INVALID_PARAMETER_VALUE.DATETIME_UNIT", "The value of parameter(s) `unit` in `"
                            + name + "` is invalid: expects one of the units without quotes YEAR, QUARTER, MONTH, WEEK, DAY, DAYOFYEAR,"
                            + " HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, but got the string literal '" + unit + "'.",
                            Map.of("functionName", "`" + name + "`", "parameter", "`unit`"));
                }
                return new TimestampArithmetic(diff ? "timestampdiff" : "timestampadd", unit, diff, a.subList(1, 3), null);
            }));
        }
        r.register("to_timestamp_ntz", Builders.varargs("to_timestamp_ntz", 1, 2,
                a -> new WallClockFunction(WallClockFunction.Kind.TO_TIMESTAMP_NTZ, a, 0, null)));
        r.register("convert_timezone", Builders.varargs("convert_timezone", 2, 3, a -> {
            List<Expression> args = new ArrayList<>(a);
            if (args.size() == 2) args.add(0, new DateConversion(DateConversion.Kind.CURRENT_TIMEZONE, List.of(), null));
            return new WallClockFunction(WallClockFunction.Kind.CONVERT_TIMEZONE, args, 0, null);
        }));
        r.register("localtimestamp", Builders.varargs("localtimestamp", 0, 0,
                a -> new WallClockFunction(WallClockFunction.Kind.LOCALTIMESTAMP, a, DateTimeUtils.toMicros(clock.instant()), null)));
        alias(r, "curdate", "current_date");
        alias(r, "date_diff", "datediff");
        r.register("dateadd", r.lookup("date_add").orElseThrow());
        alias(r, "to_timestamp_ltz", "to_timestamp");
        alias(r, "try_to_timestamp", "to_timestamp");
        alias(r, "try_to_date", "to_date");
        alias(r, "to_unix_timestamp", "unix_timestamp");
    }

    private static void alias(FunctionRegistry r, String alias, String name) {
        FunctionRegistry.Builder b = r.lookup(name).orElseThrow();
        r.register(alias, (a, distinct) -> new RenamedFunction(alias, b.build(a, distinct)));
    }

    private static Object constant(String name, Expression e) {
        if (!e.foldable() || !e.dataType().equals(DataTypes.StringType)) {
            throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
                    "The first argument of `" + name + "` must be a constant string, however " + e.sql() + " is not.",
                    Map.of("functionName", "`" + name + "`", "inputExpr", e.sql()));
        }
        return e.evalConstant();
    }
}
