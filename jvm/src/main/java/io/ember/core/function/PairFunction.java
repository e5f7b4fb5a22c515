package io.ember.core.function;

import io.ember.core.Tuple2;
import java.io.Serializable;

/** A serializable function producing a key-value pair. */
@FunctionalInterface
public interface PairFunction<T, K, V> extends Serializable {
    Tuple2<K, V> call(T t) throws Exception;
}
