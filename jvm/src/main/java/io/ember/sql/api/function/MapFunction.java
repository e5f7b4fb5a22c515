package io.ember.sql.api.function;

import java.io.Serializable;

/** {@code Dataset.map}'s function, as Spark's {@code MapFunction}: runs in tasks, so serializable. */
@FunctionalInterface
public interface MapFunction<T, U> extends Serializable {
    U call(T value) throws Exception;
}
