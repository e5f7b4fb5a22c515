package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/**
 * {@code aggregate(array, zero, (acc, x) -> merge[, acc -> finish])} (also {@code reduce}):
 * folds each array from {@code zero}. Vectorized across rows: step k applies {@code merge}
 * once to the k-th element of every row whose array is that long, so a batch takes as many
 * lambda evaluations as its longest array has elements. {@code merge} must return the type of
 * {@code zero}. A null array gives null.
 */
public final class ArrayAggregate extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;

    private final String name;

    public ArrayAggregate(String name, List<Expression> args) {
        super(args);
        this.name = name;
    }

    @Override
    public String prettyName() {
        return name;
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.ARRAY, InputType.ANY, InputType.ANY, InputType.ANY);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        TypeCheckResult r = super.checkInputDataTypes();
        if (r.isSuccess() && !lambda(2).dataType().equals(args.get(1).dataType())) {
            return ExpectsInputTypes.unexpected(2, lambda(2), InputType.exact(args.get(1).dataType()).quoted());
        }
        return r;
    }

    @Override
    public DataType dataType() {
        return args.size() > 3 ? lambda(3).dataType() : args.get(1).dataType();
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int rows = batch.numRows();
        Flat f = flatten(args.get(0).eval(batch), rows);
        DataType accType = args.get(1).dataType();
        DataType elemType = ((ArrayType) args.get(0).dataType()).elementType();
        ColumnVector zero = args.get(1).eval(batch);
        Object[] acc = new Object[rows];
        int longest = 0;
        for (int r = 0; r < rows; r++) {
            acc[r] = zero.get(r);
            if (f.arrays()[r] != null) longest = Math.max(longest, f.arrays()[r].size());
        }
        for (int k = 0; k < longest; k++) {
            int[] rowOf = new int[rows];
            int n = 0;
            for (int r = 0; r < rows; r++) {
                if (f.arrays()[r] != null && f.arrays()[r].size() > k) rowOf[n++] = r;
            }
            Object[] accIn = new Object[n];
            Object[] x = new Object[n];
            for (int j = 0; j < n; j++) {
                accIn[j] = acc[rowOf[j]];
                x[j] = f.arrays()[rowOf[j]].get(k);
            }
            ColumnVector merged = lambda(2).evalElements(batch, java.util.Arrays.copyOf(rowOf, n), n,
                    Vectors.fromObjects(accType, accIn), Vectors.fromObjects(elemType, x));
            for (int j = 0; j < n; j++) acc[rowOf[j]] = merged.get(j);
        }
        ColumnVector accs = Vectors.fromObjects(accType, acc);
        ColumnVector result = args.size() > 3 ? lambda(3).evalElements(batch, null, rows, accs) : accs;
        Object[] out = new Object[rows];
        for (int r = 0; r < rows; r++) out[r] = f.arrays()[r] == null ? null : result.get(r);
        return Vectors.fromObjects(dataType(), out);
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new ArrayAggregate(name, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(name);
    }
}
