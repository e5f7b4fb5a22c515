package io.ember.rdd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-lived services that one executor owns beyond the fixed ones in {@link TaskEnv}, created
 * on first use by layers above the engine (the Python worker daemons) and closed with the
 * executor, so that nothing of an executor outlives it in a process-wide registry.
 * Thread-safe: {@link #get} and {@link #close} synchronize on this.
 */
public final class ExecutorServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorServices.class);

    private final Map<Class<?>, AutoCloseable> services = new LinkedHashMap<>();
    private boolean closed;

    /** The executor's service of {@code type}, created by {@code create} on first use. */
    public synchronized <T extends AutoCloseable> T get(Class<T> type, Supplier<T> create) {
        if (closed) {
            throw new IllegalStateException("The executor has stopped; no " + type.getSimpleName() + " for it");
        }
        AutoCloseable service = services.get(type);
        if (service == null) {
            service = create.get();
            services.put(type, service);
        }
        return type.cast(service);
    }

    /** The child processes alive in services that run some ({@link ProcessGauge}): the executor's Python workers. */
    public int liveProcesses() {
        List<AutoCloseable> all;
        synchronized (this) {
            all = new ArrayList<>(services.values());
        }
        int n = 0;
        for (AutoCloseable s : all) {
            if (s instanceof ProcessGauge g) {
                n += g.liveProcesses();
            }
        }
        return n;
    }

    /** Closes every service, in creation order; later calls to {@link #get} fail. */
    @Override
    public void close() {
        List<AutoCloseable> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(services.values());
            services.clear();
        }
        for (AutoCloseable service : all) {
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("Could not close {}", service, e);
            }
        }
    }
}
