package io.ember.deploy;

import io.ember.rpc.RpcRef;
import java.io.Serializable;

/**
 * The messages of the standalone cluster manager, declared once: between the {@link Master}
 * (endpoint {@value #MASTER_ENDPOINT}), {@link Worker}s (endpoint {@value #WORKER_ENDPOINT}) and
 * drivers' {@link AppClient}s (endpoint {@value #APP_CLIENT_ENDPOINT}).
 *
 * <pre>
 * worker -> master  RegisterWorker                 reply: the master's web UI address, "" if none (or an error)
 * worker -> master  WorkerHeartbeat (ask)          reply: false when the master does not know the worker (re-register)
 * worker -> master  ExecutorStateChanged (send)    an executor process started or exited
 * master -> worker  LaunchExecutor, KillExecutor (send)
 * driver -> master  RegisterApplication            reply: the application id (an error when no worker could ever fit it)
 * driver -> master  UnregisterApplication (send)
 * driver -> master  ApplicationUiUrl (send)        where the driver's web UI listens, once bound
 * driver -> master  RequestExecutors, KillExecutors (send; dynamic allocation)
 * master -> driver  ExecutorAdded, ExecutorRemoved, ApplicationFailed (send)
 * anyone -> master  RequestStatus                  reply: the cluster state as JSON text
 * </pre>
 */
public final class DeployMessages {
    public static final String MASTER_ENDPOINT = "master";
    public static final String WORKER_ENDPOINT = "worker";
    public static final String APP_CLIENT_ENDPOINT = "app-client";

    private DeployMessages() {}

    /** Executor process states as workers report them. */
    public enum ExecutorState { LAUNCHING, RUNNING, KILLED, FAILED, EXITED;

        public boolean isFinished() {
            return this == KILLED || this == FAILED || this == EXITED;
        }
    }

    /** {@code webUiUrl} is the worker's web UI ({@code ""} when it serves none). */
    public record RegisterWorker(String workerId, String host, int port, int cores, int memoryMb, RpcRef worker,
                                 String webUiUrl) implements Serializable {}

    public record WorkerHeartbeat(String workerId) implements Serializable {}

    public record ExecutorStateChanged(String appId, String executorId, ExecutorState state, Integer exitCode,
                                       String message) implements Serializable {}

    /**
     * What a driver asks for. {@code coresPerExecutor} 0 means all free cores of a worker (one
     * executor per worker); {@code coresMax} 0 means no limit; {@code initialExecutors} -1 means
     * as many executors as fit, else the executor count the master keeps until the driver asks
     * for another ({@link RequestExecutors}). {@code user} is who runs the driver (shown by the master's UI).
     */
    public record ApplicationDescription(String name, int coresPerExecutor, int memoryMbPerExecutor, int coresMax,
                                         String driverHost, int driverPort, String extraClassPath,
                                         int maxExecutorRetries, int initialExecutors, String user)
            implements Serializable {}

    /** The number of executors the application wants now (running ones included). */
    public record RequestExecutors(String appId, int total) implements Serializable {}

    /** Executors the application releases (they are killed, not counted as failures). */
    public record KillExecutors(String appId, java.util.List<String> executorIds) implements Serializable {}

    public record RegisterApplication(ApplicationDescription description, RpcRef client) implements Serializable {}

    public record UnregisterApplication(String appId) implements Serializable {}

    /** The driver's web UI address, sent once it has bound (after registration: the UI binds off the start path). */
    public record ApplicationUiUrl(String appId, String url) implements Serializable {}

    /** {@code appName} and {@code user} are for the worker's web UI. */
    public record LaunchExecutor(String appId, String executorId, int cores, int memoryMb, String driverHost,
                                 int driverPort, String extraClassPath, String appName, String user)
            implements Serializable {}

    public record KillExecutor(String appId, String executorId) implements Serializable {}

    public record ExecutorAdded(String executorId, String workerId, String host, int cores, int memoryMb)
            implements Serializable {}

    public record ExecutorRemoved(String executorId, String message) implements Serializable {}

    public record ApplicationFailed(String message) implements Serializable {}

    public record RequestStatus() implements Serializable {}
}
