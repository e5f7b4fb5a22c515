package io.ember.ui.store;

import io.ember.scheduler.StageInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A cached RDD's blocks inside the store; guarded by the store's lock. */
final class LiveRdd {
    final StageInfo.RddInfo info;
    /** Blocks by partition (one executor per block: Ember keeps one copy per partition in local mode). */
    final Map<Integer, RddStorageData.Partition> blocks = new TreeMap<>();

    LiveRdd(StageInfo.RddInfo info) {
        this.info = info;
    }

    RddStorageData snapshot() {
        long memory = 0;
        long disk = 0;
        List<RddStorageData.Partition> parts = new ArrayList<>(blocks.values());
        for (RddStorageData.Partition p : parts) {
            memory += p.memoryUsed();
            disk += p.diskUsed();
        }
        String level = parts.isEmpty() ? info.storageLevel() : parts.get(0).storageLevel();
        return new RddStorageData(info.id(), info.name(), info.numPartitions(), parts.size(), level, memory, disk,
                parts);
    }
}
