package io.ember.deploy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the standalone master knows, as immutable snapshots for its web UI and {@code /json}
 * (taken under the master's lock, safe to keep and read from any thread).
 */
public final class ClusterView {
    private ClusterView() {}

    /**
     * An executor as the master and its worker see it: cores and memory granted, process state,
     * and its application's name and user ({@code ""} where unknown).
     */
    public record ExecutorView(String appId, String executorId, String workerId, int cores, int memoryMb,
                               String state, String appName, String user) {
        /** The address of this executor's {@code logType} ("stdout", "stderr") page on its worker's UI at {@code workerUi}. */
        public String logPage(String workerUi, String logType) {
            return workerUi + "/logPage/?appId=" + param(appId) + "&executorId=" + param(executorId)
                    + "&logType=" + param(logType);
        }

        private static String param(String value) {
            return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
        }
    }

    /**
     * A worker: its offer, what executors use of it, and its web UI ({@code ""} when it serves none).
     * {@code state} is ALIVE, or DEAD for a removed worker kept for the page.
     */
    public record WorkerView(String id, String host, int port, String webUiUrl, String state, int cores,
                             int coresUsed, int memoryMb, int memoryUsedMb, long lastHeartbeat,
                             List<ExecutorView> executors) {}

    /**
     * An application: what it asked for, what it got, and where its driver's web UI is
     * ({@code ""} until the driver reports one). {@code endTime} is -1 while it runs; {@code executorLimit}
     * -1 means none; {@code removedExecutors} are the ones that ended (the last hundred).
     */
    public record AppView(String id, String name, String user, String driverUiUrl, String state, long startTime,
                          long endTime, int coresGranted, int coresMax, int memoryMbPerExecutor, int executorLimit,
                          int executorFailures, List<ExecutorView> executors, List<ExecutorView> removedExecutors) {}

    /** The whole cluster: the master's URL, workers (alive, then recently removed), running and completed applications. */
    public record MasterState(String url, List<WorkerView> workers, List<AppView> activeApps,
                              List<AppView> completedApps) {}

    /** One worker's own view: its offer and use, its master, and its running and finished executors. */
    public record WorkerState(String id, String host, int port, String masterUrl, int cores, int coresUsed,
                              int memoryMb, int memoryUsedMb, List<ExecutorView> executors,
                              List<ExecutorView> finishedExecutors) {}
}
