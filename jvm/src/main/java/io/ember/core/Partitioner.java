package io.ember.core;

import java.io.Serializable;

/** Maps a key to a partition id in [0, numPartitions). Equal partitioners co-partition data. */
public interface Partitioner extends Serializable {
    int numPartitions();

    int getPartition(Object key);
}
