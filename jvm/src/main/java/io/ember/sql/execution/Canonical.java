package io.ember.sql.execution;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.List;

/**
 * Semantic equality of expressions: the same computation over the same columns, whatever the
 * names, qualifiers or nullability the attributes carry (columns are compared by id).
 */
public final class Canonical {
    private Canonical() {}

    public static Expression of(Expression e) {
        return e.transformUp(x -> {
            if (x instanceof AttributeReference a) {
                return new AttributeReference("", a.dataType(), true, a.exprId(), List.of());
            }
            return x instanceof Alias al ? al.child() : x;
        });
    }

    public static boolean same(Expression a, Expression b) {
        return of(a).equals(of(b));
    }

    /** True if {@code e} is semantically equal to some member of {@code among}. */
    public static boolean containedIn(Expression e, List<? extends Expression> among) {
        Expression c = of(e);
        for (Expression x : among) {
            if (c.equals(of(x))) {
                return true;
            }
        }
        return false;
    }

    public static boolean sameList(List<? extends Expression> a, List<? extends Expression> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
