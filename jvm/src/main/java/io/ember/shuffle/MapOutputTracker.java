package io.ember.shuffle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver's record of which map outputs of each shuffle exist and where. Reduce tasks ask
 * it for the statuses; the scheduler registers outputs as map tasks finish and removes those
 * that were lost. The epoch grows whenever outputs are forgotten, so executors that cache
 * statuses know when to drop them. Thread-safe.
 */
public final class MapOutputTracker implements MapOutputSource {
    private final ConcurrentHashMap<Integer, MapStatus[]> outputs = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();

    /** Grows each time outputs are unregistered; statuses cached before then may be stale. */
    public long epoch() {
        return epoch.get();
    }

    public void registerShuffle(int shuffleId, int numMaps) {
        outputs.putIfAbsent(shuffleId, new MapStatus[numMaps]);
    }

    public boolean containsShuffle(int shuffleId) {
        return outputs.containsKey(shuffleId);
    }

    public void registerMapOutput(int shuffleId, int mapId, MapStatus status) {
        MapStatus[] arr = outputs.get(shuffleId);
        synchronized (arr) {
            arr[mapId] = status;
        }
    }

    public void unregisterMapOutput(int shuffleId, int mapId) {
        MapStatus[] arr = outputs.get(shuffleId);
        if (arr != null) {
            synchronized (arr) {
                arr[mapId] = null;
            }
            epoch.incrementAndGet();
        }
    }

    /** Forgets every output an executor held (its files are gone with it). */
    public void removeOutputsOnExecutor(String executorId) {
        epoch.incrementAndGet();
        for (MapStatus[] arr : outputs.values()) {
            synchronized (arr) {
                for (int i = 0; i < arr.length; i++) {
                    if (arr[i] != null && arr[i].executorId().equals(executorId)) {
                        arr[i] = null;
                    }
                }
            }
        }
    }

    /** The map ids of a shuffle that have no registered output. */
    public List<Integer> missingMaps(int shuffleId) {
        MapStatus[] arr = outputs.get(shuffleId);
        List<Integer> missing = new ArrayList<>();
        if (arr != null) {
            synchronized (arr) {
                for (int i = 0; i < arr.length; i++) {
                    if (arr[i] == null) {
                        missing.add(i);
                    }
                }
            }
        }
        return missing;
    }

    /** All statuses of a shuffle; throws a fetch failure if any is missing. */
    @Override
    public MapStatus[] statuses(int shuffleId, int reduceId) {
        MapStatus[] arr = outputs.get(shuffleId);
        if (arr == null) {
            throw new FetchFailedException(shuffleId, -1, reduceId, "shuffle is not registered", null);
        }
        synchronized (arr) {
            for (int i = 0; i < arr.length; i++) {
                if (arr[i] == null) {
                    throw new FetchFailedException(shuffleId, i, reduceId, "no output registered for this map", null);
                }
            }
            return arr.clone();
        }
    }

    /** How many shuffles are registered (monitoring and tests). */
    public int shuffleCount() {
        return outputs.size();
    }

    public void unregisterShuffle(int shuffleId) {
        outputs.remove(shuffleId);
        epoch.incrementAndGet();
    }
}
