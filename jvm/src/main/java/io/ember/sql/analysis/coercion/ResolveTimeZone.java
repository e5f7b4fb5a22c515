package io.ember.sql.analysis.coercion;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.AnsiAware;
import io.ember.sql.expressions.BinaryArithmetic;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.TimeZoneAwareExpression;

/**
 * Gives every time-zone-aware expression the session time zone, and every cast, arithmetic
 * operator and other {@link AnsiAware} function the session's ANSI setting ({@code spark.sql.ansi.enabled}), both read from the conf when the rule runs.
 */
public final class ResolveTimeZone extends CoercionRule {
    private final SqlConf conf;

    public ResolveTimeZone(SqlConf conf) {
        this.conf = conf;
    }

    @Override
    protected Expression coerce(Expression e) {
        Expression out = e;
        if (out instanceof TimeZoneAwareExpression tz && tz.timeZoneId() == null) {
            out = tz.withTimeZone(conf.sessionTimeZone());
        }
        if (out instanceof AnsiAware a && conf.ansiEnabled() && !a.ansi()) {
            out = a.withAnsi(true);
        }
        if (out instanceof BinaryArithmetic a && conf.ansiEnabled() && a.mode() == BinaryArithmetic.Mode.LEGACY) {
            out = a.withMode(BinaryArithmetic.Mode.ANSI);
        }
        return out;
    }
}
