package io.ember.sql.expressions.datetime;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.TimeZoneAwareExpression;
import io.ember.sql.types.DataTypes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Session zone America/Los_Angeles; expected values from PySpark 4 with the same zone. */
class DateTimeFunctionsTest {
    private static final String LA = "America/Los_Angeles";
    private final FunctionRegistry registry = FunctionRegistry.builtin();

    private Expression fn(String name, Expression... args) {
        Expression e = registry.lookup(name).orElseThrow().build(List.of(args), false);
        return e.transformUp(x -> x instanceof TimeZoneAwareExpression tz && tz.timeZoneId() == null ? tz.withTimeZone(LA) : x);
    }

    private static Expression str(String s) {
        return lit(s, DataTypes.StringType);
    }

    private static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    private final Expression ts = fn("to_timestamp", str("2024-02-29 13:45:10"));
    private final Expression d = fn("to_date", str("2023-01-31"));

    @Test
    void fieldsOfDatesAndTimestamps() {
        assertEquals(2023, eval1(fn("year", d)));
        assertEquals(3, eval1(fn("dayofweek", d)));
        assertEquals(5, eval1(fn("weekofyear", d)));
        assertEquals(31, eval1(fn("dayofyear", d)));
        assertEquals(1, eval1(fn("quarter", d)));
        assertEquals(13, eval1(fn("hour", ts)));
        assertEquals(45, eval1(fn("minute", ts)));
        assertEquals("year(to_date(2023-01-31))", fn("year", d).sql());
    }

    @Test
    void dateArithmetic() {
        assertEquals(day("2023-03-02"), eval1(fn("date_add", d, lit(30))));
        assertEquals(day("2023-01-30"), eval1(fn("date_sub", d, lit(1))));
        assertEquals(394, eval1(fn("datediff", fn("to_date", str("2024-02-29 13:45:10")), d)));
        assertEquals(day("2023-02-28"), eval1(fn("add_months", d, lit(1))));
        assertEquals(13.0, eval1(fn("months_between", ts, fn("to_timestamp", str("2023-01-31")))));
        assertEquals(day("2023-01-31"), eval1(fn("last_day", d)));
        assertEquals(day("2023-01-01"), eval1(fn("trunc", d, str("year"))));
    }

    @Test
    void patternsAndEpochSeconds() {
        assertEquals("2024/02/29 13:45 Thu", eval1(fn("date_format", ts, str("yyyy/MM/dd HH:mm EEE"))));
        assertEquals(1709243110L, eval1(fn("unix_timestamp", str("2024-02-29 13:45:10"))));
        assertEquals("unix_timestamp(2024-02-29 13:45:10, yyyy-MM-dd HH:mm:ss)", fn("unix_timestamp", str("2024-02-29 13:45:10")).sql());
        assertEquals(1704096000L, eval1(fn("unix_timestamp", str("2024-01-01"), str("yyyy-MM-dd"))));
        assertEquals("1969-12-31 16:00:00", eval1(fn("from_unixtime", lit(0L, DataTypes.LongType))));
        assertEquals(day("2024-02-29"), eval1(fn("to_date", str("2024-02-29 13:45:10"), str("yyyy-MM-dd HH:mm:ss"))));
        assertEquals(1709197320_000000L, eval1(fn("to_timestamp", str("29/02/2024 01:02"), str("dd/MM/yyyy HH:mm"))));
        assertNull(eval1(fn("to_date", str("not a date"), str("yyyy-MM-dd"))));
        assertEquals(1706774400_000000L, eval1(fn("date_trunc", str("month"), ts)));
    }

    @Test
    void currentTimeIsFixedWhenBuilt() {
        FunctionRegistry r = FunctionRegistry.builtin();
        DateTimeFunctions.register(r, Clock.fixed(Instant.parse("2024-03-01T07:00:00Z"), ZoneOffset.UTC));
        Expression now = r.lookup("current_timestamp").orElseThrow().build(List.of(), false);
        assertEquals(1709276400_000000L, eval1(now));
        Expression today = ((TimeZoneAwareExpression) r.lookup("current_date").orElseThrow().build(List.of(), false)).withTimeZone(LA);
        assertEquals(day("2024-02-29"), eval1(today));
        assertEquals("current_date()", today.sql());
    }
}
