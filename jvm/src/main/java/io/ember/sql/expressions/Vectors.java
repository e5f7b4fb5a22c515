package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import io.ember.sql.vector.StringVector;

/**
 * Views of any vector as the concrete class of its type's representation, so that kernels run
 * tight loops over public arrays: a vector already of that class is returned as is, any other
 * (dictionary-encoded, or a producer's own class) is copied through the getters once. Also the
 * null-mask arithmetic kernels share. Stateless.
 */
public final class Vectors {
    private Vectors() {}

    public static IntVector ints(ColumnVector v) {
        if (v instanceof IntVector i) {
            return i;
        }
        int n = v.size();
        IntVector out = new IntVector(v.dataType(), n);
        for (int r = 0; r < n; r++) {
            if (v.isNull(r)) out.setNull(r); else out.values[r] = v.getInt(r);
        }
        return out;
    }

    public static LongVector longs(ColumnVector v) {
        if (v instanceof LongVector l) {
            return l;
        }
        int n = v.size();
        if (v instanceof IntVector iv) {
            long[] a = new long[n];
            for (int r = 0; r < n; r++) a[r] = iv.values[r];
            return new LongVector(v.dataType(), a, iv.nulls);
        }
        LongVector out = new LongVector(v.dataType(), n);
        for (int r = 0; r < n; r++) {
            if (v.isNull(r)) out.setNull(r); else out.values[r] = v.getLong(r);
        }
        return out;
    }

    public static FloatVector floats(ColumnVector v) {
        if (v instanceof FloatVector f) {
            return f;
        }
        int n = v.size();
        FloatVector out = new FloatVector(v.dataType(), n);
        for (int r = 0; r < n; r++) {
            if (v.isNull(r)) out.setNull(r); else out.values[r] = v.getFloat(r);
        }
        return out;
    }

    public static DoubleVector doubles(ColumnVector v) {
        if (v instanceof DoubleVector d) {
            return d;
        }
        int n = v.size();
        if (v instanceof FloatVector || v instanceof IntVector || v instanceof LongVector) {
            double[] a = new double[n];
            for (int r = 0; r < n; r++) {
                a[r] = v instanceof FloatVector f ? f.values[r] : v instanceof IntVector iv ? iv.values[r] : ((LongVector) v).values[r];
            }
            return new DoubleVector(v.dataType(), a, nulls(v));
        }
        DoubleVector out = new DoubleVector(v.dataType(), n);
        for (int r = 0; r < n; r++) {
            if (v.isNull(r)) out.setNull(r); else out.values[r] = v.getDouble(r);
        }
        return out;
    }

    public static BooleanVector booleans(ColumnVector v) {
        if (v instanceof BooleanVector b) {
            return b;
        }
        int n = v.size();
        BooleanVector out = new BooleanVector(v.dataType(), n);
        for (int r = 0; r < n; r++) {
            if (v.isNull(r)) out.setNull(r); else out.values[r] = v.getBoolean(r);
        }
        return out;
    }

    /** The strings of a string vector (null elements are nulls), decoding a dictionary. */
    public static String[] strings(ColumnVector v) {
        if (v instanceof StringVector s) {
            return s.values;
        }
        int n = v.size();
        String[] out = new String[n];
        for (int r = 0; r < n; r++) {
            out[r] = v.isNull(r) ? null : v.getString(r);
        }
        return out;
    }

    /** The boxed internal values of any vector (null for nulls). */
    public static Object[] objects(ColumnVector v) {
        if (v instanceof ObjectVector o) {
            return o.values;
        }
        if (v instanceof StringVector s) {
            return s.values;
        }
        int n = v.size();
        Object[] out = new Object[n];
        for (int r = 0; r < n; r++) {
            out[r] = v.get(r);
        }
        return out;
    }

    /** A null mask for {@code v}: true where null; null when no value is null. */
    public static boolean[] nulls(ColumnVector v) {
        if (v instanceof IntVector i) return i.nulls;
        if (v instanceof LongVector l) return l.nulls;
        if (v instanceof DoubleVector d) return d.nulls;
        if (v instanceof FloatVector f) return f.nulls;
        if (v instanceof BooleanVector b) return b.nulls;
        if (!v.mayHaveNulls()) return null;
        int n = v.size();
        boolean[] out = null;
        for (int r = 0; r < n; r++) {
            if (v.isNull(r)) {
                if (out == null) out = new boolean[n];
                out[r] = true;
            }
        }
        return out;
    }

    /** The union of two null masks (either may be null for "none"); a fresh array when needed. */
    public static boolean[] union(boolean[] a, boolean[] b) {
        if (a == null) return b == null ? null : b.clone();
        if (b == null) return a.clone();
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] | b[i];
        }
        return out;
    }

    /** A fresh mask of {@code n} or the given one; lets a kernel add nulls (division by zero). */
    public static boolean[] orNew(boolean[] mask, int n) {
        return mask == null ? new boolean[n] : mask;
    }

    /** A vector of the concrete class for {@code type}, from {@code values} with a null mask. */
    public static ColumnVector fromObjects(DataType type, Object[] values) {
        if (DataTypes.StringType.equals(type)) {
            String[] s = new String[values.length];
            for (int i = 0; i < s.length; i++) s[i] = (String) values[i];
            return new StringVector(s);
        }
        ColumnVector out = io.ember.sql.vector.ColumnVectors.allocate(type, values.length);
        for (int i = 0; i < values.length; i++) {
            io.ember.sql.vector.ColumnVectors.set(out, i, values[i]);
        }
        return out;
    }

    /** True when {@code mask} marks row {@code i} null. */
    public static boolean isNull(boolean[] mask, int i) {
        return mask != null && mask[i];
    }

    /** Copies value {@code i} of {@code src} (null allowed) into row {@code j} of {@code dst}, a vector of the same type. */
    public static void copy(ColumnVector src, int i, ColumnVector dst, int j) {
        if (src.isNull(i)) {
            io.ember.sql.vector.ColumnVectors.set(dst, j, null);
        } else if (dst instanceof IntVector d) {
            d.values[j] = src.getInt(i);
        } else if (dst instanceof LongVector d) {
            d.values[j] = src.getLong(i);
        } else if (dst instanceof DoubleVector d) {
            d.values[j] = src.getDouble(i);
        } else if (dst instanceof StringVector d) {
            d.values[j] = src.getString(i);
        } else {
            io.ember.sql.vector.ColumnVectors.set(dst, j, src.get(i));
        }
    }
}
