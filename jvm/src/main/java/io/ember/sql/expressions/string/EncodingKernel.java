package io.ember.sql.expressions.string;

import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.misc.KernelSignature;
import io.ember.sql.expressions.misc.ScalarKernel;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Conversions between strings, bytes and encoded text: {@code base64}, {@code encode},
 * {@code to_binary}, {@code url_encode}, {@code parse_url}, {@code format_number}. The
 * {@code try_} variants give null where the plain function fails.
 */
public enum EncodingKernel implements ScalarKernel {
    BASE64("base64", 1, 1, DataTypes.StringType, T.B, a -> Base64.getEncoder().encodeToString((byte[]) a[0])),
    UNBASE64("unbase64", 1, 1, DataTypes.BinaryType, T.S, a -> Base64.getMimeDecoder().decode((String) a[0])),
    ENCODE("encode", 2, 2, DataTypes.BinaryType, T.S, a -> ((String) a[0]).getBytes(charset((String) a[1]))),
    DECODE("decode", 2, 2, DataTypes.StringType, T.BS, a -> new String((byte[]) a[0], charset((String) a[1]))),
    TO_BINARY("to_binary", 1, 2, DataTypes.BinaryType, T.S, a -> toBinary((String) a[0], (String) a[1], false)),
    TRY_TO_BINARY("try_to_binary", 1, 2, DataTypes.BinaryType, T.S, a -> toBinary((String) a[0], (String) a[1], true)),
    URL_ENCODE("url_encode", 1, 1, DataTypes.StringType, T.S, a -> URLEncoder.encode((String) a[0], StandardCharsets.UTF_8)),
    URL_DECODE("url_decode", 1, 1, DataTypes.StringType, T.S, a -> urlDecode((String) a[0], false)),
    TRY_URL_DECODE("try_url_decode", 1, 1, DataTypes.StringType, T.S, a -> urlDecode((String) a[0], true)),
    PARSE_URL("parse_url", 2, 3, DataTypes.StringType, T.S, a -> UrlParts.extract((String) a[0], (String) a[1], a.length > 2 ? (String) a[2] : null)),
    TRY_PARSE_URL("try_parse_url", 2, 3, DataTypes.StringType, T.S, a -> UrlParts.extract((String) a[0], (String) a[1], a.length > 2 ? (String) a[2] : null)),
    FORMAT_NUMBER("format_number", 2, 2, DataTypes.StringType, T.ANY, a -> formatNumber(a[0], a[1])) {
        @Override
        public InputType inputType(int i, List<DataType> argTypes) {
            return i == 0 ? InputType.NUMERIC : argTypes.get(1).equals(DataTypes.StringType) ? InputType.STRING : InputType.INT;
        }
    };

    private final KernelSignature signature;
    private final InputType first;
    private final Function<Object[], Object> fn;

    EncodingKernel(String name, int min, int max, DataType result, InputType first, Function<Object[], Object> fn) {
        this.signature = new KernelSignature(name, min, max, result);
        this.first = first;
        this.fn = fn;
    }

    /** Argument types, in a holder so the constants above can name them. */
    private static final class T {
        static final InputType S = InputType.STRING;
        static final InputType B = InputType.BINARY;
        static final InputType BS = InputType.BINARY;
        static final InputType ANY = InputType.ANY;
    }

    @Override
    public KernelSignature signature() {
        return signature;
    }

    @Override
    public InputType inputType(int i, List<DataType> argTypes) {
        return i == 0 ? first : InputType.STRING;
    }

    @Override
    public boolean nullSafe() {
        return this == TO_BINARY || this == TRY_TO_BINARY;
    }

    @Override
    public Object apply(Object[] values, List<DataType> argTypes) {
        if (nullSafe() && (values[0] == null || values.length > 1 && values[1] == null)) return null;
        Object[] v = values;
        if (nullSafe() && v.length == 1) v = new Object[] {v[0], null};
        return fn.apply(v);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new ExpressionEvalException("INVALID_PARAMETER_VALUE.CHARSET",
                    "The value of parameter(s) `charset` is invalid: expects one of the charsets, but got " + name + ".",
                    Map.of("parameter", "`charset`", "charset", name));
        }
    }

    /** {@code fmt} is hex (the default), utf-8/utf8 or base64; malformed input fails, or is null when {@code lenient}. */
    static byte[] toBinary(String s, String fmt, boolean lenient) {
        String f = fmt == null ? "hex" : fmt.toLowerCase(Locale.ROOT);
        try {
            return switch (f) {
                case "hex" -> Hex.unhex(s, true);
                case "utf-8", "utf8" -> s.getBytes(StandardCharsets.UTF_8);
                case "base64" -> Base64.getMimeDecoder().decode(s);
                default -> throw new ExpressionEvalException("INVALID_PARAMETER_VALUE.BINARY_FORMAT",
                        "The value of parameter(s) `format` in `to_binary` is invalid: expects one of binary formats "
                                + "'base64', 'hex', 'utf-8', but got '" + fmt + "'.", Map.of("parameter", "`format`"));
            };
        } catch (IllegalArgumentException e) {
            if (lenient) return null;
            throw new ExpressionEvalException("CONVERSION_INVALID_INPUT", "The value '" + s + "' (\"STRING\") cannot be "
                    + "converted to \"BINARY\" because it is malformed. Correct the value as per the syntax, or change its "
                    + "format. Use `try_to_binary` to tolerate malformed input and return NULL instead.",
                    Map.of("str", "'" + s + "'", "fmt", "'" + f + "'", "targetType", "\"BINARY\""));
        }
    }

    static String urlDecode(String s, boolean lenient) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            if (lenient) return null;
            throw new ExpressionEvalException("CANNOT_DECODE_URL", "The provided URL cannot be decoded: " + s
                    + ". Please ensure that the URL is properly formatted and try again.", Map.of("url", s));
        }
    }

    /** Grouped thousands and {@code d} decimals (HALF_EVEN), or a DecimalFormat pattern; null for negative {@code d}. */
    static String formatNumber(Object x, Object d) {
        String pattern;
        if (d instanceof Integer places) {
            if (places < 0) return null;
            pattern = "#,###,###,###,###,###,##0" + (places > 0 ? "." + "0".repeat(places) : "");
        } else {
            pattern = ((String) d).isEmpty() ? "#,###,###,###,###,###,##0.#####" : (String) d;
        }
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        if (x instanceof BigDecimal b) return f.format(b);
        if (x instanceof Double || x instanceof Float) return f.format(((Number) x).doubleValue());
        return f.format(((Number) x).longValue());
    }
}
