package io.ember.sql.execution;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.BoundReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces each {@link AttributeReference} of an expression with a {@link BoundReference} to
 * its ordinal in an input schema (matched by expression id), before the expression travels
 * to executors.
 */
public final class BindReferences {
    private BindReferences() {}

    public static Expression bind(Expression e, List<AttributeReference> input) {
        Map<ExprId, Integer> ordinals = ordinals(input);
        return e.transformUp(x -> {
            if (x instanceof AttributeReference a) {
                Integer i = ordinals.get(a.exprId());
                if (i == null) {
                    throw new IllegalStateException("cannot bind " + a + " to input " + input);
                }
                return new BoundReference(i, a.dataType(), input.get(i).nullable() || a.nullable());
            }
            return x;
        });
    }

    public static List<Expression> bindAll(List<? extends Expression> exprs, List<AttributeReference> input) {
        List<Expression> out = new ArrayList<>(exprs.size());
        for (Expression e : exprs) {
            out.add(bind(e, input));
        }
        return out;
    }

    /** Which of {@code width} input columns a bound expression reads (its {@link io.ember.sql.expressions.BoundReference}s). */
    public static boolean[] columnsRead(Expression bound, int width) {
        boolean[] read = new boolean[width];
        if (bound != null) {
            bound.foreach(e -> {
                if (e instanceof io.ember.sql.expressions.BoundReference r) {
                    read[r.ordinal()] = true;
                }
            });
        }
        return read;
    }

    private static Map<ExprId, Integer> ordinals(List<AttributeReference> input) {
        Map<ExprId, Integer> m = new HashMap<>();
        for (int i = input.size() - 1; i >= 0; i--) {
            m.put(input.get(i).exprId(), i);
        }
        return m;
    }
}
