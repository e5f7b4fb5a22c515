package io.ember.deploy;

import io.ember.core.ConfigKeys;
import io.ember.core.EmberConf;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic allocation ({@code ember.dynamicAllocation.enabled}): sizes the application's executor
 * count to its tasks. When tasks have waited for a slot for the backlog timeout, it asks the
 * master for 1 more executor, then 2, 4, ... while the backlog lasts, never more than the
 * running and waiting tasks can use nor the maximum. Executors that ran nothing for the idle
 * timeout are released (those holding cached blocks only after the cached idle timeout),
 * never below the minimum; their shuffle outputs are lost with them and recomputed from
 * lineage when a later stage needs them.
 *
 * <p>Decisions only: {@link #tick} reads the backlog and the executors' idle times and tells
 * the backend what to request and release. It runs on the cluster backend's timer thread only.
 */
final class ExecutorAllocationManager {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorAllocationManager.class);

    /** The task backlog, as the task scheduler sees it. */
    interface Backlog {
        /** Tasks waiting for a slot plus tasks running. */
        int demandedSlots();

        boolean hasPendingTasks();
    }

    /** What the manager needs from the driver's cluster backend. */
    interface Executors {
        /** Registered executors (not being released) with their idle time in ms (0 when busy). */
        List<Idle> idle(long now);

        /** Stops offering the executors, forgets them, and tells the master to kill them. */
        void release(List<String> executorIds, String reason);

        /** Tells the master how many executors the application wants now. */
        void requestTotal(int total);
    }

    record Idle(String executorId, long idleMs, boolean holdsCachedBlocks) {}

    private final Backlog scheduler;
    private final Executors executors;
    private final int coresPerExecutor;
    private final int min;
    private final int max;
    private final long backlogMs;
    private final long idleMs;
    private final long cachedIdleMs;
    private int target;
    private int toAdd = 1;
    private long backlogSince;

    ExecutorAllocationManager(EmberConf conf, Backlog scheduler, Executors executors, int coresPerExecutor) {
        this.scheduler = scheduler;
        this.executors = executors;
        this.coresPerExecutor = Math.max(1, coresPerExecutor);
        this.min = conf.getInt(ConfigKeys.DYN_MIN);
        String max = conf.get(ConfigKeys.DYN_MAX);
        this.max = max.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(max);
        if (min < 0 || this.max < Math.max(1, min)) {
            throw new IllegalArgumentException("ember.dynamicAllocation.minExecutors (" + min + ") and maxExecutors ("
                    + max + ") need 0 <= min <= max and max >= 1");
        }
        this.backlogMs = conf.getMillis(ConfigKeys.DYN_BACKLOG_TIMEOUT);
        this.idleMs = conf.getMillis(ConfigKeys.DYN_IDLE_TIMEOUT);
        String cached = conf.get(ConfigKeys.DYN_CACHED_IDLE_TIMEOUT);
        this.cachedIdleMs = cached.isEmpty() ? Long.MAX_VALUE : conf.getMillis(ConfigKeys.DYN_CACHED_IDLE_TIMEOUT);
        this.target = initialExecutors(conf);
    }

    /** The executors to ask for at registration: initialExecutors, else minExecutors. */
    static int initialExecutors(EmberConf conf) {
        String initial = conf.get(ConfigKeys.DYN_INITIAL);
        return initial.isEmpty() ? conf.getInt(ConfigKeys.DYN_MIN) : Integer.parseInt(initial);
    }

    /** One decision round: grow on a lasting backlog, shrink the target to the demand, release idle executors. */
    void tick(long now) {
        int demanded = scheduler.demandedSlots();
        int needed = Math.min(max, Math.max(min, ceilDiv(demanded, coresPerExecutor)));
        int newTarget = target;
        if (scheduler.hasPendingTasks()) {
            if (backlogSince == 0) {
                backlogSince = now;
            } else if (now - backlogSince >= backlogMs) {
                newTarget = Math.min(needed, target + toAdd);
                toAdd *= 2;
                backlogSince = now;
            }
        } else {
            backlogSince = 0;
            toAdd = 1;
        }
        newTarget = Math.min(newTarget, needed); // needed is at least min
        List<String> release = new ArrayList<>();
        List<Idle> all = executors.idle(now);
        int keep = all.size();
        for (Idle e : all) {
            long limit = e.holdsCachedBlocks() ? cachedIdleMs : idleMs;
            if (e.idleMs() > 0 && e.idleMs() >= limit && keep > needed) {
                release.add(e.executorId());
                keep--;
            }
        }
        newTarget = Math.max(newTarget, min); // at most needed, so never above the executors kept
        if (newTarget != target) {
            LOG.info("Dynamic allocation: {} executors wanted (was {}; {} task slots demanded)", newTarget, target,
                    demanded);
            target = newTarget;
            executors.requestTotal(target);
        }
        if (!release.isEmpty()) {
            executors.release(release, "idle for over " + idleMs / 1000 + " s (dynamic allocation)");
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
