package io.ember.sql.execution;

import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Orders rows of evaluated sort-key columns by Spark's rules: each key ascending or
 * descending, nulls first or last; NaN after every other double, {@code -0.0 = 0.0}; strings
 * by UTF-16 code unit (as Spark orders by UTF-8 bytes for the BMP). Immutable; rows are
 * (columns, index) pairs so rows of different batches compare directly.
 */
public final class KeyComparator implements Serializable {
    private static final long serialVersionUID = 1L;

    private final boolean[] ascending;
    private final boolean[] nullsFirst;

    public KeyComparator(boolean[] ascending, boolean[] nullsFirst) {
        this.ascending = ascending.clone();
        this.nullsFirst = nullsFirst.clone();
    }

    public static KeyComparator of(List<io.ember.sql.expressions.SortOrder> order) {
        boolean[] asc = new boolean[order.size()];
        boolean[] nf = new boolean[order.size()];
        for (int i = 0; i < asc.length; i++) {
            asc[i] = order.get(i).ascending();
            nf[i] = order.get(i).nullsFirst();
        }
        return new KeyComparator(asc, nf);
    }

    /** Ascending, nulls first on every key: what equality-based operators (joins) sort by. */
    public static KeyComparator natural(int keys) {
        boolean[] t = new boolean[keys];
        Arrays.fill(t, true);
        return new KeyComparator(t, t);
    }

    public boolean ascending(int key) {
        return ascending[key];
    }

    public boolean nullsFirst(int key) {
        return nullsFirst[key];
    }

    public int compare(ColumnVector[] a, int i, ColumnVector[] b, int j) {
        for (int k = 0; k < ascending.length; k++) {
            boolean an = a[k].isNull(i);
            boolean bn = b[k].isNull(j);
            int c;
            if (an || bn) {
                if (an && bn) {
                    continue;
                }
                c = an == nullsFirst[k] ? -1 : 1;
                return c;
            }
            c = compareValues(a[k], i, b[k], j);
            if (c != 0) {
                return ascending[k] ? c : -c;
            }
        }
        return 0;
    }

    /** Compares two non-null values of the same type. */
    static int compareValues(ColumnVector a, int i, ColumnVector b, int j) {
        if (a instanceof LongVector x && b instanceof LongVector y) {
            return Long.compare(x.values[i], y.values[j]);
        }
        if (a instanceof IntVector x && b instanceof IntVector y) {
            return Integer.compare(x.values[i], y.values[j]);
        }
        if (a instanceof DoubleVector x && b instanceof DoubleVector y) {
            return compareDouble(x.values[i], y.values[j]);
        }
        if (a instanceof StringVector x && b instanceof StringVector y) {
            return x.values[i].compareTo(y.values[j]);
        }
        if (a instanceof DecimalVector x && b instanceof DecimalVector y && x.scale() == y.scale()) {
            return Long.compare(x.unscaled[i], y.unscaled[j]);
        }
        return compareObjects(a.get(i), b.get(j));
    }

    static int compareDouble(double x, double y) {
        if (x == y) {
            return 0;
        }
        return Double.compare(x, y);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compareObjects(Object x, Object y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        if (x instanceof Double || x instanceof Float) {
            return compareDouble(((Number) x).doubleValue(), ((Number) y).doubleValue());
        }
        if (x instanceof Number && y instanceof Number && !(x instanceof BigDecimal)) {
            return Long.compare(((Number) x).longValue(), ((Number) y).longValue());
        }
        if (x instanceof byte[] p && y instanceof byte[] q) {
            return Arrays.compareUnsigned(p, q);
        }
        if (x instanceof Object[] p && y instanceof Object[] q) {
            for (int k = 0; k < Math.min(p.length, q.length); k++) {
                int c = compareObjects(p[k], q[k]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(p.length, q.length);
        }
        if (x instanceof List<?> p && y instanceof List<?> q) {
            for (int k = 0; k < Math.min(p.size(), q.size()); k++) {
                int c = compareObjects(p.get(k), q.get(k));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(p.size(), q.size());
        }
        if (x instanceof Map<?, ?>) {
            throw new IllegalArgumentException("map values cannot be ordered");
        }
        return ((Comparable) x).compareTo(y);
    }

    /** Row equality of key columns, nulls equal to nulls (grouping semantics). */
    public static boolean equalRows(ColumnVector[] a, int i, ColumnVector[] b, int j) {
        for (int k = 0; k < a.length; k++) {
            boolean an = a[k].isNull(i);
            boolean bn = b[k].isNull(j);
            if (an != bn) {
                return false;
            }
            if (!an && compareValues(a[k], i, b[k], j) != 0) {
                return false;
            }
        }
        return true;
    }
}
