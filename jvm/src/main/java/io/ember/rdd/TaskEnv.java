package io.ember.rdd;

import io.ember.core.EmberConf;
import io.ember.serializer.KryoSerializer;
import io.ember.shuffle.MapOutputSource;
import io.ember.shuffle.ShuffleTransport;
import io.ember.storage.BlockManager;
import io.ember.storage.MemoryManager;

/**
 * The executor-side services a running task uses; built once per executor. In local mode
 * {@code mapOutputs} is the driver's tracker and {@code shuffleTransport} is
 * {@link ShuffleTransport#LOCAL} and {@code files} are the driver's own; an executor JVM asks the
 * driver and fetches over RPC. {@code services} are the executor's own long-lived services
 * (closed when the executor stops).
 */
public record TaskEnv(String executorId, EmberConf conf, KryoSerializer serializer, BlockManager blockManager,
                      MemoryManager memory, MapOutputSource mapOutputs, BroadcastSource broadcasts,
                      ShuffleTransport shuffleTransport, FileSource files, ExecutorServices services) {

    /** A local-mode environment. */
    public TaskEnv(String executorId, EmberConf conf, KryoSerializer serializer, BlockManager blockManager,
                   MemoryManager memory, MapOutputSource mapOutputs, BroadcastSource broadcasts, FileSource files) {
        this(executorId, conf, serializer, blockManager, memory, mapOutputs, broadcasts, ShuffleTransport.LOCAL, files,
                new ExecutorServices());
    }
}
