package io.ember.sql.analysis;

import io.ember.sql.expressions.Expression;

/**
 * The name Spark gives an unnamed column: its expression's SQL text, except that a top-level
 * cast of a column keeps the column's name ({@code col("a").cast("int")} is {@code a}, as
 * PySpark's {@code Column.named} does).
 */
public final class AutoAlias {
    private AutoAlias() {}

    public static String nameOf(Expression e) {
        if (e instanceof io.ember.sql.expressions.Cast c && c.child() instanceof io.ember.sql.expressions.NamedExpression n) {
            return n.name();
        }
        return e.sql();
    }
}
