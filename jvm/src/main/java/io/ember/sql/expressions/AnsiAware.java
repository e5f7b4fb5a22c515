package io.ember.sql.expressions;

/**
 * An expression with two behaviours for input it cannot compute (an index out of range, an
 * overflow, an invalid date): null outside ANSI mode, Spark's error under it. Functions are built
 * with ANSI off; the analyzer's {@code ResolveTimeZone} rule turns it on when
 * {@code spark.sql.ansi.enabled} is true, so the setting is read once per query, not per row.
 */
public interface AnsiAware {
    /** Whether invalid input raises Spark's error instead of giving null. */
    boolean ansi();

    /** This expression with the given mode (itself when the mode is already that). */
    Expression withAnsi(boolean ansi);
}
