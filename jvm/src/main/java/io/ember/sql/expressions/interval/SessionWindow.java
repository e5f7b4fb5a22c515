package io.ember.sql.expressions.interval;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.expressions.Unevaluable;
import io.ember.sql.types.CalendarIntervalType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DayTimeIntervalType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import java.util.List;
import java.util.Map;

/**
 * {@code session_window(ts, gap)}: groups events into sessions that close after {@code gap}
 * without an event; {@code gap} is a duration string ({@code '10 minutes'}) or an expression
 * giving one per row, or a calendar interval ({@code make_interval}; a day-time interval is
 * refused by the analyzer, as Spark does). Never evaluated: the analyzer's
 * {@code SessionWindowing} computes the merged windows below the aggregate holding it. Its type
 * is {@code struct<start, end>} of the type of {@code ts}.
 */
public final class SessionWindow extends Unevaluable {
    private static final long serialVersionUID = 1L;

    private final Expression timeColumn;
    private final Expression gap;

    public SessionWindow(Expression timeColumn, Expression gap) {
        this.timeColumn = timeColumn;
        this.gap = gap;
    }

    public Expression timeColumn() {
        return timeColumn;
    }

    public Expression gap() {
        return gap;
    }

    @Override
    public DataType dataType() {
        return io.ember.sql.expressions.datetime.TimeWindow.windowType(timeColumn.dataType());
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        DataType t = timeColumn.dataType();
        if (!(t instanceof TimestampType || t instanceof TimestampNTZType)) {
            return TypeCheckResult.mismatch("UNEXPECTED_INPUT_TYPE", "The first parameter requires the \"(TIMESTAMP OR "
                    + "TIMESTAMP WITHOUT TIME ZONE)\" type, however " + TypeCheckResult.quote(timeColumn.sql())
                    + " has the type " + TypeCheckResult.quoteType(t), Map.of("paramIndex", "first"));
        }
        DataType g = gap.dataType();
        if (!(g instanceof StringType || g instanceof DayTimeIntervalType || g instanceof CalendarIntervalType)) {
            return TypeCheckResult.mismatch("UNEXPECTED_INPUT_TYPE", "The second parameter requires the \"(STRING OR "
                    + "INTERVAL DAY TO SECOND OR INTERVAL)\" type, however " + TypeCheckResult.quote(gap.sql())
                    + " has the type " + TypeCheckResult.quoteType(g), Map.of("paramIndex", "second"));
        }
        return TypeCheckResult.success();
    }

    @Override
    public String sql() {
        return "session_window(" + timeColumn.sql() + ", " + gap.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(timeColumn, gap);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new SessionWindow(c.get(0), c.get(1));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
