package io.ember.core.function;

import java.io.Serializable;

/** A serializable side-effecting function (foreach). */
@FunctionalInterface
public interface VoidFunction<T> extends Serializable {
    void call(T t) throws Exception;
}
