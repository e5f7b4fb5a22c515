package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/**
 * The generic kernel shape for functions without a specialised loop: evaluates the children
 * over the batch, then computes each row from its boxed argument values. Unless
 * {@link #nullSafe()}, a row with a null argument is null without calling {@link #compute}.
 * A subclass names its SQL function, result type and input types (cast implicitly).
 */
public abstract class RowFunction extends Expression implements ImplicitCastInputTypes {
    private static final long serialVersionUID = 1L;

    protected final List<Expression> args;

    protected RowFunction(List<Expression> args) {
        this.args = List.copyOf(args);
    }

    /** The function's name in SQL text. */
    public abstract String prettyName();

    /** One row's value from its arguments (internal values); null for a null result. */
    protected abstract Object compute(Object[] values);

    /** True when {@link #compute} takes null arguments itself. */
    protected boolean nullSafe() {
        return false;
    }

    /** This function over new arguments. */
    protected abstract Expression copy(List<Expression> newArgs);

    @Override
    public abstract DataType dataType();

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public boolean foldable() {
        return deterministic() && args.stream().allMatch(Expression::foldable);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ExpectsInputTypes.check(this, inputTypes());
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int n = batch.numRows();
        ColumnVector[] in = new ColumnVector[args.size()];
        for (int c = 0; c < in.length; c++) in[c] = args.get(c).eval(batch);
        Object[] out = new Object[n];
        Object[] row = new Object[in.length];
        boolean safe = nullSafe();
        for (int i = 0; i < n; i++) {
            boolean anyNull = false;
            for (int c = 0; c < in.length; c++) {
                row[c] = in[c].get(i);
                anyNull |= row[c] == null;
            }
            out[i] = anyNull && !safe ? null : compute(row);
        }
        return Vectors.fromObjects(dataType(), out);
    }

    @Override
    public String sql() {
        return FunctionCalls.sql(prettyName(), args);
    }

    @Override
    public List<Expression> children() {
        return args;
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return copy(c);
    }
}
