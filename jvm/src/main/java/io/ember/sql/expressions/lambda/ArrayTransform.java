package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The array higher-order functions whose lambda sees each element (and optionally its index):
 * {@code transform} (the lambda's values), {@code filter} (elements whose lambda is true),
 * {@code exists} and {@code forall} (SQL's three-valued any/all: a null lambda value makes
 * the answer null unless a true, resp. false, decides it). A null array gives null.
 */
public final class ArrayTransform extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;

    /** Which function. */
    public enum Kind { TRANSFORM, FILTER, EXISTS, FORALL }

    private final Kind kind;

    public ArrayTransform(Kind kind, List<Expression> args) {
        super(args);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private DataType elementType() {
        return ((ArrayType) args.get(0).dataType()).elementType();
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.ARRAY, InputType.ANY);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        TypeCheckResult r = super.checkInputDataTypes();
        return r.isSuccess() && kind != Kind.TRANSFORM ? lambdaReturns(1, InputType.BOOLEAN) : r;
    }

    @Override
    public DataType dataType() {
        return switch (kind) {
            case TRANSFORM -> new ArrayType(lambda(1).dataType(), lambda(1).nullable());
            case FILTER -> args.get(0).dataType();
            default -> DataTypes.BooleanType;
        };
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int rows = batch.numRows();
        Flat f = flatten(args.get(0).eval(batch), rows);
        LambdaFunction fn = lambda(1);
        ColumnVector x = f.elementVector(elementType());
        ColumnVector values = fn.arguments().size() == 2
                ? fn.evalElements(batch, f.rowOf(), f.size(), x, f.indexVector())
                : fn.evalElements(batch, f.rowOf(), f.size(), x);
        Object[] out = new Object[rows];
        for (int r = 0; r < rows; r++) {
            if (f.arrays()[r] == null) continue;
            int from = f.start()[r];
            int to = f.start()[r + 1];
            out[r] = switch (kind) {
                case TRANSFORM -> {
                    List<Object> l = new ArrayList<>(to - from);
                    for (int j = from; j < to; j++) l.add(values.get(j));
                    yield l;
                }
                case FILTER -> {
                    List<Object> l = new ArrayList<>();
                    for (int j = from; j < to; j++) {
                        if (Boolean.TRUE.equals(values.get(j))) l.add(f.elements()[j]);
                    }
                    yield l;
                }
                default -> anyAll(values, from, to, kind == Kind.EXISTS);
            };
        }
        return Vectors.fromObjects(dataType(), out);
    }

    private static Boolean anyAll(ColumnVector values, int from, int to, boolean any) {
        boolean sawNull = false;
        for (int j = from; j < to; j++) {
            Object v = values.get(j);
            if (v == null) sawNull = true;
            else if ((Boolean) v == any) return any;
        }
        return sawNull ? null : !any;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new ArrayTransform(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
