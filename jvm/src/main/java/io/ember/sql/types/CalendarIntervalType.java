package io.ember.sql.types;

/**
 * Spark's legacy {@code interval} type (months, days and microseconds kept apart), which Spark 4
 * still produces for {@code make_interval}; values are {@link CalendarInterval}s in an ObjectVector.
 */
public record CalendarIntervalType() implements DataType {
    @Override
    public String simpleString() {
        return "interval";
    }

    @Override
    public int defaultSize() {
        return 16;
    }

    @Override
    public String toString() {
        return "CalendarIntervalType";
    }
}
