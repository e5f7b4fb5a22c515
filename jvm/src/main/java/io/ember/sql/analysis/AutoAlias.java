package io.ember.sql.analysis;

import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;

/**
 * The name Spark gives an unnamed column: its expression's SQL text, except that a cast of a
 * named column keeps the column's name ({@code col("a").cast("string")} is still {@code a}).
 */
public final class AutoAlias {
    private AutoAlias() {}

    public static String nameOf(Expression e) {
        if (e instanceof Cast c && c.child() instanceof NamedExpression n) {
            return n.name();
        }
        if (e instanceof io.ember.sql.expressions.TryCast c && c.child() instanceof NamedExpression n) {
            return n.name();
        }
        if (e instanceof io.ember.sql.expressions.subquery.OuterReference o) {
            return o.attribute().name(); // an outer column in a subquery's select list keeps its name, as Spark's
        }
        return e.sql();
    }
}
