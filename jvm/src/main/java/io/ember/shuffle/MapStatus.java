package io.ember.shuffle;

import java.io.Serializable;

/** Where a map task left its output and how many bytes each reduce partition has there. */
public record MapStatus(String executorId, int mapId, long[] partitionSizes) implements Serializable {}
