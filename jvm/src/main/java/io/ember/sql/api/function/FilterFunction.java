package io.ember.sql.api.function;

import java.io.Serializable;

/** {@code Dataset.filter}'s predicate, as Spark's {@code FilterFunction}. */
@FunctionalInterface
public interface FilterFunction<T> extends Serializable {
    boolean call(T value) throws Exception;
}
