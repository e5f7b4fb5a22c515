package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import java.util.List;
import java.util.Map;

/**
 * Base of the functions that take lambdas ({@code transform}, {@code filter}, {@code aggregate},
 * ...). A subclass names itself, its input types (lambda positions accept anything), its result
 * type and its kernel, which flattens the elements of the batch ({@link #flatten}) and calls
 * {@link LambdaFunction#evalElements} once per lambda application over all of them.
 */
public abstract class HigherOrderFunction extends Expression implements ExpectsInputTypes {
    private static final long serialVersionUID = 1L;

    protected final List<Expression> args;

    protected HigherOrderFunction(List<Expression> args) {
        this.args = List.copyOf(args);
    }

    /** The function's SQL name. */
    public abstract String prettyName();

    /** This function over new arguments. */
    protected abstract Expression copy(List<Expression> newArgs);

    protected final LambdaFunction lambda(int i) {
        return (LambdaFunction) args.get(i);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        TypeCheckResult r = ExpectsInputTypes.check(this, inputTypes());
        if (!r.isSuccess()) return r;
        for (Expression a : args) {
            if (a instanceof LambdaFunction l && !l.bound()) {
                return TypeCheckResult.mismatch("INVALID_LAMBDA_FUNCTION_CALL", "unbound lambda in " + prettyName(), Map.of());
            }
        }
        return r;
    }

    /** The type a lambda's result must have: {@code expected} exactly, else Spark's mismatch. */
    protected TypeCheckResult lambdaReturns(int i, InputType expected) {
        Expression body = lambda(i).body();
        if (expected.accepts(body.dataType())) return TypeCheckResult.success();
        return ExpectsInputTypes.unexpected(i, lambda(i), expected.quoted());
    }

    @Override
    public boolean nullable() {
        return true;
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

    @Override
    protected List<Object> args() {
        return List.of();
    }

    /** The elements of a batch's arrays in one vector: element j is {@code index[j]} of row {@code rowOf[j]}. */
    protected record Flat(List<?>[] arrays, int[] start, int[] rowOf, int[] index, Object[] elements, int size) {
        ColumnVector elementVector(DataType type) {
            return Vectors.fromObjects(type, elements);
        }

        ColumnVector indexVector() {
            return Vectors.fromObjects(io.ember.sql.types.DataTypes.IntegerType, java.util.Arrays.stream(index).boxed().toArray());
        }
    }

    /** Flattens a vector of arrays (null rows hold no elements). */
    protected static Flat flatten(ColumnVector v, int rows) {
        List<?>[] arrays = new List<?>[rows];
        int[] start = new int[rows + 1];
        int total = 0;
        for (int r = 0; r < rows; r++) {
            arrays[r] = (List<?>) v.get(r);
            start[r] = total;
            total += arrays[r] == null ? 0 : arrays[r].size();
        }
        start[rows] = total;
        int[] rowOf = new int[total];
        int[] index = new int[total];
        Object[] elements = new Object[total];
        for (int r = 0, j = 0; r < rows; r++) {
            if (arrays[r] == null) continue;
            for (int i = 0; i < arrays[r].size(); i++, j++) {
                rowOf[j] = r;
                index[j] = i;
                elements[j] = arrays[r].get(i);
            }
        }
        return new Flat(arrays, start, rowOf, index, elements, total);
    }
}
