package io.ember.sql.expressions;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import java.util.List;

/** {@code a[i]}: the array element at 0-based {@code ordinal}; null when out of range (outside ANSI mode). */
public final class GetArrayItem extends RowFunction {
    private static final long serialVersionUID = 1L;

    public GetArrayItem(Expression child, Expression ordinal) {
        super(List.of(child, ordinal));
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
        return i < 0 || i >= a.size() ? null : a.get(i);
    }

    @Override
    public String sql() {
        return args.get(0).sql() + "[" + args.get(1).sql() + "]";
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new GetArrayItem(a.get(0), a.get(1));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
