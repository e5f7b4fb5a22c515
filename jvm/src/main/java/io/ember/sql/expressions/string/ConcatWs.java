package io.ember.sql.expressions.string;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.Collections;
import java.util.List;

/** {@code concat_ws(sep, s1, s2, ...)}: the non-null strings joined by {@code sep}; null only when {@code sep} is. */
public final class ConcatWs extends RowFunction {
    private static final long serialVersionUID = 1L;

    public ConcatWs(List<Expression> args) {
        super(args);
    }

    @Override
    public String prettyName() {
        return "concat_ws";
    }

    @Override
    public List<InputType> inputTypes() {
        return Collections.nCopies(args.size(), InputType.STRING);
    }

    @Override
    public DataType dataType() {
        return DataTypes.StringType;
    }

    @Override
    protected boolean nullSafe() {
        return true;
    }

    @Override
    protected Object compute(Object[] v) {
        if (v[0] == null) return null;
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (int i = 1; i < v.length; i++) {
            if (v[i] == null) continue;
            b.append(first ? "" : (String) v[0]).append((String) v[i]);
            first = false;
        }
        return b.toString();
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new ConcatWs(a);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
