package io.ember.sql.expressions.math;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.misc.KernelSignature;
import io.ember.sql.expressions.misc.ScalarKernel;
import io.ember.sql.expressions.string.Hex;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bitwise and radix functions: shifts (int or bigint, as the input), {@code ~}, {@code bit_count},
 * {@code bit_get}, {@code hex}/{@code unhex}, {@code bin} and {@code conv}. Integer inputs narrower
 * than int compute as int, as Spark.
 */
public enum BitsKernel implements ScalarKernel {
    SHIFTLEFT("shiftleft", 2), SHIFTRIGHT("shiftright", 2), SHIFTRIGHTUNSIGNED("shiftrightunsigned", 2),
    BITWISE_NOT("~", 1), BIT_COUNT("bit_count", 1), BIT_GET("bit_get", 2), GETBIT("getbit", 2),
    HEX("hex", 1), UNHEX("unhex", 1), BIN("bin", 1), CONV("conv", 3);

    private final KernelSignature signature;

    BitsKernel(String name, int arity) {
        this.signature = new KernelSignature(name, arity, null);
    }

    private static boolean isLong(DataType t) {
        return t.equals(DataTypes.LongType);
    }

    @Override
    public KernelSignature signature() {
        return signature;
    }

    @Override
    public InputType inputType(int i, List<DataType> t) {
        return switch (this) {
            case SHIFTLEFT, SHIFTRIGHT, SHIFTRIGHTUNSIGNED -> i == 0 ? (isLong(t.get(0)) ? InputType.LONG : InputType.INT) : InputType.INT;
            case BITWISE_NOT, BIT_COUNT -> InputType.INTEGRAL;
            case BIT_GET, GETBIT -> i == 0 ? InputType.INTEGRAL : InputType.INT;
            case HEX -> InputType.oneOf(InputType.LONG, InputType.BINARY, InputType.STRING);
            case UNHEX -> InputType.STRING;
            case BIN -> InputType.LONG;
            case CONV -> i == 0 ? InputType.STRING : InputType.INT;
        };
    }

    @Override
    public DataType resultType(List<DataType> t) {
        return switch (this) {
            case SHIFTLEFT, SHIFTRIGHT, SHIFTRIGHTUNSIGNED -> isLong(t.get(0)) ? DataTypes.LongType : DataTypes.IntegerType;
            case BITWISE_NOT -> t.get(0);
            case BIT_COUNT -> DataTypes.IntegerType;
            case BIT_GET, GETBIT -> DataTypes.ByteType;
            case UNHEX -> DataTypes.BinaryType;
            default -> DataTypes.StringType;
        };
    }

    @Override
    public String sql(String n, List<Expression> args) {
        return this == BITWISE_NOT ? "~" + args.get(0).sql() : ScalarKernel.super.sql(n, args);
    }

    @Override
    public Object apply(Object[] a, List<DataType> t) {
        switch (this) {
            case SHIFTLEFT, SHIFTRIGHT, SHIFTRIGHTUNSIGNED: {
                int bits = (Integer) a[1];
                if (a[0] instanceof Long l) {
                    return this == SHIFTLEFT ? l << bits : this == SHIFTRIGHT ? l >> bits : l >>> bits;
                }
                int x = (Integer) a[0];
                return this == SHIFTLEFT ? x << bits : this == SHIFTRIGHT ? x >> bits : x >>> bits;
            }
            case BITWISE_NOT: {
                if (a[0] instanceof Long l) return ~l;
                int x = ~(Integer) a[0];
                DataType ty = t.get(0);
                return ty.equals(DataTypes.ByteType) ? (int) (byte) x : ty.equals(DataTypes.ShortType) ? (int) (short) x : x;
            }
            case BIT_COUNT:
                return Long.bitCount(((Number) a[0]).longValue());
            case BIT_GET, GETBIT: {
                int pos = (Integer) a[1];
                int width = isLong(t.get(0)) ? 64 : t.get(0).equals(DataTypes.IntegerType) ? 32
                        : t.get(0).equals(DataTypes.ShortType) ? 16 : 8;
                if (pos < 0 || pos >= width) {
                    throw new ExpressionEvalException("INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE",
                            "The value of parameter(s) `pos` in `" + sqlName() + "` is invalid: expects an integer value in [0, "
                                    + width + "), but got " + pos + ".", Map.of("parameter", "`pos`", "functionName", "`" + sqlName() + "`",
                                    "upper", String.valueOf(width), "invalidValue", String.valueOf(pos)));
                }
                return (int) ((((Number) a[0]).longValue() >> pos) & 1);
            }
            case HEX:
                if (a[0] instanceof Long l) return Long.toHexString(l).toUpperCase(Locale.ROOT);
                return a[0] instanceof String s ? Hex.hex(s) : Hex.hex((byte[]) a[0]);
            case UNHEX:
                return Hex.unhex((String) a[0], false);
            case BIN:
                return Long.toBinaryString((Long) a[0]);
            default:
                return conv((String) a[0], (Integer) a[1], (Integer) a[2]);
        }
    }

    /**
     * Spark's {@code conv}: the digits of {@code s} in base {@code from} (a leading {@code -}
     * negates; parsing stops at the first invalid digit; overflow saturates) as an unsigned
     * 64-bit number written in base {@code to}, or signed when {@code to} is negative.
     */
    static String conv(String s, int from, int to) {
        if (from < 2 || from > 36 || Math.abs(to) < 2 || Math.abs(to) > 36) return null;
        String t = s.trim();
        boolean negative = t.startsWith("-");
        int i = negative ? 1 : 0;
        long v = 0;
        boolean any = false;
        for (; i < t.length(); i++) {
            int d = Character.digit(t.charAt(i), from);
            if (d < 0) break;
            any = true;
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, from)) > 0) {
                v = -1L;
            } else {
                v = v * from + d;
            }
        }
        if (!any) return t.isEmpty() ? null : "0";
        if (negative) v = -v;
        String out = to > 0 ? Long.toUnsignedString(v, to) : Long.toString(v, -to);
        return out.toUpperCase(Locale.ROOT);
    }
}
