package io.ember.core.function;

import java.io.Serializable;
import java.util.Iterator;

/** A serializable function over a whole partition, given its index. */
@FunctionalInterface
public interface PartitionFunction<T, R> extends Serializable {
    Iterator<R> call(int partitionIndex, Iterator<T> items) throws Exception;
}
