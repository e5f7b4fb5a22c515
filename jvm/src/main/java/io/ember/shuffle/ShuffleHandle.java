package io.ember.shuffle;

import io.ember.core.Partitioner;
import java.io.Serializable;
import java.util.Comparator;

/**
 * What map and reduce tasks need to know about one shuffle. The aggregator and key ordering
 * are null when the operation needs none.
 */
public record ShuffleHandle(int shuffleId, int numMaps, Partitioner partitioner,
                            Aggregator<Object, Object> aggregator, boolean mapSideCombine,
                            Comparator<Object> keyOrdering) implements Serializable {}
