package io.ember.sql.analysis;

import io.ember.sql.expressions.Expression;

/** The name Spark gives an unnamed column: its expression's SQL text. */
public final class AutoAlias {
    private AutoAlias() {}

    public static String nameOf(Expression e) {
        return e.sql();
    }
}
