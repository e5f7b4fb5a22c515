package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import java.util.Map;

/**
 * The row checks of ANSI and {@code try_} arithmetic, run before a {@link BinaryArithmetic}'s
 * loops: a zero divisor ({@code /}, {@code %}, {@code pmod}, any numeric type) and an integral
 * result out of its type's range ({@code + - *}). A bad row fails with Spark's error class, or
 * becomes null when {@code lenient}.
 */
final class ArithmeticChecks {
    private ArithmeticChecks() {}

    static void check(BinaryArithmetic op, ColumnVector l, ColumnVector r, int n, NullMask nulls, boolean lenient) {
        DataType t = op.left().dataType();
        boolean divides = op instanceof Divide || op instanceof Remainder || op instanceof Pmod;
        boolean integral = DataTypes.isIntBacked(t) || DataTypes.isLongBacked(t);
        if (!divides && !integral) return;
        for (int i = 0; i < n; i++) {
            if (nulls.get(i)) continue;
            Object a = l.get(i);
            Object b = r.get(i);
            if (a == null || b == null) continue;
            ExpressionEvalException bad = divides ? zeroDivisor(op, (Number) b) : overflow(op, t, (Number) a, (Number) b);
            if (bad == null) continue;
            if (!lenient) throw bad;
            nulls.set(i);
        }
    }

    private static ExpressionEvalException zeroDivisor(BinaryArithmetic op, Number b) {
        boolean zero = b instanceof java.math.BigDecimal d ? d.signum() == 0 : b.doubleValue() == 0;
        if (!zero) return null;
        return op instanceof Divide
                ? divideByZero()
                : byZero("REMAINDER_BY_ZERO", "Remainder by zero. Use `try_mod`");
    }

    /** Spark's {@code DIVIDE_BY_ZERO} (also {@code div}'s under ANSI). */
    static ExpressionEvalException divideByZero() {
        return byZero("DIVIDE_BY_ZERO", "Division by zero. Use `try_divide`");
    }

    private static ExpressionEvalException byZero(String errorClass, String start) {
        return new ExpressionEvalException(errorClass, start + " to tolerate divisor being 0 and return NULL instead. "
                + "If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.",
                Map.of("config", "\"spark.sql.ansi.enabled\""));
    }

    private static ExpressionEvalException overflow(BinaryArithmetic op, DataType t, Number a, Number b) {
        String fn;
        boolean over;
        long x = a.longValue();
        long y = b.longValue();
        try {
            long v;
            if (op instanceof Add) {
                fn = "try_add";
                v = Math.addExact(x, y);
            } else if (op instanceof Subtract) {
                fn = "try_subtract";
                v = Math.subtractExact(x, y);
            } else if (op instanceof Multiply) {
                fn = "try_multiply";
                v = Math.multiplyExact(x, y);
            } else {
                return null;
            }
            over = v < min(t) || v > max(t);
        } catch (ArithmeticException e) {
            fn = op instanceof Add ? "try_add" : op instanceof Subtract ? "try_subtract" : "try_multiply";
            over = true;
        }
        if (!over) return null;
        return new ExpressionEvalException("ARITHMETIC_OVERFLOW", "overflow. Use '" + fn + "' to tolerate overflow "
                + "and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.",
                Map.of("message", "overflow", "alternative", " Use '" + fn + "' to tolerate overflow and return NULL instead.",
                        "config", "\"spark.sql.ansi.enabled\""));
    }

    private static long min(DataType t) {
        if (DataTypes.isLongBacked(t)) return Long.MIN_VALUE;
        return t.equals(DataTypes.ShortType) ? Short.MIN_VALUE : t.equals(DataTypes.ByteType) ? Byte.MIN_VALUE : Integer.MIN_VALUE;
    }

    private static long max(DataType t) {
        if (DataTypes.isLongBacked(t)) return Long.MAX_VALUE;
        return t.equals(DataTypes.ShortType) ? Short.MAX_VALUE : t.equals(DataTypes.ByteType) ? Byte.MAX_VALUE : Integer.MAX_VALUE;
    }
}
