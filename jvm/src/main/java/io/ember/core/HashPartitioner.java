package io.ember.core;

/** Partitions by the key's hashCode (null keys go to partition 0). */
public record HashPartitioner(int numPartitions) implements Partitioner {
    public HashPartitioner {
        if (numPartitions < 0) {
            throw new IllegalArgumentException("number of partitions must be >= 0, got " + numPartitions);
        }
    }

    @Override
    public int getPartition(Object key) {
        if (key == null) {
            return 0;
        }
        int mod = key.hashCode() % numPartitions;
        return mod < 0 ? mod + numPartitions : mod;
    }
}
