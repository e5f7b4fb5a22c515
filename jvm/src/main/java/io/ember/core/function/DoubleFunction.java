package io.ember.core.function;

import java.io.Serializable;

/** A serializable function producing a primitive double (mapToDouble). */
@FunctionalInterface
public interface DoubleFunction<T> extends Serializable {
    double call(T t) throws Exception;
}
