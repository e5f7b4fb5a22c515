package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * A RANGE frame with value offsets needs exactly one ordering column of a numeric type or a
     * date (offsets in days), as Spark checks ({@code RANGE_FRAME_WITHOUT_ORDER},
     * {@code RANGE_FRAME_MULTI_ORDER}, {@code RANGE_FRAME_INVALID_TYPE}).
     */
    @Override
    public TypeCheckResult checkInputDataTypes() {
        WindowFrame f = frame();
        if (f.rows() || !(isOffset(f.lower()) || isOffset(f.upper()))) {
            return TypeCheckResult.success();
        }
        String spec = String.join(", ", orderSpec.stream().map(Expression::sql).toList());
        if (orderSpec.isEmpty()) {
            return TypeCheckResult.mismatch("RANGE_FRAME_WITHOUT_ORDER",
                    "A range window frame cannot be used in an unordered window specification", Map.of());
        }
        if (orderSpec.size() > 1) {
            return TypeCheckResult.mismatch("RANGE_FRAME_MULTI_ORDER", "A range window frame with value boundaries cannot"
                    + " be used in a window specification with multiple order by expressions: " + spec,
                    Map.of("orderSpec", spec));
        }
        DataType key = orderSpec.get(0).child().dataType();
        if (!(key instanceof io.ember.sql.types.DateType) && !SqlTypes.isNumeric(key)) {
            return TypeCheckResult.mismatch("RANGE_FRAME_INVALID_TYPE", "The data type " + TypeCheckResult.quoteType(key)
                    + " used in the order specification does not support the data type \"BIGINT\" which is used in the"
                    + " range frame", Map.of("orderSpecType", TypeCheckResult.quoteType(key), "valueBoundaryType", "\"BIGINT\""));
        }
        return TypeCheckResult.success();
    }

    private static boolean isOffset(long bound) {
        return bound != WindowFrame.UNBOUNDED_PRECEDING && bound != WindowFrame.UNBOUNDED_FOLLOWING
                && bound != WindowFrame.CURRENT_ROW;
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
