package io.ember.core.function;

import java.io.Serializable;

/** A serializable one-argument function, so that plain Java lambdas can be shipped to tasks. */
@FunctionalInterface
public interface Function<T, R> extends Serializable {
    R call(T t) throws Exception;
}
