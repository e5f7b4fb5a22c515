package io.ember.sql.expressions.misc;

import io.ember.sql.types.DataType;

/**
 * The fixed facts of a {@link ScalarKernel}: the name it is registered under, how many arguments
 * it takes and its result type (null where the result type depends on the arguments and the
 * kernel computes it). Immutable.
 */
public record KernelSignature(String name, int minArgs, int maxArgs, DataType result) {
    /** A kernel taking exactly {@code arity} arguments. */
    public KernelSignature(String name, int arity, DataType result) {
        this(name, arity, arity, result);
    }
}
