package io.ember.sql.expressions;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** {@code array(e1, e2, ...)}: an array of the values (nulls kept); coercion gives them one type. */
public final class CreateArray extends RowFunction implements MergesInputTypes {
    private static final long serialVersionUID = 1L;

    public CreateArray(List<Expression> args) {
        super(args);
    }

    @Override
    public String prettyName() {
        return "array";
    }

    @Override
    public List<Integer> mergedChildren() {
        return IntStream.range(0, args.size()).boxed().toList();
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of();
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        if (args.stream().map(Expression::dataType).distinct().count() > 1) {
            return ExpectsInputTypes.differentTypes("array", args);
        }
        return TypeCheckResult.success();
    }

    @Override
    public DataType dataType() {
        DataType e = args.isEmpty() ? DataTypes.NullType : args.get(0).dataType();
        return new ArrayType(e, args.stream().anyMatch(Expression::nullable));
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
        return new ArrayList<>(Arrays.asList(v.clone()));
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new CreateArray(a);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
