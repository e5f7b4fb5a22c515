package io.ember.core.function;

import java.io.Serializable;
import java.util.Iterator;

/** A serializable function producing zero or more doubles for one input (flatMapToDouble). */
@FunctionalInterface
public interface DoubleFlatMapFunction<T> extends Serializable {
    Iterator<Double> call(T t) throws Exception;
}
