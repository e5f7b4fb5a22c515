package io.ember.sql.expressions.misc;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Map;

/**
 * Session and assertion functions: {@code typeof}, {@code current_catalog} and friends,
 * {@code version}, {@code assert_true} and {@code raise_error} (which fail the query with
 * Spark's {@code USER_RAISED_EXCEPTION}). The input-file functions are {@link InputFileFunction}.
 */
public enum MiscKernel implements ScalarKernel {
    TYPEOF("typeof", 1, DataTypes.StringType),
    CURRENT_CATALOG("current_catalog", 0, DataTypes.StringType),
    CURRENT_DATABASE("current_database", 0, DataTypes.StringType),
    CURRENT_SCHEMA("current_schema", 0, DataTypes.StringType),
    CURRENT_USER("current_user", 0, DataTypes.StringType),
    USER("user", 0, DataTypes.StringType),
    SESSION_USER("session_user", 0, DataTypes.StringType),
    VERSION("version", 0, DataTypes.StringType),
    ASSERT_TRUE("assert_true", 1, 2, DataTypes.NullType),
    RAISE_ERROR("raise_error", 1, DataTypes.NullType);

    /** The Spark release whose behaviour Ember follows, as {@code version()} reports it. */
    static final String SPARK_VERSION = "4.3.0 ember";

    private final KernelSignature signature;

    MiscKernel(String name, int arity, DataType result) {
        this(name, arity, arity, result);
    }

    MiscKernel(String name, int min, int max, DataType result) {
        this.signature = new KernelSignature(name, min, max, result);
    }

    @Override
    public KernelSignature signature() {
        return signature;
    }

    @Override
    public String prettyName() {
        return this == CURRENT_DATABASE ? "current_schema" : sqlName();
    }

    @Override
    public InputType inputType(int i, List<DataType> argTypes) {
        return switch (this) {
            case ASSERT_TRUE -> i == 0 ? InputType.BOOLEAN : InputType.STRING;
            case RAISE_ERROR -> InputType.STRING;
            default -> InputType.ANY;
        };
    }

    @Override
    public boolean nullSafe() {
        return true;
    }

    @Override
    public String sql(String n, List<Expression> args) {
        return args.isEmpty() ? n + "()" : ScalarKernel.super.sql(n, args);
    }

    /** {@code assert_true(cond)} gets Spark's message naming the condition. */
    static Expression assertMessage(Expression cond) {
        return new Literal("'" + cond.sql() + "' is not true!", DataTypes.StringType);
    }

    @Override
    public Object apply(Object[] a, List<DataType> argTypes) {
        return switch (this) {
            case TYPEOF -> argTypes.get(0).simpleString();
            case CURRENT_CATALOG -> "spark_catalog";
            case CURRENT_DATABASE, CURRENT_SCHEMA -> "default";
            case CURRENT_USER, USER, SESSION_USER -> System.getProperty("user.name");
            case VERSION -> SPARK_VERSION;
            case ASSERT_TRUE -> {
                if (Boolean.TRUE.equals(a[0])) yield null;
                throw userError(String.valueOf(a[1]));
            }
            case RAISE_ERROR -> throw userError(String.valueOf(a[0]));
        };
    }

    private static ExpressionEvalException userError(String message) {
        return new ExpressionEvalException("USER_RAISED_EXCEPTION", message, Map.of("errorMessage", message));
    }
}
