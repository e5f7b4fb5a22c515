package io.ember.ui.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.ExecutorData;
import io.ember.ui.store.RddStorageData;
import java.util.LinkedHashMap;
import java.util.Map;

/** Spark's {@code storage/rdd} objects. Stateless. */
final class StorageJson {
    private StorageJson() {}

    static ObjectNode rdd(RddStorageData r, AppStatusStore store) {
        ObjectNode n = ApiJson.MAPPER.createObjectNode();
        n.put("id", r.id());
        n.put("name", r.name());
        n.put("numPartitions", r.numPartitions());
        n.put("numCachedPartitions", r.numCachedPartitions());
        n.put("storageLevel", r.storageLevel());
        n.put("memoryUsed", r.memoryUsed());
        n.put("diskUsed", r.diskUsed());
        Map<String, long[]> byExecutor = new LinkedHashMap<>();
        for (RddStorageData.Partition p : r.partitions()) {
            long[] sizes = byExecutor.computeIfAbsent(p.executorId(), e -> new long[2]);
            sizes[0] += p.memoryUsed();
            sizes[1] += p.diskUsed();
        }
        Map<String, String> hosts = new LinkedHashMap<>();
        for (ExecutorData e : store.executors(true)) {
            hosts.put(e.id(), e.host());
        }
        ArrayNode distribution = n.putArray("dataDistribution");
        byExecutor.forEach((executor, sizes) -> distribution.addObject()
                .put("address", hosts.getOrDefault(executor, executor))
                .put("memoryUsed", sizes[0])
                .put("diskUsed", sizes[1])
                .put("onHeapMemoryUsed", sizes[0])
                .put("offHeapMemoryUsed", 0));
        ArrayNode parts = n.putArray("partitions");
        for (RddStorageData.Partition p : r.partitions()) {
            ObjectNode o = parts.addObject();
            o.put("blockName", p.blockName());
            o.put("storageLevel", p.storageLevel());
            o.put("memoryUsed", p.memoryUsed());
            o.put("diskUsed", p.diskUsed());
            o.putArray("executors").add(p.executorId());
        }
        return n;
    }
}
