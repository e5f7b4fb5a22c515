package io.ember.sql.expressions.string;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The string functions that map argument values to a value row by row ({@code upper},
 * {@code substring}, {@code lpad}, {@code concat_ws}, ...), one {@link Kind} each, with Spark's
 * semantics: {@code trim} removes spaces only, {@code substring} positions are 1-based and count
 * from the end when negative, {@code concat} is null if any input is, {@code concat_ws} skips nulls.
 */
public final class StringFunction extends RowFunction {
    private static final long serialVersionUID = 1L;

    private static final InputType S = InputType.STRING;
    private static final InputType I = InputType.INT;

    /** One function: its name, argument types (the last repeats), result type and row computation. */
    public enum Kind {
        UPPER("upper", List.of(S), DataTypes.StringType, a -> s(a[0]).toUpperCase(Locale.ROOT)),
        LOWER("lower", List.of(S), DataTypes.StringType, a -> s(a[0]).toLowerCase(Locale.ROOT)),
        TRIM("trim", List.of(S), DataTypes.StringType, a -> strip(s(a[0]), true, true)),
        LTRIM("ltrim", List.of(S), DataTypes.StringType, a -> strip(s(a[0]), true, false)),
        RTRIM("rtrim", List.of(S), DataTypes.StringType, a -> strip(s(a[0]), false, true)),
        REVERSE("reverse", List.of(S), DataTypes.StringType, a -> new StringBuilder(s(a[0])).reverse().toString()),
        INITCAP("initcap", List.of(S), DataTypes.StringType, a -> initcap(s(a[0]))),
        LENGTH("length", List.of(S), DataTypes.IntegerType, a -> s(a[0]).codePointCount(0, s(a[0]).length())),
        CONCAT("concat", List.of(S), DataTypes.StringType, a -> {
            StringBuilder b = new StringBuilder();
            for (Object x : a) b.append((String) x);
            return b.toString();
        }),
        SUBSTRING("substring", List.of(S, I, I), DataTypes.StringType,
                a -> substring(s(a[0]), (Integer) a[1], a.length > 2 ? (Integer) a[2] : Integer.MAX_VALUE)),
        LPAD("lpad", List.of(S, I, S), DataTypes.StringType, a -> pad(s(a[0]), (Integer) a[1], a.length > 2 ? s(a[2]) : " ", true)),
        RPAD("rpad", List.of(S, I, S), DataTypes.StringType, a -> pad(s(a[0]), (Integer) a[1], a.length > 2 ? s(a[2]) : " ", false)),
        INSTR("instr", List.of(S, S), DataTypes.IntegerType, a -> s(a[0]).indexOf(s(a[1])) + 1),
        LOCATE("locate", List.of(S, S, I), DataTypes.IntegerType, a -> {
            int pos = a.length > 2 ? (Integer) a[2] : 1;
            return pos < 1 ? 0 : s(a[1]).indexOf(s(a[0]), pos - 1) + 1;
        }),
        REPEAT("repeat", List.of(S, I), DataTypes.StringType, a -> s(a[0]).repeat(Math.max(0, (Integer) a[1]))),
        STARTSWITH("startswith", List.of(S, S), DataTypes.BooleanType, a -> s(a[0]).startsWith(s(a[1]))),
        ENDSWITH("endswith", List.of(S, S), DataTypes.BooleanType, a -> s(a[0]).endsWith(s(a[1]))),
        CONTAINS("contains", List.of(S, S), DataTypes.BooleanType, a -> s(a[0]).contains(s(a[1]))),
        TRANSLATE("translate", List.of(S, S, S), DataTypes.StringType, a -> translate(s(a[0]), s(a[1]), s(a[2])));

        final String sqlName;
        final List<InputType> types;
        final DataType result;
        final Function<Object[], Object> fn;

        Kind(String sqlName, List<InputType> types, DataType result, Function<Object[], Object> fn) {
            this.sqlName = sqlName;
            this.types = types;
            this.result = result;
            this.fn = fn;
        }
    }

    private final Kind kind;

    public StringFunction(Kind kind, List<Expression> args) {
        super(args);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.sqlName;
    }

    @Override
    public List<InputType> inputTypes() {
        List<InputType> t = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) t.add(kind.types.get(Math.min(i, kind.types.size() - 1)));
        return t;
    }

    @Override
    public DataType dataType() {
        return kind.result;
    }

    @Override
    protected Object compute(Object[] values) {
        return kind.fn.apply(values);
    }

    @Override
    protected Expression copy(List<Expression> newArgs) {
        return new StringFunction(kind, newArgs);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }

    private static String s(Object o) {
        return (String) o;
    }

    static String strip(String s, boolean left, boolean right) {
        int a = 0;
        int b = s.length();
        while (left && a < b && s.charAt(a) == ' ') a++;
        while (right && b > a && s.charAt(b - 1) == ' ') b--;
        return s.substring(a, b);
    }

    static String initcap(String s) {
        char[] c = s.toLowerCase(Locale.ROOT).toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (i == 0 || c[i - 1] == ' ') c[i] = Character.toTitleCase(c[i]);
        }
        return new String(c);
    }

    /** Spark's {@code substringSQL}: 1-based, negative from the end, 0 as 1. */
    static String substring(String s, int pos, int len) {
        int n = s.length();
        int start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
        long endL = (long) start + len;
        int end = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, endL));
        start = Math.max(start, 0);
        if (start >= end || start >= n) return "";
        return s.substring(start, Math.min(end, n));
    }

    static String pad(String s, int len, String pad, boolean left) {
        if (len <= s.length()) return s.substring(0, Math.max(0, len));
        if (pad.isEmpty()) return s;
        StringBuilder fill = new StringBuilder();
        while (fill.length() < len - s.length()) fill.append(pad);
        fill.setLength(len - s.length());
        return left ? fill + s : s + fill;
    }

    static String translate(String s, String from, String to) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            int i = from.indexOf(c);
            if (i < 0) b.append(c);
            else if (i < to.length()) b.append(to.charAt(i));
        }
        return b.toString();
    }
}
