package io.ember.sql.expressions;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Spark's ordering of internal values (nulls excluded): numbers by value with NaN above every
 * other double and {@code -0.0 == 0.0}; strings by their UTF-8 bytes (code point order); binary
 * unsigned; arrays and structs element by element with nulls first.
 */
public final class SqlOrdering {
    private SqlOrdering() {}

    public static int compareDoubles(double a, double b) {
        if (a < b) return -1;
        if (a > b) return 1;
        if (a == b) return 0;
        boolean an = Double.isNaN(a);
        boolean bn = Double.isNaN(b);
        return an == bn ? 0 : an ? 1 : -1;
    }

    /** Code point order, which is UTF-8 byte order (Java's compareTo orders UTF-16 units instead). */
    public static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean xs = Character.isSurrogate(x);
                boolean ys = Character.isSurrogate(y);
                if (xs == ys) {
                    return x - y;
                }
                return xs ? 1 : -1;
            }
        }
        return a.length() - b.length();
    }

    public static int compareBinary(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = (a[i] & 0xff) - (b[i] & 0xff);
            if (c != 0) return c;
        }
        return a.length - b.length;
    }

    /** A comparator of non-null internal values of {@code t}. */
    public static Comparator<Object> forType(DataType t) {
        if (t instanceof StringType) {
            return (Comparator<Object> & Serializable) (a, b) -> compareStrings((String) a, (String) b);
        }
        if (t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)) {
            return (Comparator<Object> & Serializable) (a, b) ->
                    compareDoubles(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        if (DataTypes.isIntBacked(t) || DataTypes.isLongBacked(t)) {
            return (Comparator<Object> & Serializable) (a, b) -> Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        if (t instanceof DecimalType) {
            return (Comparator<Object> & Serializable) (a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b);
        }
        if (t instanceof BooleanType) {
            return (Comparator<Object> & Serializable) (a, b) -> Boolean.compare((Boolean) a, (Boolean) b);
        }
        if (t instanceof BinaryType) {
            return (Comparator<Object> & Serializable) (a, b) -> compareBinary((byte[]) a, (byte[]) b);
        }
        if (t instanceof ArrayType at) {
            Comparator<Object> elem = forType(at.elementType());
            return (Comparator<Object> & Serializable) (a, b) -> compareLists((List<?>) a, (List<?>) b, elem);
        }
        if (t instanceof StructType st) {
            @SuppressWarnings("unchecked")
            Comparator<Object>[] fields = new Comparator[st.size()];
            for (int i = 0; i < fields.length; i++) fields[i] = forType(st.field(i).dataType());
            return (Comparator<Object> & Serializable) (a, b) -> compareStructs((Object[]) a, (Object[]) b, fields);
        }
        throw new IllegalArgumentException("values of " + t.simpleString() + " have no order");
    }

    private static int compareLists(List<?> a, List<?> b, Comparator<Object> elem) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareNullsFirst(a.get(i), b.get(i), elem);
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareStructs(Object[] a, Object[] b, Comparator<Object>[] fields) {
        for (int i = 0; i < fields.length; i++) {
            int c = compareNullsFirst(a[i], b[i], fields[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    private static int compareNullsFirst(Object a, Object b, Comparator<Object> c) {
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return c.compare(a, b);
    }
}
