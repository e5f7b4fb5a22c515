package io.ember.python;

import io.ember.core.Partitioner;

/**
 * Shuffle partitioner for Python map output: the Python side already chose each batch's
 * partition (with Ember's portable hash), so the key is the partition id.
 */
final class KeyIsPartitionPartitioner implements Partitioner {
    private static final long serialVersionUID = 1L;
    private final int numPartitions;

    KeyIsPartitionPartitioner(int numPartitions) {
        this.numPartitions = numPartitions;
    }

    @Override
    public int numPartitions() {
        return numPartitions;
    }

    @Override
    public int getPartition(Object key) {
        return (Integer) key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyIsPartitionPartitioner p && p.numPartitions == numPartitions;
    }

    @Override
    public int hashCode() {
        return numPartitions;
    }
}
