package io.ember.sql.parser;

/**
 * An {@code INTERVAL} literal as months, days and microseconds. Ember has no interval type
 * yet, so a literal is only allowed where it is added to or subtracted from a date
 * ({@code d + INTERVAL '1' YEAR}), which becomes {@code add_months}/{@code date_add}.
 */
record IntervalValue(int months, int days, long micros) {
    IntervalValue negate() {
        return new IntervalValue(-months, -days, -micros);
    }

    IntervalValue plus(IntervalValue o) {
        return new IntervalValue(months + o.months, days + o.days, micros + o.micros);
    }
}
