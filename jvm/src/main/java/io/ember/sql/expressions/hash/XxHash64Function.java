package io.ember.sql.expressions.hash;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;

/** {@code xxhash64(e1, ...)}: Spark's 64-bit XXH64 of the values, chained from seed 42. */
public final class XxHash64Function extends RowFunction {
    private static final long serialVersionUID = 1L;

    public XxHash64Function(List<Expression> args) {
        super(args);
    }

    @Override
    public String prettyName() {
        return "xxhash64";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of();
    }

    @Override
    public DataType dataType() {
        return DataTypes.LongType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    protected boolean nullSafe() {
        return true;
    }

    @Override
    protected Object compute(Object[] v) {
        long h = 42L;
        for (int i = 0; i < v.length; i++) h = XxHash64.hash(v[i], args.get(i).dataType(), h);
        return h;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new XxHash64Function(a);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
