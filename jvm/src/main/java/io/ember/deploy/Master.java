package io.ember.deploy;

import io.ember.deploy.DeployMessages.ApplicationDescription;
import io.ember.deploy.DeployMessages.ApplicationUiUrl;
import io.ember.deploy.DeployMessages.ApplicationFailed;
import io.ember.deploy.DeployMessages.ExecutorAdded;
import io.ember.deploy.DeployMessages.ExecutorRemoved;
import io.ember.deploy.DeployMessages.ExecutorState;
import io.ember.deploy.DeployMessages.ExecutorStateChanged;
import io.ember.deploy.DeployMessages.KillExecutor;
import io.ember.deploy.DeployMessages.LaunchExecutor;
import io.ember.deploy.DeployMessages.RegisterApplication;
import io.ember.deploy.DeployMessages.KillExecutors;
import io.ember.deploy.DeployMessages.RegisterWorker;
import io.ember.deploy.DeployMessages.RequestExecutors;
import io.ember.deploy.DeployMessages.RequestStatus;
import io.ember.deploy.DeployMessages.UnregisterApplication;
import io.ember.deploy.DeployMessages.WorkerHeartbeat;
import io.ember.rpc.RpcCallContext;
import io.ember.rpc.RpcEndpoint;
import io.ember.rpc.RpcEnv;
import io.ember.rpc.RpcRef;
import io.ember.util.Monitors;
import java.net.InetSocketAddress;
import java.text.SimpleDateFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone cluster manager: workers register their cores and memory and heartbeat;
 * drivers register applications; the master launches each application's executors on workers
 * ({@link ExecutorPlacement}), relaunches executors that fail (up to the application's limit),
 * and forgets workers that stop heartbeating or disconnect and applications whose driver
 * disconnects. Started by {@code launcher/bin/ember-master} ({@link MasterMain}) or in the
 * driver's JVM for {@code local-cluster}.
 *
 * <p>Threading: messages arrive on the endpoint thread, timeouts are checked on a timer; all
 * state is guarded by this object's lock.
 */
public final class Master implements RpcEndpoint, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Master.class);
    private static final int COMPLETED_APPS_KEPT = 20;
    private static final int DEAD_WORKERS_KEPT = 20;
    private static final int REMOVED_EXECUTORS_KEPT = 100;

    private final RpcEnv rpc;
    private final long workerTimeoutMs;
    private final Map<String, WorkerInfo> workers = new LinkedHashMap<>();
    private final Map<String, AppInfo> apps = new LinkedHashMap<>();
    private final Deque<AppInfo> completedApps = new ArrayDeque<>();
    /** Removed workers shown (as DEAD) on the web UI, newest first; the oldest drop beyond DEAD_WORKERS_KEPT. */
    private final Deque<WorkerInfo> deadWorkers = new ArrayDeque<>();
    private volatile String webUiUrl = "";
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ember-master-timer");
        t.setDaemon(true);
        return t;
    });
    private final String startTime = new SimpleDateFormat("yyyyMMddHHmmss").format(new Date());
    private int nextAppNumber;

    static final class WorkerInfo {
        final String id;
        final String host;
        final int port;
        final int cores;
        final int memoryMb;
        final RpcRef ref;
        final InetSocketAddress connection;
        final String webUiUrl;
        final Map<String, ExecutorInfo> executors = new LinkedHashMap<>();
        String state = "ALIVE";
        long lastHeartbeat;
        int coresUsed;
        int memoryUsed;

        WorkerInfo(RegisterWorker r, InetSocketAddress connection) {
            this.id = r.workerId();
            this.host = r.host();
            this.port = r.port();
            this.cores = r.cores();
            this.memoryMb = r.memoryMb();
            this.ref = r.worker();
            this.connection = connection;
            this.webUiUrl = r.webUiUrl() == null ? "" : r.webUiUrl();
            this.lastHeartbeat = System.currentTimeMillis();
        }
    }

    static final class AppInfo {
        final String id;
        final ApplicationDescription desc;
        final RpcRef client;
        final InetSocketAddress connection;
        final long startTime = System.currentTimeMillis();
        final Map<String, ExecutorInfo> executors = new LinkedHashMap<>();
        /** Ended executors shown on the web UI, oldest first; the oldest drop beyond REMOVED_EXECUTORS_KEPT. */
        final Deque<ExecutorInfo> removedExecutors = new ArrayDeque<>();
        int nextExecutorId;
        int executorLimit;
        int failures;
        int coresGranted;
        String state = "RUNNING";
        String driverUiUrl = "";
        long endTime = -1;

        AppInfo(String id, ApplicationDescription desc, RpcRef client, InetSocketAddress connection) {
            this.id = id;
            this.desc = desc;
            this.client = client;
            this.connection = connection;
            this.executorLimit = desc.initialExecutors() < 0 ? Integer.MAX_VALUE : desc.initialExecutors();
        }
    }

    static final class ExecutorInfo {
        final String appId;
        final String id;
        final String workerId;
        final int cores;
        final int memoryMb;
        ExecutorState state = ExecutorState.LAUNCHING;

        ExecutorInfo(String appId, String id, String workerId, int cores, int memoryMb) {
            this.appId = appId;
            this.id = id;
            this.workerId = workerId;
            this.cores = cores;
            this.memoryMb = memoryMb;
        }

        String key() {
            return appId + "/" + id;
        }
    }

    private Master(RpcEnv rpc, long workerTimeoutMs) {
        this.rpc = rpc;
        this.workerTimeoutMs = workerTimeoutMs;
    }

    /** Starts a master on host:port (0: any free port); {@code secret} null means no authentication. */
    public static Master start(String host, int port, String secret, long workerTimeoutMs) {
        RpcEnv rpc = RpcEnv.create("master", host, port, secret, Master.class.getClassLoader());
        Master master = new Master(rpc, workerTimeoutMs);
        rpc.register(DeployMessages.MASTER_ENDPOINT, master);
        long every = Math.max(100, workerTimeoutMs / 4);
        master.timer.scheduleWithFixedDelay(master::checkWorkerTimeouts, every, every, TimeUnit.MILLISECONDS);
        return master;
    }

    public InetSocketAddress address() {
        return rpc.address();
    }

    /** ember://host:port, the URL drivers and workers use. */
    public String url() {
        return MasterUrl.SCHEME + rpc.address().getHostString() + ":" + rpc.address().getPort();
    }

    /** Sets the address of this master's web UI, which workers learn when they register. */
    public void setWebUiUrl(String url) {
        this.webUiUrl = url == null ? "" : url;
    }

    /** A snapshot of the cluster for the web UI. */
    public synchronized ClusterView.MasterState state() {
        return MasterViews.state(url(), workers.values(), deadWorkers, apps.values(), completedApps);
    }

    /** The executors the master runs for an application now (0 for unknown applications). */
    synchronized int executorCount(String appId) {
        AppInfo app = apps.get(appId);
        return app == null ? 0 : app.executors.size();
    }

    /** Waits until {@code count} workers are registered; false on timeout. */
    public synchronized boolean awaitWorkers(int count, long timeoutMs) throws InterruptedException {
        return Monitors.await(this, () -> workers.size() >= count, timeoutMs);
    }

    @Override
    public synchronized Object receive(Object message, RpcCallContext context) {
        if (message instanceof WorkerHeartbeat h) {
            WorkerInfo w = workers.get(h.workerId());
            if (w == null) {
                return Boolean.FALSE;
            }
            w.lastHeartbeat = System.currentTimeMillis();
            return Boolean.TRUE;
        } else if (message instanceof ExecutorStateChanged s) {
            executorStateChanged(s);
            return null;
        } else if (message instanceof RegisterWorker r) {
            registerWorker(r, context.sender());
            return webUiUrl;
        } else if (message instanceof ApplicationUiUrl u) {
            AppInfo app = apps.get(u.appId());
            if (app != null && u.url() != null) {
                app.driverUiUrl = u.url();
            }
            return null;
        } else if (message instanceof RegisterApplication r) {
            return registerApplication(r, context.sender());
        } else if (message instanceof UnregisterApplication u) {
            AppInfo app = apps.get(u.appId());
            if (app != null) {
                LOG.info("Application {} finished", app.id);
                removeApplication(app, "FINISHED");
            }
            return null;
        } else if (message instanceof RequestExecutors r) {
            AppInfo app = apps.get(r.appId());
            if (app != null && app.executorLimit != r.total()) {
                LOG.info("Application {} wants {} executors (has {})", app.id, r.total(), app.executors.size());
                app.executorLimit = r.total();
                schedule();
            }
            return null;
        } else if (message instanceof KillExecutors k) {
            AppInfo app = apps.get(k.appId());
            for (String id : app == null ? List.<String>of() : k.executorIds()) {
                ExecutorInfo e = app.executors.get(id);
                WorkerInfo w = e == null ? null : workers.get(e.workerId);
                if (w != null) {
                    LOG.info("Killing executor {} of {}, released by the driver", id, app.id);
                    w.ref.send(new KillExecutor(app.id, id));
                }
            }
            return null;
        } else if (message instanceof RequestStatus) {
            return statusJson();
        }
        throw new IllegalArgumentException("Unexpected message " + message);
    }

    @Override
    public synchronized void onDisconnected(InetSocketAddress remote) {
        for (WorkerInfo w : new ArrayList<>(workers.values())) {
            if (w.connection.equals(remote)) {
                removeWorker(w, "its connection closed");
            }
        }
        for (AppInfo app : new ArrayList<>(apps.values())) {
            if (app.connection.equals(remote)) {
                LOG.info("The driver of application {} disconnected; removing it", app.id);
                removeApplication(app, "FINISHED");
            }
        }
    }

    private void registerWorker(RegisterWorker r, InetSocketAddress connection) {
        WorkerInfo old = workers.get(r.workerId());
        if (old != null) {
            removeWorker(old, "it registered again");
        }
        workers.put(r.workerId(), new WorkerInfo(r, connection));
        notifyAll();
        LOG.info("Registered worker {} at {}:{} with {} cores and {} MB", r.workerId(), r.host(), r.port(), r.cores(),
                r.memoryMb());
        schedule();
    }

    private Object registerApplication(RegisterApplication r, InetSocketAddress connection) {
        ApplicationDescription d = r.description();
        String why = workers.isEmpty() ? null
                : ExecutorPlacement.whyNoWorkerFits(totals(), d.coresPerExecutor(), d.memoryMbPerExecutor());
        if (why != null) {
            LOG.warn("Rejected application {}: {}", d.name(), why);
            return new ApplicationFailed("The master at " + url() + " cannot run application " + d.name() + ": " + why);
        }
        String id = String.format("app-%s-%04d", startTime, nextAppNumber++);
        apps.put(id, new AppInfo(id, d, r.client(), connection));
        LOG.info("Registered application {} ({}) from driver {}:{}", id, d.name(), d.driverHost(), d.driverPort());
        schedule();
        return id;
    }

    private void executorStateChanged(ExecutorStateChanged s) {
        AppInfo app = apps.get(s.appId());
        ExecutorInfo e = app == null ? null : app.executors.get(s.executorId());
        if (e == null) {
            return; // the application ended; its executors were already released
        }
        e.state = s.state();
        if (!s.state().isFinished()) {
            return;
        }
        releaseExecutor(app, e);
        LOG.info("Executor {} of {} ended: {} (exit code {}) {}", e.id, app.id, s.state(), s.exitCode(),
                s.message() == null ? "" : s.message());
        app.client.send(new ExecutorRemoved(e.id, "executor process " + s.state().name().toLowerCase()
                + (s.exitCode() == null ? "" : " with exit code " + s.exitCode())
                + (s.message() == null ? "" : ": " + s.message())));
        if (s.state() == ExecutorState.FAILED) {
            app.failures++;
            if (app.failures >= app.desc.maxExecutorRetries()) {
                String msg = "Application " + app.id + " failed: " + app.failures + " executors failed (the limit is "
                        + "ember.deploy.maxExecutorRetries=" + app.desc.maxExecutorRetries() + "); the last: "
                        + s.message();
                LOG.error(msg);
                app.client.send(new ApplicationFailed(msg));
                removeApplication(app, "FAILED");
                return;
            }
        }
        schedule();
    }

    /** Frees an executor's resources on its worker and in its application. */
    private void releaseExecutor(AppInfo app, ExecutorInfo e) {
        if (app.executors.remove(e.id) != null) {
            app.removedExecutors.addLast(e);
            while (app.removedExecutors.size() > REMOVED_EXECUTORS_KEPT) {
                app.removedExecutors.removeFirst();
            }
        }
        app.coresGranted -= e.cores;
        WorkerInfo w = workers.get(e.workerId);
        if (w != null && w.executors.remove(e.key()) != null) {
            w.coresUsed -= e.cores;
            w.memoryUsed -= e.memoryMb;
        }
    }

    private void removeApplication(AppInfo app, String state) {
        apps.remove(app.id);
        app.state = state;
        app.endTime = System.currentTimeMillis();
        for (ExecutorInfo e : new ArrayList<>(app.executors.values())) {
            WorkerInfo w = workers.get(e.workerId);
            if (w != null) {
                w.ref.send(new KillExecutor(app.id, e.id));
            }
            e.state = ExecutorState.KILLED;
            releaseExecutor(app, e);
        }
        completedApps.addFirst(app);
        while (completedApps.size() > COMPLETED_APPS_KEPT) {
            completedApps.removeLast();
        }
        schedule();
    }

    private void removeWorker(WorkerInfo w, String reason) {
        if (w.executors.isEmpty()) {
            LOG.info("Removing worker {}: {}", w.id, reason);
        } else {
            LOG.warn("Removing worker {} and its {} executors: {}", w.id, w.executors.size(), reason);
        }
        workers.remove(w.id);
        w.state = "DEAD";
        deadWorkers.addFirst(w);
        while (deadWorkers.size() > DEAD_WORKERS_KEPT) {
            deadWorkers.removeLast();
        }
        for (ExecutorInfo e : new ArrayList<>(w.executors.values())) {
            AppInfo app = apps.get(e.appId);
            if (app != null) {
                releaseExecutor(app, e);
                app.client.send(new ExecutorRemoved(e.id, "worker " + w.id + " was lost (" + reason + ")"));
            }
        }
        schedule();
    }

    private synchronized void checkWorkerTimeouts() {
        long now = System.currentTimeMillis();
        for (WorkerInfo w : new ArrayList<>(workers.values())) {
            if (now - w.lastHeartbeat > workerTimeoutMs) {
                removeWorker(w, "no heartbeat for " + (now - w.lastHeartbeat) + " ms");
            }
        }
    }

    /** Launches executors for applications that want more cores, oldest application first. */
    private void schedule() {
        for (AppInfo app : new ArrayList<>(apps.values())) {
            ApplicationDescription d = app.desc;
            if (app.executors.isEmpty() && !workers.isEmpty()) {
                String why = ExecutorPlacement.whyNoWorkerFits(totals(), d.coresPerExecutor(), d.memoryMbPerExecutor());
                if (why != null) {
                    app.client.send(new ApplicationFailed("The master at " + url() + " cannot run application "
                            + app.id + ": " + why));
                    removeApplication(app, "FAILED");
                    continue;
                }
            }
            int wanted = d.coresMax() > 0 ? d.coresMax() - app.coresGranted : Integer.MAX_VALUE;
            List<ExecutorPlacement.Free> free = new ArrayList<>();
            for (WorkerInfo w : workers.values()) {
                boolean hosts = w.executors.values().stream().anyMatch(e -> e.appId.equals(app.id));
                free.add(new ExecutorPlacement.Free(w.id, w.cores - w.coresUsed, w.memoryMb - w.memoryUsed, hosts));
            }
            int allowed = app.executorLimit - app.executors.size();
            for (ExecutorPlacement.Launch l : ExecutorPlacement.spread(free, d.coresPerExecutor(),
                    d.memoryMbPerExecutor(), wanted)) {
                if (allowed-- <= 0) {
                    break;
                }
                launch(app, workers.get(l.workerId()), l.cores());
            }
        }
    }

    private void launch(AppInfo app, WorkerInfo w, int cores) {
        ApplicationDescription d = app.desc;
        ExecutorInfo e = new ExecutorInfo(app.id, String.valueOf(app.nextExecutorId++), w.id, cores,
                d.memoryMbPerExecutor());
        app.executors.put(e.id, e);
        app.coresGranted += cores;
        w.executors.put(e.key(), e);
        w.coresUsed += cores;
        w.memoryUsed += e.memoryMb;
        LOG.info("Launching executor {} of {} on worker {} with {} cores and {} MB", e.id, app.id, w.id, cores,
                e.memoryMb);
        w.ref.send(new LaunchExecutor(app.id, e.id, cores, e.memoryMb, d.driverHost(), d.driverPort(),
                d.extraClassPath(), d.name(), d.user()));
        app.client.send(new ExecutorAdded(e.id, w.id, w.host, cores, e.memoryMb));
    }

    private List<ExecutorPlacement.Free> totals() {
        List<ExecutorPlacement.Free> totals = new ArrayList<>();
        for (WorkerInfo w : workers.values()) {
            totals.add(new ExecutorPlacement.Free(w.id, w.cores, w.memoryMb, false));
        }
        return totals;
    }

    /** The cluster state: workers, running and completed applications, and their executors. */
    synchronized String statusJson() {
        return MasterStatus.json(url(), workers.values(), apps.values(), completedApps);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        rpc.close();
    }
}
