package io.ember.sql.expressions;

import java.time.ZoneId;

/**
 * An expression whose value depends on the session time zone (casts between strings, dates and
 * timestamps, date functions). The analyzer's {@code ResolveTimeZone} rule gives each one the
 * session's zone; until then it uses the JVM default.
 */
public interface TimeZoneAwareExpression {
    /** The zone id, or null before the analyzer set it. */
    String timeZoneId();

    /** This expression in zone {@code id}. */
    Expression withTimeZone(String id);

    /** The zone to compute in. */
    default ZoneId zoneId() {
        String id = timeZoneId();
        return id == null ? ZoneId.systemDefault() : DateTimeUtils.zone(id);
    }
}
