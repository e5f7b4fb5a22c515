package io.ember.deploy;

import io.ember.deploy.DeployMessages.ExecutorStateChanged;
import io.ember.deploy.DeployMessages.KillExecutor;
import io.ember.deploy.DeployMessages.LaunchExecutor;
import io.ember.deploy.DeployMessages.RegisterWorker;
import io.ember.deploy.DeployMessages.WorkerHeartbeat;
import io.ember.rpc.RpcCallContext;
import io.ember.rpc.RpcEndpoint;
import io.ember.rpc.RpcEnv;
import io.ember.rpc.RpcRef;
import java.io.File;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker daemon: registers its cores and memory with the master, heartbeats, and runs the
 * executor JVMs the master asks for ({@link ExecutorRunner}), reporting when they end. When the
 * master forgets it (or restarts) it registers again. Started by {@code launcher/bin/ember-worker}
 * ({@link WorkerMain}) or in the driver's JVM for {@code local-cluster}.
 *
 * <p>Threading: master messages arrive on the endpoint thread; heartbeats run on a timer;
 * executor exits are reported from process-exit callbacks.
 */
public final class Worker implements RpcEndpoint, AutoCloseable, DaemonUi.WorkerSource {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    static final long HEARTBEAT_MS = 2000;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int FINISHED_EXECUTORS_KEPT = 100;

    private final RpcEnv rpc;
    private final RpcRef master;
    private final String id;
    private final String host;
    private final int cores;
    private final int memoryMb;
    private final File workDir;
    private final String secret;
    private final String executorClassPath;
    private final Map<String, ExecutorRunner> runners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ember-worker-heartbeat");
        t.setDaemon(true);
        return t;
    });
    /** Ended executors for the web UI, oldest first (guarded by itself); the oldest drop beyond FINISHED_EXECUTORS_KEPT. */
    private final Deque<ClusterView.ExecutorView> finished = new ArrayDeque<>();
    private volatile boolean closed;
    private volatile String masterWebUiUrl = "";
    private volatile String webUiUrl = "";
    private volatile DaemonUi.Running ui;

    private Worker(RpcEnv rpc, String masterHost, int masterPort, int cores, int memoryMb, File workDir, String secret,
                   String executorClassPath) {
        this.rpc = rpc;
        this.master = rpc.ref(masterHost, masterPort, DeployMessages.MASTER_ENDPOINT);
        this.host = rpc.address().getHostString();
        this.id = "worker-" + System.currentTimeMillis() + "-" + host + "-" + rpc.address().getPort();
        this.cores = cores;
        this.memoryMb = memoryMb;
        this.workDir = workDir;
        this.secret = secret;
        this.executorClassPath = executorClassPath;
    }

    /**
     * Starts a worker and registers it with the master at masterHost:masterPort; throws when the
     * master cannot be reached or refuses it.
     *
     * @param executorClassPath the classpath of executor JVMs (the engine jar, or this JVM's classpath)
     */
    public static Worker start(String masterHost, int masterPort, String host, int port, int cores, int memoryMb,
                               File workDir, String secret, String executorClassPath) {
        return start(masterHost, masterPort, host, port, cores, memoryMb, workDir, secret, executorClassPath, null);
    }

    /**
     * Like {@link #start(String, int, String, int, int, int, File, String, String)}, also serving
     * the worker's web UI ({@link DaemonUi}) with {@code ui} settings unless null.
     */
    public static Worker start(String masterHost, int masterPort, String host, int port, int cores, int memoryMb,
                               File workDir, String secret, String executorClassPath, DaemonUi.Settings ui) {
        RpcEnv rpc = RpcEnv.create("worker", host, port, secret, Worker.class.getClassLoader());
        Worker w = new Worker(rpc, masterHost, masterPort, cores, memoryMb, workDir, secret, executorClassPath);
        try {
            workDir.mkdirs();
            rpc.register(DeployMessages.WORKER_ENDPOINT, w);
            if (ui != null) {
                w.ui = DaemonUi.start("worker", ui, (d, s) -> d.startWorker(w, s)).orElse(null);
                w.webUiUrl = w.ui == null ? "" : w.ui.url();
            }
            w.register();
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
        w.timer.scheduleWithFixedDelay(w::heartbeat, HEARTBEAT_MS, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
        return w;
    }

    public String id() {
        return id;
    }

    public InetSocketAddress address() {
        return rpc.address();
    }

    /** The address of this worker's web UI, {@code ""} when it serves none. */
    public String webUiUrl() {
        return webUiUrl;
    }

    @Override
    public ClusterView.WorkerState state() {
        List<ClusterView.ExecutorView> running = new ArrayList<>();
        int coresUsed = 0;
        int memoryUsed = 0;
        for (ExecutorRunner r : runners.values()) {
            ClusterView.ExecutorView e = r.view(id);
            running.add(e);
            coresUsed += e.cores();
            memoryUsed += e.memoryMb();
        }
        List<ClusterView.ExecutorView> ended;
        synchronized (finished) {
            ended = List.copyOf(finished);
        }
        return new ClusterView.WorkerState(id, host, rpc.address().getPort(),
                MasterUrl.SCHEME + master.host() + ":" + master.port(), cores, coresUsed, memoryMb, memoryUsed,
                List.copyOf(running), ended);
    }

    @Override
    public String masterWebUiUrl() {
        return masterWebUiUrl;
    }

    @Override
    public Optional<File> executorLog(String appId, String executorId, String logType) {
        return ExecutorLogs.find(workDir, appId, executorId, logType);
    }

    private void register() {
        Object masterUi = master.ask(new RegisterWorker(id, host, rpc.address().getPort(), cores, memoryMb,
                rpc.ref(host, rpc.address().getPort(), DeployMessages.WORKER_ENDPOINT), webUiUrl), TIMEOUT);
        masterWebUiUrl = masterUi instanceof String u ? u : "";
        LOG.info("Worker {} registered with the master at {}:{} ({} cores, {} MB, work dir {})", id, master.host(),
                master.port(), cores, memoryMb, workDir);
    }

    private void heartbeat() {
        try {
            Boolean known = master.ask(new WorkerHeartbeat(id), TIMEOUT);
            if (!Boolean.TRUE.equals(known)) {
                LOG.warn("The master does not know worker {}; registering again", id);
                killAll();
                register();
            }
        } catch (RuntimeException e) {
            LOG.warn("Worker {} cannot reach the master: {}", id, e.getMessage());
        }
    }

    @Override
    public Object receive(Object message, RpcCallContext context) {
        if (message instanceof LaunchExecutor l) {
            ExecutorRunner runner = new ExecutorRunner(l, workDir, executorClassPath, secret, host, webUiUrl, this::report);
            runners.put(key(l.appId(), l.executorId()), runner);
            LOG.info("Launching executor {} of {}: {}", l.executorId(), l.appId(), String.join(" ", runner.command()));
            runner.start();
        } else if (message instanceof KillExecutor k) {
            ExecutorRunner runner = runners.get(key(k.appId(), k.executorId()));
            if (runner != null) {
                LOG.info("Killing executor {} of {}", k.executorId(), k.appId());
                Thread t = new Thread(() -> runner.kill(5000), "ember-worker-kill-" + k.executorId());
                t.setDaemon(true);
                t.start();
            }
        } else {
            throw new IllegalArgumentException("Unexpected message " + message);
        }
        return null;
    }

    private void report(ExecutorStateChanged s) {
        if (s.state().isFinished()) {
            ExecutorRunner r = runners.remove(key(s.appId(), s.executorId()));
            if (r != null) {
                synchronized (finished) {
                    finished.addLast(r.view(id));
                    while (finished.size() > FINISHED_EXECUTORS_KEPT) {
                        finished.removeFirst();
                    }
                }
            }
        }
        if (!closed) {
            master.send(s);
        }
    }

    private static String key(String appId, String executorId) {
        return appId + "/" + executorId;
    }

    private void killAll() {
        List<Thread> killers = new ArrayList<>();
        for (ExecutorRunner r : runners.values()) {
            Thread t = new Thread(() -> r.kill(3000), "ember-worker-kill-" + r.executorId());
            t.setDaemon(true);
            t.start();
            killers.add(t);
        }
        for (Thread t : killers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Kills this worker's executors and leaves the cluster. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        killAll();
        rpc.close();
        if (ui != null) {
            ui.close();
        }
    }
}
