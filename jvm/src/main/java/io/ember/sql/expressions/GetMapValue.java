package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.MapType;
import java.util.List;
import java.util.Map;

/** {@code m[key]}: the value for a key (cast to the map's key type); null when absent. */
public final class GetMapValue extends RowFunction {
    private static final long serialVersionUID = 1L;

    public GetMapValue(Expression child, Expression key) {
        super(List.of(child, key));
    }

    @Override
    public String prettyName() {
        return "get";
    }

    @Override
    public List<InputType> inputTypes() {
        DataType t = args.get(0).dataType();
        return t instanceof MapType m ? List.of(InputType.MAP, InputType.exact(m.keyType())) : List.of(InputType.MAP);
    }

    @Override
    public DataType dataType() {
        return ((MapType) args.get(0).dataType()).valueType();
    }

    @Override
    protected Object compute(Object[] v) {
        Map<?, ?> m = (Map<?, ?>) v[0];
        Object key = v[1];
        Object direct = m.get(key);
        if (direct != null || !(key instanceof byte[] || key instanceof java.math.BigDecimal)) {
            return direct;
        }
        java.util.Comparator<Object> c = SqlOrdering.forType(((MapType) args.get(0).dataType()).keyType());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (c.compare(e.getKey(), key) == 0) return e.getValue();
        }
        return null;
    }

    @Override
    public String sql() {
        return args.get(0).sql() + "[" + args.get(1).sql() + "]";
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new GetMapValue(a.get(0), a.get(1));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
