package io.ember.sql.execution;

import io.ember.core.Partitioner;

/** The shuffle partitioner of exchanges: the key already is the target partition id. */
record IdPartitioner(int numPartitions) implements Partitioner {
    @Override
    public int getPartition(Object key) {
        return (Integer) key;
    }
}
