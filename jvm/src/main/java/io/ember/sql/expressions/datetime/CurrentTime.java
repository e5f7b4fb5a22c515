package io.ember.sql.expressions.datetime;

import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.TimeZoneAwareExpression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code current_timestamp()} / {@code current_date()}: the time the query was analyzed, fixed
 * then so every row and every task of the query sees the same value; the date is taken in the
 * session time zone.
 */
public final class CurrentTime extends Expression implements TimeZoneAwareExpression {
    private static final long serialVersionUID = 1L;

    private final boolean date;
    private final long micros;
    private final String timeZoneId;

    public CurrentTime(boolean date, long micros, String timeZoneId) {
        this.date = date;
        this.micros = micros;
        this.timeZoneId = timeZoneId;
    }

    @Override
    public String timeZoneId() {
        return timeZoneId;
    }

    @Override
    public Expression withTimeZone(String id) {
        return new CurrentTime(date, micros, id);
    }

    @Override
    public DataType dataType() {
        return date ? DataTypes.DateType : DataTypes.TimestampType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public boolean foldable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        Object v = date ? (Object) DateTimeUtils.daysOf(micros, zoneId()) : (Object) micros;
        return ColumnVectors.constant(dataType(), v, batch.numRows());
    }

    @Override
    public String sql() {
        return date ? "current_date()" : "current_timestamp()";
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return this;
    }

    @Override
    protected List<Object> args() {
        List<Object> a = new ArrayList<>();
        a.add(date);
        a.add(micros);
        a.add(timeZoneId == null ? "" : timeZoneId);
        return a;
    }
}
