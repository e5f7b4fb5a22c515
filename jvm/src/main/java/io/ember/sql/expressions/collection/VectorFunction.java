package io.ember.sql.expressions.collection;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spark 4's vector functions over {@code array<float>}: {@code vector_cosine_similarity},
 * {@code vector_inner_product}, {@code vector_l2_distance}, {@code vector_norm(v, degree)}
 * and {@code vector_normalize(v, degree)} (degree 2.0 by default; 1.0 and infinity too).
 * Arithmetic is in double, results float; vectors of different lengths are an error, and a
 * null element gives null.
 */
public final class VectorFunction extends RowFunction {
    private static final long serialVersionUID = 1L;
    private static final InputType FLOATS = InputType.exact(new ArrayType(DataTypes.FloatType, true));

    /** Which function. */
    public enum Kind { VECTOR_COSINE_SIMILARITY, VECTOR_INNER_PRODUCT, VECTOR_L2_DISTANCE, VECTOR_NORM, VECTOR_NORMALIZE }

    private final Kind kind;

    public VectorFunction(Kind kind, List<Expression> args) {
        super(args);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<InputType> inputTypes() {
        return kind == Kind.VECTOR_NORM || kind == Kind.VECTOR_NORMALIZE ? List.of(FLOATS, InputType.family("FLOAT", DataTypes.FloatType::equals, null))
                : List.of(FLOATS, FLOATS);
    }

    @Override
    public DataType dataType() {
        return kind == Kind.VECTOR_NORMALIZE ? new ArrayType(DataTypes.FloatType, true) : DataTypes.FloatType;
    }

    private static double[] doubles(Object v) {
        List<?> l = (List<?>) v;
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            if (l.get(i) == null) return null;
            d[i] = ((Number) l.get(i)).doubleValue();
        }
        return d;
    }

    private static double norm(double[] a, double degree) {
        double s = 0;
        for (double x : a) {
            s = degree == Double.POSITIVE_INFINITY ? Math.max(s, Math.abs(x)) : s + Math.pow(Math.abs(x), degree);
        }
        return degree == Double.POSITIVE_INFINITY ? s : Math.pow(s, 1 / degree);
    }

    @Override
    protected Object compute(Object[] v) {
        double[] a = doubles(v[0]);
        if (a == null) return null;
        if (kind == Kind.VECTOR_NORM || kind == Kind.VECTOR_NORMALIZE) {
            double degree = ((Number) v[1]).doubleValue();
            double n = norm(a, degree);
            if (kind == Kind.VECTOR_NORM) return (float) n;
            List<Object> out = new ArrayList<>(a.length);
            for (double x : a) out.add(n == 0 ? null : (float) (x / n));
            return out;
        }
        double[] b = doubles(v[1]);
        if (b == null) return null;
        if (a.length != b.length) {
            throw new ExpressionEvalException("VECTOR_DIMENSION_MISMATCH", "Vectors passed to `" + prettyName()
                    + "` must have the same dimension, but got " + a.length + " and " + b.length + ".",
                    Map.of("functionName", "`" + prettyName() + "`", "leftDim", String.valueOf(a.length), "rightDim", String.valueOf(b.length)));
        }
        double dot = 0;
        double dist = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            dist += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return switch (kind) {
            case VECTOR_INNER_PRODUCT -> (float) dot;
            case VECTOR_L2_DISTANCE -> (float) Math.sqrt(dist);
            default -> {
                double d = norm(a, 2) * norm(b, 2);
                yield d == 0 ? null : (Object) (float) (dot / d);
            }
        };
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new VectorFunction(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
