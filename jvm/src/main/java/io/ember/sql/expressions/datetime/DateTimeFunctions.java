package io.ember.sql.expressions.datetime;

import io.ember.sql.expressions.Builders;
import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.DataTypes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Registers the date and time functions; {@code clock} gives {@code current_timestamp()} its value. */
public final class DateTimeFunctions {
    private DateTimeFunctions() {}

    public static void register(FunctionRegistry r, Clock clock) {
        r.register("window", io.ember.sql.expressions.Builders.varargs("window", 2, 4, TimeWindow::of));
        for (DateTimeFunction.Kind k : DateTimeFunction.Kind.values()) {
            if (k == DateTimeFunction.Kind.MONTHS_BETWEEN_UNROUNDED) continue;
            String name = k.name().toLowerCase(Locale.ROOT);
            r.register(name, Builders.varargs(name, k.arity(), k.arity(), a -> new DateTimeFunction(k, a, null)));
        }
        r.register("day", r.lookup("dayofmonth").orElseThrow());
        r.register("months_between", Builders.varargs("months_between", 2, 3, a -> {
            boolean round = a.size() < 3 || !Boolean.FALSE.equals(a.get(2).foldable() ? a.get(2).evalConstant() : null);
            return new DateTimeFunction(round ? DateTimeFunction.Kind.MONTHS_BETWEEN : DateTimeFunction.Kind.MONTHS_BETWEEN_UNROUNDED,
                    a.subList(0, 2), null);
        }));
        r.register("current_timestamp", Builders.varargs("current_timestamp", 0, 0,
                a -> new CurrentTime(false, DateTimeUtils.toMicros(clock.instant()), null)));
        r.register("now", r.lookup("current_timestamp").orElseThrow());
        r.register("current_date", Builders.varargs("current_date", 0, 0,
                a -> new CurrentTime(true, DateTimeUtils.toMicros(clock.instant()), null)));
        for (DatePatternFunction.Kind k : DatePatternFunction.Kind.values()) {
            String name = k.name().toLowerCase(Locale.ROOT);
            boolean defaultPattern = k == DatePatternFunction.Kind.UNIX_TIMESTAMP || k == DatePatternFunction.Kind.FROM_UNIXTIME;
            int min = k == DatePatternFunction.Kind.DATE_FORMAT ? 2 : k == DatePatternFunction.Kind.UNIX_TIMESTAMP ? 0 : 1;
            r.register(name, (args, d) -> {
                FunctionCalls.requireArgs(name, args, min, 2);
                List<Expression> a = new ArrayList<>(args);
                if (a.isEmpty()) {
                    a.add(new CurrentTime(false, DateTimeUtils.toMicros(clock.instant()), null));
                }
                if (defaultPattern && a.size() == 1) {
                    a.add(new Literal(DatePatternFunction.DEFAULT_PATTERN, DataTypes.StringType));
                }
                return new DatePatternFunction(k, a, null);
            });
        }
        ExtraDateTimeFunctions.register(r, clock);
    }
}
