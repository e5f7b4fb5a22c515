package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers: vectors from boxed values, bound columns, and evaluation to boxed values. */
public final class Exprs {
    private Exprs() {}

    public static ColumnVector vec(DataType t, Object... values) {
        return Vectors.fromObjects(t, values);
    }

    public static ColumnBatch batch(ColumnVector... cols) {
        return new ColumnBatch(cols, cols.length == 0 ? 1 : cols[0].size());
    }

    public static BoundReference col(int i, DataType t) {
        return new BoundReference(i, t, true);
    }

    public static Literal lit(Object v, DataType t) {
        return new Literal(v, t);
    }

    public static Literal lit(int v) {
        return new Literal(v, DataTypes.IntegerType);
    }

    public static List<Object> eval(Expression e, ColumnBatch b) {
        ColumnVector v = e.eval(b);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < b.numRows(); i++) out.add(v.get(i));
        return out;
    }

    /** Evaluates over a one-row batch with no columns (constants only). */
    public static Object eval1(Expression e) {
        return e.eval(ColumnBatch.empty(1)).get(0);
    }

    public static List<Object> list(Object... v) {
        return Arrays.asList(v);
    }
}
