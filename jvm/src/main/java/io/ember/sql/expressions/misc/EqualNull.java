package io.ember.sql.expressions.misc;

import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.MergesInputTypes;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.expressions.SqlOrdering;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;

/** {@code equal_null(a, b)}: {@code a <=> b} under its own name; two nulls are equal, never null. */
public final class EqualNull extends RowFunction implements MergesInputTypes {
    private static final long serialVersionUID = 1L;

    public EqualNull(List<Expression> args) {
        super(args);
    }

    @Override
    public String prettyName() {
        return "equal_null";
    }

    @Override
    public List<Integer> mergedChildren() {
        return List.of(0, 1);
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of();
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        if (!args.get(0).dataType().equals(args.get(1).dataType())) return ExpectsInputTypes.differentTypes(prettyName(), args);
        return TypeCheckResult.success();
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
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
        if (v[0] == null || v[1] == null) return v[0] == v[1];
        return SqlOrdering.forType(args.get(0).dataType()).compare(v[0], v[1]) == 0;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new EqualNull(a);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
