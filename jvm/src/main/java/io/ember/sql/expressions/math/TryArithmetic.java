package io.ember.sql.expressions.math;

import io.ember.sql.expressions.BinaryArithmetic;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/**
 * {@code try_add}, {@code try_subtract}, {@code try_multiply}, {@code try_divide} and
 * {@code try_mod}: the operator (its child, so type coercion treats it as usual) in
 * {@link BinaryArithmetic.Mode#TRY}, where overflow and a zero divisor give null whatever the
 * ANSI setting; printed under the function's name.
 */
public final class TryArithmetic extends Expression {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Expression op;
    /** The operands as SQL, kept from the operator: the optimizer may fold it into a literal. */
    private final String operands;

    public TryArithmetic(String name, Expression op) {
        this(name, op, null);
    }

    private TryArithmetic(String name, Expression op, String operands) {
        this.name = name;
        this.op = op instanceof BinaryArithmetic a ? a.withMode(BinaryArithmetic.Mode.TRY) : op;
        List<Expression> c = op.children();
        this.operands = c.size() == 2 ? c.get(0).sql() + ", " + c.get(1).sql() : operands != null ? operands : op.sql();
    }

    @Override
    public DataType dataType() {
        return op.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        return op.eval(batch);
    }

    @Override
    public String sql() {
        return name + "(" + operands + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(op);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new TryArithmetic(name, c.get(0), operands);
    }

    @Override
    protected List<Object> args() {
        return List.of(name);
    }
}
