package io.ember.core.function;

import java.io.Serializable;

/** A serializable two-argument function (reduce, fold, combine). */
@FunctionalInterface
public interface Function2<T1, T2, R> extends Serializable {
    R call(T1 a, T2 b) throws Exception;
}
