package io.ember.python;

import io.ember.core.EmberException;
import io.ember.rdd.TaskEnv;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One executor's Python worker daemons, one per Python executable: a service the executor owns
 * (see {@link io.ember.rdd.ExecutorServices}) and closes when it stops, which ends the daemons
 * and their workers. Thread-safe: methods synchronize on this, so a daemon is started once even
 * when the first tasks (or the driver's prestart) ask together.
 */
final class PythonWorkers implements AutoCloseable, io.ember.rdd.ProcessGauge {
    private final Map<String, PythonWorkerFactory> byExecutable = new HashMap<>();
    private boolean closed;

    /** The workers of the executor {@code env} belongs to. */
    static PythonWorkers of(TaskEnv env) {
        return env.services().get(PythonWorkers.class, PythonWorkers::new);
    }

    /**
     * The factory for {@code pythonExec}, starting its daemon on first use with {@code extraEnv}
     * added to its environment ({@link PythonWorkerFactory#daemonEnvironment}).
     */
    synchronized PythonWorkerFactory factory(String pythonExec, String pythonVersion, String pythonPath,
                                             Map<String, String> extraEnv) {
        if (closed) {
            throw new EmberException("The executor has stopped; no Python workers for it");
        }
        PythonWorkerFactory f = byExecutable.get(pythonExec);
        if (f == null) {
            try {
                f = new PythonWorkerFactory(pythonExec, pythonVersion, pythonPath, extraEnv);
            } catch (IOException e) {
                throw new EmberException("Cannot start Python workers with '" + pythonExec + "': " + e.getMessage(), e);
            }
            byExecutable.put(pythonExec, f);
        }
        return f;
    }

    /** The Python worker processes alive under every daemon (idle ones included). */
    @Override
    public int liveProcesses() {
        List<PythonWorkerFactory> all;
        synchronized (this) {
            all = new ArrayList<>(byExecutable.values());
        }
        return all.stream().mapToInt(PythonWorkerFactory::liveWorkers).sum();
    }

    /** Stops every daemon (and so its workers). */
    @Override
    public void close() {
        List<PythonWorkerFactory> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(byExecutable.values());
            byExecutable.clear();
        }
        all.forEach(PythonWorkerFactory::stop);
    }

    @Override
    public String toString() {
        return "PythonWorkers" + byExecutable.keySet();
    }
}
