package io.ember.sql.expressions;

/**
 * An {@link ExpectsInputTypes} whose children the analyzer may cast to fit (Spark's
 * {@code ImplicitCastInputTypes}): {@code sum('1')} sums doubles, while {@code NOT 1}, which only
 * expects its type, is an error.
 */
public interface ImplicitCastInputTypes extends ExpectsInputTypes {
}
