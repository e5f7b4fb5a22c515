package io.ember.sql.analysis;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.List;

/**
 * An expression with what does not change its value removed (column names, qualifiers and
 * nullability; only column ids remain), so two spellings of one computation compare equal.
 */
public final class Canonical {
    private Canonical() {}

    public static Expression of(Expression e) {
        return e.transformUp(x -> x instanceof AttributeReference a
                ? new AttributeReference("", a.dataType(), true, a.exprId(), List.of())
                : x);
    }

    public static boolean semanticEquals(Expression a, Expression b) {
        return of(a).equals(of(b));
    }
}
