package io.ember.executor;

import io.ember.executor.ExecutorMessages.GetMapOutputStatuses;
import io.ember.executor.ExecutorMessages.MapOutputStatuses;
import io.ember.rpc.RpcException;
import io.ember.rpc.RpcRef;
import io.ember.shuffle.FetchFailedException;
import io.ember.shuffle.MapOutputSource;
import io.ember.shuffle.MapStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An executor's view of the driver's map output tracker: asks the driver once per shuffle and
 * caches the answer until a fetch from it fails or a task arrives with a newer epoch (the
 * driver forgot outputs since). Thread-safe.
 */
final class DriverMapOutputSource implements MapOutputSource {
    private final RpcRef driver;
    private final Duration timeout;
    private final Map<Integer, MapStatus[]> cache = new ConcurrentHashMap<>();
    private long epoch; // guarded by this

    DriverMapOutputSource(RpcRef driver, Duration timeout) {
        this.driver = driver;
        this.timeout = timeout;
    }

    /** Drops every cached status when the driver's epoch moved past the one they came from. */
    synchronized void updateEpoch(long driverEpoch) {
        if (driverEpoch > epoch) {
            epoch = driverEpoch;
            cache.clear();
        }
    }

    @Override
    public MapStatus[] statuses(int shuffleId, int reduceId) {
        MapStatus[] cached = cache.get(shuffleId);
        if (cached != null) {
            return cached;
        }
        MapOutputStatuses reply;
        try {
            reply = driver.ask(new GetMapOutputStatuses(shuffleId), timeout);
        } catch (RpcException e) {
            throw new FetchFailedException(shuffleId, -1, reduceId,
                    "cannot get the map output locations from the driver: " + e.getMessage(), e);
        }
        if (reply.statuses() == null) {
            throw new FetchFailedException(shuffleId, reply.missingMap(), reduceId, reply.message(), null);
        }
        cache.put(shuffleId, reply.statuses());
        return reply.statuses();
    }

    @Override
    public void invalidate(int shuffleId) {
        cache.remove(shuffleId);
    }
}
