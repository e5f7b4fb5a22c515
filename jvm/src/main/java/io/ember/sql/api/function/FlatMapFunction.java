package io.ember.sql.api.function;

import java.io.Serializable;
import java.util.Iterator;

/** {@code Dataset.flatMap}'s function, as Spark's {@code FlatMapFunction}: any number of results per value. */
@FunctionalInterface
public interface FlatMapFunction<T, U> extends Serializable {
    Iterator<U> call(T value) throws Exception;
}
