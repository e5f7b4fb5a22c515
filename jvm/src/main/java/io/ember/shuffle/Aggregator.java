package io.ember.shuffle;

import io.ember.core.function.Function;
import io.ember.core.function.Function2;
import java.io.Serializable;

/** How values of one key combine: the basis of reduceByKey, groupByKey and combineByKey. */
public record Aggregator<V, C>(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
                               Function2<C, C, C> mergeCombiners) implements Serializable {}
