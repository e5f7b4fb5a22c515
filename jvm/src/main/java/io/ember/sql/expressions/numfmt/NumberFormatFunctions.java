package io.ember.sql.expressions.numfmt;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DateType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Registers {@code to_char}, {@code to_varchar}, {@code to_number} and {@code try_to_number}.
 * As in Spark, {@code to_char} of a date or timestamp is {@code date_format}, and of binary
 * is {@code base64}, {@code hex} or {@code decode} by the format's name.
 */
public final class NumberFormatFunctions {
    private NumberFormatFunctions() {}

    public static void register(FunctionRegistry r) {
        for (String name : List.of("to_char", "to_varchar")) {
            r.register(name, (args, distinct) -> {
                FunctionCalls.requireArgs(name, args, 2, 2);
                DataType t = args.get(0).resolved() ? args.get(0).dataType() : null;
                if (t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType) {
                    return call(r, "date_format", args);
                }
                if (t instanceof BinaryType) {
                    return binary(r, args);
                }
                return new NumberFormatFunction(NumberFormatFunction.Kind.TO_CHAR, "to_char", args, format(args.get(1)));
            });
        }
        r.register("to_number", (args, distinct) -> {
            FunctionCalls.requireArgs("to_number", args, 2, 2);
            return new NumberFormatFunction(NumberFormatFunction.Kind.TO_NUMBER, "to_number", args, decimalFormat(args.get(1)));
        });
        r.register("try_to_number", (args, distinct) -> {
            FunctionCalls.requireArgs("try_to_number", args, 2, 2);
            return new NumberFormatFunction(NumberFormatFunction.Kind.TRY_TO_NUMBER, "try_to_number", args,
                    decimalFormat(args.get(1)));
        });
    }

    private static Expression call(FunctionRegistry r, String name, List<Expression> args) {
        return r.lookup(name).orElseThrow().build(args, false);
    }

    private static Expression binary(FunctionRegistry r, List<Expression> args) {
        String f = String.valueOf(constant(args.get(1))).toLowerCase(Locale.ROOT);
        return switch (f) {
            case "base64" -> call(r, "base64", List.of(args.get(0)));
            case "hex" -> call(r, "hex", List.of(args.get(0)));
            case "utf-8", "utf8" -> call(r, "decode", args);
            default -> throw new AnalysisException("INVALID_PARAMETER_VALUE.BINARY_FORMAT", "The value of parameter(s) "
                    + "`format` in `to_char` is invalid: expects one of binary formats 'base64', 'hex', 'utf-8', but got '"
                    + f + "'.", Map.of("parameter", "`format`", "functionName", "`to_char`", "invalidFormat", "'" + f + "'"));
        };
    }

    /** The parsed constant format, or null for a null format. */
    private static NumberFormat format(Expression e) {
        Object v = constant(e);
        if (v == null) {
            return null;
        }
        return NumberFormat.parse(String.valueOf(v));
    }

    /** The format of a {@code to_number}: its digits are the result's precision, at most 38. */
    private static NumberFormat decimalFormat(Expression e) {
        NumberFormat f = format(e);
        if (f != null && f.precision() > 38) {
            throw new ExpressionEvalException("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", "Decimal precision "
                    + f.precision() + " exceeds max precision 38.", Map.of("precision", String.valueOf(f.precision()),
                    "maxPrecision", "38"));
        }
        return f;
    }

    private static Object constant(Expression e) {
        if (!e.foldable()) {
            throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", "Cannot resolve due to data type mismatch: "
                    + "the input `format` should be a foldable \"STRING\" expression; however, got " + e.sql() + ".",
                    Map.of("inputName", "`format`", "inputType", "\"STRING\"", "inputExpr", e.sql()));
        }
        return e.evalConstant();
    }
}
