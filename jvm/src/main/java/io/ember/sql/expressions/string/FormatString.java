package io.ember.sql.expressions.string;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code format_string(fmt, args...)}: Java's (and Spark's) printf-style formatting; a null argument prints {@code null}. */
public final class FormatString extends RowFunction {
    private static final long serialVersionUID = 1L;

    public FormatString(List<Expression> args) {
        super(args);
    }

    @Override
    public String prettyName() {
        return "format_string";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.STRING);
    }

    @Override
    public DataType dataType() {
        return DataTypes.StringType;
    }

    @Override
    protected boolean nullSafe() {
        return true;
    }

    @Override
    protected Object compute(Object[] v) {
        if (v[0] == null) return null;
        return String.format(Locale.US, (String) v[0], Arrays.copyOfRange(v, 1, v.length));
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new FormatString(a);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
