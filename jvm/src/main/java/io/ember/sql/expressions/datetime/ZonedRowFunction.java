package io.ember.sql.expressions.datetime;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.expressions.TimeZoneAwareExpression;
import java.util.List;

/**
 * Base of the row-by-row date and time functions that read the session time zone: keeps the zone
 * and makes copies with new arguments or a new zone through one {@link #copy(List, String)}.
 * Immutable.
 */
public abstract class ZonedRowFunction extends RowFunction implements TimeZoneAwareExpression {
    private static final long serialVersionUID = 1L;

    protected final String timeZoneId;

    protected ZonedRowFunction(List<Expression> args, String timeZoneId) {
        super(args);
        this.timeZoneId = timeZoneId;
    }

    /** This function over {@code newArgs} in zone {@code zone}. */
    protected abstract Expression copy(List<Expression> newArgs, String zone);

    @Override
    public String timeZoneId() {
        return timeZoneId;
    }

    @Override
    public Expression withTimeZone(String id) {
        return copy(args, id);
    }

    @Override
    protected final Expression copy(List<Expression> newArgs) {
        return copy(newArgs, timeZoneId);
    }

    /** The zone as {@code args()} lists it: empty until the analyzer sets one. */
    protected final String zoneArg() {
        return timeZoneId == null ? "" : timeZoneId;
    }
}
