package io.ember.sql.expressions;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import java.util.List;
import java.util.Map;

/**
 * {@code a[i]}: the array element at 0-based {@code ordinal}; out of range null outside ANSI mode,
 * Spark's {@code INVALID_ARRAY_INDEX} under it.
 */
public final class GetArrayItem extends RowFunction implements AnsiAware {
    private static final long serialVersionUID = 1L;

    private final boolean ansi;

    public GetArrayItem(Expression child, Expression ordinal, boolean ansi) {
        super(List.of(child, ordinal));
        this.ansi = ansi;
    }

    public GetArrayItem(Expression child, Expression ordinal) {
        this(child, ordinal, false);
    }

    @Override
    public boolean ansi() {
        return ansi;
    }

    @Override
    public Expression withAnsi(boolean a) {
        return a == ansi ? this : new GetArrayItem(args.get(0), args.get(1), a);
    }

    @Override
    public String prettyName() {
        return "get";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.ARRAY, InputType.INT);
    }

    @Override
    public DataType dataType() {
        return ((ArrayType) args.get(0).dataType()).elementType();
    }

    @Override
    protected Object compute(Object[] v) {
        List<?> a = (List<?>) v[0];
        int i = ((Number) v[1]).intValue();
        if (i >= 0 && i < a.size()) return a.get(i);
        if (ansi) {
            throw new ExpressionEvalException("INVALID_ARRAY_INDEX", "The index " + i + " is out of bounds. The array "
                    + "has " + a.size() + " elements. Use the SQL function `get()` to tolerate accessing element at "
                    + "invalid index and return NULL instead.",
                    Map.of("indexValue", String.valueOf(i), "arraySize", String.valueOf(a.size())));
        }
        return null;
    }

    @Override
    public String sql() {
        return args.get(0).sql() + "[" + args.get(1).sql() + "]";
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new GetArrayItem(a.get(0), a.get(1), ansi);
    }

    @Override
    protected List<Object> args() {
        return List.of(ansi);
    }
}
