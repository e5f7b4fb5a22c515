package io.ember.shuffle;

import java.io.Serializable;

/**
 * Where a map task left its output and how many bytes each reduce partition has there.
 * {@code host}/{@code port} is the block server of the executor that wrote it, or null/-1 in
 * local mode, where every output is a local file.
 */
public record MapStatus(String executorId, String host, int port, int mapId, long[] partitionSizes)
        implements Serializable {

    /** An output with no block server (local mode). */
    public MapStatus(String executorId, int mapId, long[] partitionSizes) {
        this(executorId, null, -1, mapId, partitionSizes);
    }

    /** Whether a reduce task on {@code readerExecutorId} must fetch this output over the network. */
    public boolean isRemoteFrom(String readerExecutorId) {
        return host != null && !executorId.equals(readerExecutorId);
    }
}
