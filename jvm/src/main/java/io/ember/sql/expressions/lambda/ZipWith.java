package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code zip_with(left, right, (x, y) -> f)}: f over the arrays' elements pairwise, the shorter
 * array padded with nulls; null if either array is null.
 */
public final class ZipWith extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;

    public ZipWith(List<Expression> args) {
        super(args);
    }

    @Override
    public String prettyName() {
        return "zip_with";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.ARRAY, InputType.ARRAY, InputType.ANY);
    }

    @Override
    public DataType dataType() {
        return new ArrayType(lambda(2).dataType(), lambda(2).nullable());
    }

    private DataType element(int i) {
        return ((ArrayType) args.get(i).dataType()).elementType();
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int rows = batch.numRows();
        ColumnVector a = args.get(0).eval(batch);
        ColumnVector b = args.get(1).eval(batch);
        int[] start = new int[rows + 1];
        List<Integer> rowOf = new ArrayList<>();
        List<Object> xs = new ArrayList<>();
        List<Object> ys = new ArrayList<>();
        boolean[] isNull = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            start[r] = rowOf.size();
            List<?> l = (List<?>) a.get(r);
            List<?> m = (List<?>) b.get(r);
            if (l == null || m == null) {
                isNull[r] = true;
                continue;
            }
            for (int i = 0; i < Math.max(l.size(), m.size()); i++) {
                rowOf.add(r);
                xs.add(i < l.size() ? l.get(i) : null);
                ys.add(i < m.size() ? m.get(i) : null);
            }
        }
        start[rows] = rowOf.size();
        int n = rowOf.size();
        ColumnVector values = lambda(2).evalElements(batch, rowOf.stream().mapToInt(Integer::intValue).toArray(), n,
                Vectors.fromObjects(element(0), xs.toArray()), Vectors.fromObjects(element(1), ys.toArray()));
        Object[] out = new Object[rows];
        for (int r = 0; r < rows; r++) {
            if (isNull[r]) continue;
            List<Object> l = new ArrayList<>(start[r + 1] - start[r]);
            for (int j = start[r]; j < start[r + 1]; j++) l.add(values.get(j));
            out[r] = l;
        }
        return Vectors.fromObjects(dataType(), out);
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new ZipWith(a);
    }
}
