package io.ember.sql.expressions.hash;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code hash(e1, e2, ...)}: Spark's Murmur3 hash of the values, chained with seed 42 (a null
 * leaves the running hash unchanged), typed as Spark hashes them: int-backed values as ints,
 * longs and timestamps as longs, floats and doubles by their bits (-0.0 as 0.0), decimals of up
 * to 18 digits by their unscaled long, strings and binary by their bytes, and nested values
 * element by element. Values equal PySpark's {@code hash()}.
 */
public final class Murmur3Hash extends RowFunction {
    private static final long serialVersionUID = 1L;
    public static final int SEED = 42;

    public Murmur3Hash(List<Expression> args) {
        super(args);
    }

    @Override
    public String prettyName() {
        return "hash";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of();
    }

    @Override
    public DataType dataType() {
        return DataTypes.IntegerType;
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
        int h = SEED;
        for (int i = 0; i < v.length; i++) {
            h = hash(v[i], args.get(i).dataType(), h);
        }
        return h;
    }

    /** The hash of one internal value of type {@code t}, continuing from {@code seed}. */
    public static int hash(Object v, DataType t, int seed) {
        if (v == null) return seed;
        if (t instanceof BooleanType) return Murmur3.hashInt((Boolean) v ? 1 : 0, seed);
        if (DataTypes.isIntBacked(t)) return Murmur3.hashInt(((Number) v).intValue(), seed);
        if (DataTypes.isLongBacked(t)) return Murmur3.hashLong((Long) v, seed);
        if (t.equals(DataTypes.FloatType)) {
            float f = (Float) v;
            return Murmur3.hashInt(Float.floatToIntBits(f == -0.0f ? 0.0f : f), seed);
        }
        if (t.equals(DataTypes.DoubleType)) {
            double d = (Double) v;
            return Murmur3.hashLong(Double.doubleToLongBits(d == -0.0d ? 0.0d : d), seed);
        }
        if (t instanceof DecimalType dt) {
            BigDecimal d = (BigDecimal) v;
            if (dt.precision() <= 18) return Murmur3.hashLong(d.unscaledValue().longValue(), seed);
            return Murmur3.hashBytes(d.unscaledValue().toByteArray(), seed);
        }
        if (t instanceof StringType) return Murmur3.hashBytes(((String) v).getBytes(StandardCharsets.UTF_8), seed);
        if (t instanceof BinaryType) return Murmur3.hashBytes((byte[]) v, seed);
        if (t instanceof ArrayType a) {
            int h = seed;
            for (Object x : (List<?>) v) h = hash(x, a.elementType(), h);
            return h;
        }
        if (t instanceof MapType m) {
            int h = seed;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                h = hash(e.getKey(), m.keyType(), h);
                h = hash(e.getValue(), m.valueType(), h);
            }
            return h;
        }
        if (t instanceof StructType s) {
            Object[] fields = (Object[]) v;
            int h = seed;
            for (int i = 0; i < fields.length; i++) h = hash(fields[i], s.field(i).dataType(), h);
            return h;
        }
        return seed;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new Murmur3Hash(a);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
