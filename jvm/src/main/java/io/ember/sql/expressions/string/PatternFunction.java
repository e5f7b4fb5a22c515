package io.ember.sql.expressions.string;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pattern matching over strings: {@code LIKE} / {@code ILIKE} (SQL wildcards {@code %} and
 * {@code _}, escape {@code \}), {@code RLIKE}, {@code regexp_extract}, {@code regexp_replace}
 * and {@code split}, all with Java regular expressions as Spark uses (a LIKE without {@code _}
 * by {@link LikePattern}'s substring search). The last compiled pattern
 * is kept (an immutable pair, safe to share between threads), so a constant pattern compiles once.
 */
public final class PatternFunction extends RowFunction {
    private static final long serialVersionUID = 1L;

    /** Which function. */
    public enum Kind { LIKE, ILIKE, RLIKE, REGEXP_EXTRACT, REGEXP_REPLACE, SPLIT }

    /** A compiled pattern: a LIKE without {@code _} as a {@link LikePattern}, anything else as a regex. */
    private record Compiled(String source, Pattern pattern, LikePattern like) {}

    private final Kind kind;
    private transient volatile Compiled last;

    public PatternFunction(Kind kind, List<Expression> args) {
        super(args);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String sql() {
        return switch (kind) {
            case LIKE -> args.get(0).sql() + " LIKE " + args.get(1).sql();
            case RLIKE -> "RLIKE(" + args.get(0).sql() + ", " + args.get(1).sql() + ")";
            default -> super.sql();
        };
    }

    @Override
    public List<InputType> inputTypes() {
        List<InputType> t = new ArrayList<>(List.of(InputType.STRING, InputType.STRING));
        if (args.size() > 2) t.add(kind == Kind.REGEXP_REPLACE ? InputType.STRING : InputType.INT);
        return t;
    }

    @Override
    public DataType dataType() {
        return switch (kind) {
            case LIKE, ILIKE, RLIKE -> DataTypes.BooleanType;
            case SPLIT -> new ArrayType(DataTypes.StringType, false);
            default -> DataTypes.StringType;
        };
    }

    private Compiled compiled(String source) {
        Compiled c = last;
        if (c != null && c.source.equals(source)) return c;
        LikePattern like = kind == Kind.LIKE ? LikePattern.compile(source) : null;
        Pattern p = like != null ? null : switch (kind) {
            case LIKE -> Pattern.compile(likeToRegex(source), Pattern.DOTALL);
            case ILIKE -> Pattern.compile(likeToRegex(source), Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            default -> Pattern.compile(source);
        };
        c = new Compiled(source, p, like);
        last = c;
        return c;
    }

    /** SQL LIKE to a Java regex: {@code %} any run, {@code _} one char, {@code \} escapes. */
    static String likeToRegex(String like) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                b.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                b.append(".*");
            } else if (c == '_') {
                b.append('.');
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }

    @Override
    protected Object compute(Object[] v) {
        String s = (String) v[0];
        Compiled c = compiled((String) v[1]);
        if (c.like != null) {
            return c.like.matches(s);
        }
        Pattern p = c.pattern;
        switch (kind) {
            case LIKE, ILIKE:
                return p.matcher(s).matches();
            case RLIKE:
                return p.matcher(s).find();
            case REGEXP_EXTRACT: {
                int idx = v.length > 2 ? (Integer) v[2] : 1;
                Matcher m = p.matcher(s);
                if (!m.find()) return "";
                if (idx > m.groupCount()) throw new IllegalArgumentException("Regex group count is " + m.groupCount() + ", but the specified group index is " + idx);
                String g = m.group(idx);
                return g == null ? "" : g;
            }
            case REGEXP_REPLACE:
                return p.matcher(s).replaceAll((String) v[2]);
            default: {
                int limit = v.length > 2 ? (Integer) v[2] : -1;
                return new ArrayList<Object>(Arrays.asList(p.split(s, limit <= 0 ? -1 : limit)));
            }
        }
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new PatternFunction(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
