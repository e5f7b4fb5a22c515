package io.ember.rdd;

import java.io.Serializable;
import java.util.Iterator;

/** What a result task computes from its partition: the per-partition part of an action. */
@FunctionalInterface
public interface TaskFunction<T, U> extends Serializable {
    U apply(TaskContext context, Iterator<T> partition) throws Exception;
}
