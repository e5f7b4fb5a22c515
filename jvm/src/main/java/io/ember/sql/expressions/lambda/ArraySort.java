package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.And;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.GreaterThan;
import io.ember.sql.expressions.If;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.IsNull;
import io.ember.sql.expressions.LessThan;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.SqlOrdering;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code array_sort(array[, (left, right) -> int])}: sorts by a comparator lambda (negative,
 * zero, positive). Without one, the comparator is Spark's default (ascending, nulls last),
 * which names the column as Spark does and is run natively. A custom comparator is evaluated
 * for every ordered pair of each array's elements in one batch, then the arrays are sorted
 * by that table.
 */
public final class ArraySort extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;

    private final boolean defaultOrder;

    public ArraySort(List<Expression> args, boolean defaultOrder) {
        super(args);
        this.defaultOrder = defaultOrder;
    }

    /** {@code array_sort(array)} with Spark's default comparator. */
    public static ArraySort ascending(Expression array) {
        DataType t = ((ArrayType) array.dataType()).elementType();
        NamedLambdaVariable l = new NamedLambdaVariable("left", t, true, ExprId.next(), true);
        NamedLambdaVariable r = new NamedLambdaVariable("right", t, true, ExprId.next(), true);
        Literal zero = new Literal(0, DataTypes.IntegerType);
        Literal one = new Literal(1, DataTypes.IntegerType);
        Literal minusOne = new Literal(-1, DataTypes.IntegerType);
        Expression body = new If(new And(new IsNull(l), new IsNull(r)), zero,
                new If(new IsNull(l), one, new If(new IsNull(r), minusOne,
                        new If(new LessThan(l, r), minusOne, new If(new GreaterThan(l, r), one, zero)))));
        return new ArraySort(List.of(array, new LambdaFunction(body, List.of(l, r))), true);
    }

    @Override
    public String prettyName() {
        return "array_sort";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.ARRAY, InputType.ANY);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        TypeCheckResult r = super.checkInputDataTypes();
        return r.isSuccess() ? lambdaReturns(1, InputType.INT) : r;
    }

    @Override
    public DataType dataType() {
        return args.get(0).dataType();
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int rows = batch.numRows();
        Flat f = flatten(args.get(0).eval(batch), rows);
        Object[] out = new Object[rows];
        if (defaultOrder) {
            Comparator<Object> c = Comparator.nullsLast(SqlOrdering.forType(((ArrayType) dataType()).elementType()));
            for (int r = 0; r < rows; r++) {
                if (f.arrays()[r] == null) continue;
                List<Object> l = new ArrayList<>(f.arrays()[r]);
                l.sort(c);
                out[r] = l;
            }
            return Vectors.fromObjects(dataType(), out);
        }
        long pairs = 0;
        int[] pairStart = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            pairStart[r] = (int) pairs;
            int n = f.arrays()[r] == null ? 0 : f.arrays()[r].size();
            pairs += (long) n * n;
        }
        pairStart[rows] = (int) pairs;
        int total = Math.toIntExact(pairs);
        int[] rowOf = new int[total];
        Object[] left = new Object[total];
        Object[] right = new Object[total];
        for (int r = 0, p = 0; r < rows; r++) {
            List<?> a = f.arrays()[r];
            if (a == null) continue;
            for (Object x : a) {
                for (Object y : a) {
                    rowOf[p] = r;
                    left[p] = x;
                    right[p++] = y;
                }
            }
        }
        DataType t = ((ArrayType) dataType()).elementType();
        ColumnVector cmp = lambda(1).evalElements(batch, rowOf, total, Vectors.fromObjects(t, left), Vectors.fromObjects(t, right));
        for (int r = 0; r < rows; r++) {
            List<?> a = f.arrays()[r];
            if (a == null) continue;
            int n = a.size();
            int base = pairStart[r];
            List<Integer> order = new ArrayList<>(n);
            for (int i = 0; i < n; i++) order.add(i);
            order.sort((i, j) -> {
                Object v = cmp.get(base + i * n + j);
                if (v == null) {
                    throw new ExpressionEvalException("COMPARATOR_RETURNS_NULL",
                            "The comparator has returned a NULL for a comparison between " + a.get(i) + " and " + a.get(j) + ".", Map.of());
                }
                return (Integer) v;
            });
            List<Object> sorted = new ArrayList<>(n);
            for (int i : order) sorted.add(a.get(i));
            out[r] = sorted;
        }
        return Vectors.fromObjects(dataType(), out);
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new ArraySort(a, defaultOrder);
    }

    @Override
    protected List<Object> args() {
        return List.of(defaultOrder);
    }
}
