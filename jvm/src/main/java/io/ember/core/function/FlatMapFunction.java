package io.ember.core.function;

import java.io.Serializable;
import java.util.Iterator;

/** A serializable function producing zero or more outputs for one input. */
@FunctionalInterface
public interface FlatMapFunction<T, R> extends Serializable {
    Iterator<R> call(T t) throws Exception;
}
