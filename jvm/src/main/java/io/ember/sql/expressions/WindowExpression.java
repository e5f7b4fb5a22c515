package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code function OVER (PARTITION BY ... ORDER BY ... frame)}: a {@link WindowFunction} or an
 * {@link AggregateFunction} evaluated by the window operator over each row's window. A null
 * {@code frame} means Spark's default ({@link WindowFrame#RUNNING} with an ordering, else
 * {@link WindowFrame#WHOLE}).
 */
public final class WindowExpression extends Unevaluable {
    private static final long serialVersionUID = 1L;

    private final Expression function;
    private final List<Expression> partitionSpec;
    private final List<SortOrder> orderSpec;
    private final WindowFrame frame;

    public WindowExpression(Expression function, List<? extends Expression> partitionSpec, List<SortOrder> orderSpec,
                            WindowFrame frame) {
        this.function = function;
        this.partitionSpec = List.copyOf(partitionSpec);
        this.orderSpec = List.copyOf(orderSpec);
        this.frame = frame;
    }

    public Expression function() {
        return function;
    }

    public List<Expression> partitionSpec() {
        return partitionSpec;
    }

    public List<SortOrder> orderSpec() {
        return orderSpec;
    }

    /** The frame, Spark's default filled in. */
    public WindowFrame frame() {
        return frame != null ? frame : orderSpec.isEmpty() ? WindowFrame.WHOLE : WindowFrame.RUNNING;
    }

    @Override
    public DataType dataType() {
        return function.dataType();
    }

    @Override
    public boolean nullable() {
        return function.nullable();
    }

    @Override
    public String sql() {
        StringBuilder b = new StringBuilder(function.sql()).append(" OVER (");
        if (!partitionSpec.isEmpty()) {
            b.append("PARTITION BY ").append(String.join(", ", partitionSpec.stream().map(Expression::sql).toList())).append(' ');
        }
        if (!orderSpec.isEmpty()) {
            b.append("ORDER BY ").append(String.join(", ", orderSpec.stream().map(Expression::sql).toList())).append(' ');
        }
        return b.append(frame().sql()).append(')').toString();
    }

    @Override
    public List<Expression> children() {
        List<Expression> c = new ArrayList<>();
        c.add(function);
        c.addAll(partitionSpec);
        c.addAll(orderSpec);
        return c;
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        int p = partitionSpec.size();
        List<SortOrder> order = new ArrayList<>();
        for (Expression e : c.subList(1 + p, c.size())) {
            order.add((SortOrder) e);
        }
        return new WindowExpression(c.get(0), c.subList(1, 1 + p), order, frame);
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(frame);
    }
}
