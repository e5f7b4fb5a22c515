package io.ember.sql.expressions.string;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular-expression functions beyond {@link PatternFunction}: {@code regexp} (RLIKE under its
 * own name), {@code regexp_count}, {@code regexp_extract_all}, {@code regexp_instr} and
 * {@code regexp_substr}, with Java regular expressions as Spark. The last compiled pattern is
 * kept (an immutable pair, safe to share between threads), so a constant pattern compiles once.
 */
public final class RegexpFunction extends RowFunction {
    private static final long serialVersionUID = 1L;

    /** Which function. */
    public enum Kind { REGEXP, REGEXP_COUNT, REGEXP_EXTRACT_ALL, REGEXP_INSTR, REGEXP_SUBSTR }

    private record Compiled(String source, Pattern pattern) {}

    private final Kind kind;
    private transient volatile Compiled last;

    public RegexpFunction(Kind kind, List<Expression> args) {
        super(args);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind == Kind.REGEXP ? "REGEXP" : kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<InputType> inputTypes() {
        List<InputType> t = new ArrayList<>(List.of(InputType.STRING, InputType.STRING));
        if (args.size() > 2) t.add(InputType.INT);
        return t;
    }

    @Override
    public DataType dataType() {
        return switch (kind) {
            case REGEXP -> DataTypes.BooleanType;
            case REGEXP_COUNT, REGEXP_INSTR -> DataTypes.IntegerType;
            case REGEXP_EXTRACT_ALL -> DataTypes.createArrayType(DataTypes.StringType);
            case REGEXP_SUBSTR -> DataTypes.StringType;
        };
    }

    private Pattern pattern(String source) {
        Compiled c = last;
        if (c != null && c.source.equals(source)) return c.pattern;
        Pattern p = Pattern.compile(source);
        last = new Compiled(source, p);
        return p;
    }

    @Override
    protected Object compute(Object[] v) {
        Matcher m = pattern((String) v[1]).matcher((String) v[0]);
        switch (kind) {
            case REGEXP:
                return m.find();
            case REGEXP_COUNT: {
                int n = 0;
                while (m.find()) n++;
                return n;
            }
            case REGEXP_INSTR:
                return m.find() ? m.start() + 1 : 0;
            case REGEXP_SUBSTR:
                return m.find() ? m.group() : null;
            default: {
                int idx = v.length > 2 ? (Integer) v[2] : 1;
                if (idx < 0 || idx > m.groupCount()) {
                    throw new IllegalArgumentException("Regex group count is " + m.groupCount()
                            + ", but the specified group index is " + idx);
                }
                List<Object> out = new ArrayList<>();
                while (m.find()) {
                    String g = m.group(idx);
                    out.add(g == null ? "" : g);
                }
                return out;
            }
        }
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new RegexpFunction(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
