package io.ember.sql.cache;

/**
 * SQL's order on the internal values statistics hold: numbers by value (NaN above every
 * other number, -0.0 equal to 0.0, as Spark compares), strings by code point (the order of
 * their UTF-8 bytes, which Spark compares). Stateless.
 */
final class ValueOrder {
    private ValueOrder() {}

    /** True when the two values are comparable here (both numbers, or both strings). */
    static boolean comparable(Object a, Object b) {
        return (a instanceof Number && b instanceof Number) || (a instanceof String && b instanceof String);
    }

    /** Compares two values for which {@link #comparable} holds. */
    static int compare(Object a, Object b) {
        if (a instanceof String s && b instanceof String t) {
            return compareStrings(s, t);
        }
        Number x = (Number) a;
        Number y = (Number) b;
        if (isIntegral(x) && isIntegral(y)) {
            return Long.compare(x.longValue(), y.longValue());
        }
        return compareDoubles(x.doubleValue(), y.doubleValue());
    }

    static int compareDoubles(double x, double y) {
        return x == y ? 0 : Double.compare(x, y);
    }

    static int compareStrings(String s, String t) {
        int n = Math.min(s.length(), t.length());
        int i = 0;
        while (i < n) {
            int a = s.codePointAt(i);
            int b = t.codePointAt(i);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
        }
        return Integer.compare(s.length(), t.length());
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }
}
