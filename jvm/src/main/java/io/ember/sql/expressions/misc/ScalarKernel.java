package io.ember.sql.expressions.misc;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.InputType;
import io.ember.sql.types.DataType;
import java.io.Serializable;
import java.util.List;

/**
 * One scalar SQL function as a table entry: its name, argument counts, the types its arguments
 * are cast to, its result type and its row computation. Families implement it with an enum (so a
 * kernel serializes by name and ships to executors with the plan) and {@link KernelFunction}
 * runs it over a batch. Stateless: safe to share between threads.
 */
public interface ScalarKernel extends Serializable {
    /** Its name, argument counts and result type, which the defaults below read. */
    KernelSignature signature();

    /** The name the function is registered under. */
    default String sqlName() {
        return signature().name();
    }

    /** The name in SQL text and output column names (Spark writes some in capitals: {@code COSH(x)}). */
    default String prettyName() {
        return sqlName();
    }

    default int minArgs() {
        return signature().minArgs();
    }

    default int maxArgs() {
        return signature().maxArgs();
    }

    /** The type argument {@code i} is implicitly cast to; {@link InputType#ANY} to leave it. */
    InputType inputType(int i, List<DataType> argTypes);

    /** The result type for arguments of these types; the signature's unless the kernel says otherwise. */
    default DataType resultType(List<DataType> argTypes) {
        return signature().result();
    }

    /** True when {@link #apply} takes null arguments itself; otherwise a null argument gives null. */
    default boolean nullSafe() {
        return false;
    }

    /** The value argument {@code i} takes when a call leaves it out (Spark fills defaults in), or null. */
    default Expression defaultArg(int i) {
        return null;
    }

    /** The call's SQL text, {@code name(a, b)} unless the function prints otherwise. */
    default String sql(String name, List<Expression> args) {
        return FunctionCalls.sql(name, args);
    }

    /** One row's result from its (internal, boxed) argument values; null for a null result. */
    Object apply(Object[] values, List<DataType> argTypes);

    /** True when some input gives null outside ANSI mode but fails under it ({@link #applyAnsi}). */
    default boolean ansiAware() {
        return false;
    }

    /** One row's result under ANSI mode; {@link #apply} unless {@link #ansiAware}. */
    default Object applyAnsi(Object[] values, List<DataType> argTypes) {
        return apply(values, argTypes);
    }
}
