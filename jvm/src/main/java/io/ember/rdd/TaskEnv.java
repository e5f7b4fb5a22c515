package io.ember.rdd;

import io.ember.core.EmberConf;
import io.ember.serializer.KryoSerializer;
import io.ember.shuffle.MapOutputTracker;
import io.ember.storage.BlockManager;
import io.ember.storage.MemoryManager;

/** The executor-side services a running task uses; built once per executor. */
public record TaskEnv(String executorId, EmberConf conf, KryoSerializer serializer, BlockManager blockManager,
                      MemoryManager memory, MapOutputTracker mapOutputs, BroadcastSource broadcasts) {}
