package io.ember.deploy;

import io.ember.deploy.ClusterView.MasterState;
import io.ember.deploy.ClusterView.WorkerState;
import java.io.File;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UIs of the standalone daemons (the master's and each worker's), plugged in by a
 * higher layer ({@code io.ember.ui.cluster}, found with {@link ServiceLoader} through
 * {@code META-INF/services/io.ember.deploy.DaemonUi}) so that {@code deploy} imports no UI code.
 *
 * <p>Threading: {@link #startMaster} and {@link #startWorker} bind before returning (a daemon
 * must know its UI's address to announce it); the server then reads the views from its own
 * threads, so the views must be thread-safe.
 */
public interface DaemonUi {
    /**
     * Where a daemon's UI listens and who may read it.
     *
     * @param port first port to try (0: any free one); up to {@code maxRetries} following ones are tried
     * @param secret the cluster's shared secret; when set, every request must carry its token
     */
    record Settings(String host, int port, int maxRetries, String secret) {}

    /** A bound UI. */
    interface Running extends AutoCloseable {
        /** http://host:port */
        String url();

        @Override
        void close();
    }

    /** What the master's UI reads. */
    interface MasterSource {
        MasterState state();
    }

    /** What a worker's UI reads: its state, its master's UI, and its executors' log files. */
    interface WorkerSource {
        WorkerState state();

        /** The master's web UI address, {@code ""} when unknown. */
        String masterWebUiUrl();

        /**
         * An executor's log file ({@code stdout} or {@code stderr}) under the work dir; empty
         * for ids that are not plain names or a log that does not exist.
         */
        Optional<File> executorLog(String appId, String executorId, String logType);
    }

    Running startMaster(MasterSource master, Settings settings) throws java.io.IOException;

    Running startWorker(WorkerSource worker, Settings settings) throws java.io.IOException;

    /**
     * Starts a UI with the first {@link DaemonUi} on the class path; empty (logged) when there is
     * none or it cannot bind, so a daemon runs on without its UI.
     */
    static Optional<Running> start(String what, Settings settings, StartCall call) {
        Logger log = LoggerFactory.getLogger(DaemonUi.class);
        for (DaemonUi ui : ServiceLoader.load(DaemonUi.class, DaemonUi.class.getClassLoader())) {
            try {
                Running r = call.start(ui, settings);
                log.info("The {} web UI is at {}", what, r.url());
                return Optional.of(r);
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("The {} web UI could not start: {}", what, e.toString());
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Which of the two UIs to start. */
    @FunctionalInterface
    interface StartCall {
        Running start(DaemonUi ui, Settings settings) throws java.io.IOException;
    }
}
