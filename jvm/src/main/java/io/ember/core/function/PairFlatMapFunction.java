package io.ember.core.function;

import io.ember.core.Tuple2;
import java.io.Serializable;
import java.util.Iterator;

/** A serializable function producing zero or more key-value pairs for one input (flatMapToPair). */
@FunctionalInterface
public interface PairFlatMapFunction<T, K, V> extends Serializable {
    Iterator<Tuple2<K, V>> call(T t) throws Exception;
}
