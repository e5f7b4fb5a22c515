package io.ember.sql.optimizer;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Helpers the rules share for moving expressions across a select list. */
final class Aliases {
    private Aliases() {}

    /** {@code e} with every reference to an alias of {@code list} replaced by the aliased expression. */
    static Expression substitute(Expression e, List<Expression> list) {
        Map<ExprId, Expression> byId = new HashMap<>();
        for (Expression x : list) {
            if (x instanceof Alias a) {
                byId.put(a.exprId(), a.child());
            }
        }
        if (byId.isEmpty()) {
            return e;
        }
        return e.transformUp(x -> x instanceof AttributeReference r && byId.containsKey(r.exprId()) ? byId.get(r.exprId()) : x);
    }

    static Set<ExprId> ids(Collection<? extends Expression> attrs) {
        return attrs.stream().map(a -> ((AttributeReference) a).exprId()).collect(Collectors.toSet());
    }

    /** True if every column {@code e} reads is among {@code available}. */
    static boolean readsOnly(Expression e, Set<ExprId> available) {
        return e.references().stream().allMatch(r -> available.contains(r.exprId()));
    }
}
