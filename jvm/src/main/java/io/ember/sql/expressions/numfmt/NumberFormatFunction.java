package io.ember.sql.expressions.numfmt;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code to_char(number, format)} (also {@code to_varchar}), {@code to_number(text, format)}
 * (a decimal of the format's digits and scale; text that does not match fails with Spark's
 * {@code INVALID_FORMAT.MISMATCH_INPUT}) and {@code try_to_number} (null instead). The format
 * is a constant, parsed when the call is built; a null format gives null.
 */
public final class NumberFormatFunction extends RowFunction {
    private static final long serialVersionUID = 1L;

    /** Which function. */
    public enum Kind { TO_CHAR, TO_NUMBER, TRY_TO_NUMBER }

    private final Kind kind;
    private final String name;
    /** Null when the format argument is null. */
    private final NumberFormat format;

    public NumberFormatFunction(Kind kind, String name, List<Expression> args, NumberFormat format) {
        super(args);
        this.kind = kind;
        this.name = name;
        this.format = format;
    }

    @Override
    public String prettyName() {
        return name;
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(kind == Kind.TO_CHAR ? InputType.DECIMAL : InputType.STRING, InputType.STRING);
    }

    @Override
    public DataType dataType() {
        if (kind == Kind.TO_CHAR) {
            return DataTypes.StringType;
        }
        return format == null ? DataTypes.createDecimalType(10, 0)
                : DataTypes.createDecimalType(format.precision(), format.scale());
    }

    @Override
    protected Object compute(Object[] v) {
        if (format == null) {
            return null;
        }
        if (kind == Kind.TO_CHAR) {
            return NumberText.format(format, (BigDecimal) v[0]);
        }
        BigDecimal out = NumberText.parse(format, (String) v[0]);
        if (out == null && kind == Kind.TO_NUMBER) {
            throw new ExpressionEvalException("INVALID_FORMAT.MISMATCH_INPUT", "The format is invalid: " + format.format
                    + ". The input \"STRING\" " + v[0] + " does not match the format.",
                    Map.of("inputType", "\"STRING\"", "input", String.valueOf(v[0]), "format", format.format));
        }
        return out;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new NumberFormatFunction(kind, name, a, format);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind, name);
    }
}
