package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.types.DataType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mode(x)}: the most frequent non-null value; among equally frequent values, the one
 * seen first (Spark leaves ties unspecified unless deterministic). Null for no values.
 */
public final class Mode extends ValuesAggregate {
    private static final long serialVersionUID = 1L;

    private final Expression child;

    public Mode(Expression child) {
        this.child = child;
    }

    @Override
    protected Expression input() {
        return child;
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    protected Object finish(List<Object> values) {
        Map<Object, Integer> counts = new HashMap<>();
        Object best = null;
        int bestCount = 0;
        for (Object v : values) {
            int c = counts.merge(v, 1, Integer::sum);
            if (c > bestCount) {
                best = v;
                bestCount = c;
            }
        }
        return best;
    }

    @Override
    public String sql() {
        return FunctionCalls.sql("mode", List.of(child));
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new Mode(c.get(0));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
