package io.ember.deploy;

import io.ember.core.ConfigKeys;
import io.ember.core.EmberConf;
import io.ember.core.EmberException;
import io.ember.executor.ExecutorMessages;
import io.ember.executor.ExecutorMessages.GetBlockLocations;
import io.ember.executor.ExecutorMessages.GetBroadcast;
import io.ember.executor.ExecutorMessages.GetFiles;
import io.ember.executor.ExecutorMessages.GetPeers;
import io.ember.executor.ExecutorMessages.GetMapOutputStatuses;
import io.ember.executor.ExecutorMessages.Heartbeat;
import io.ember.executor.ExecutorMessages.KillTask;
import io.ember.executor.ExecutorMessages.LaunchTask;
import io.ember.executor.ExecutorMessages.MapOutputStatuses;
import io.ember.executor.ExecutorMessages.RegisterExecutor;
import io.ember.executor.ExecutorMessages.RemoveBroadcast;
import io.ember.executor.ExecutorMessages.RemoveRdd;
import io.ember.executor.ExecutorMessages.RemoveShuffle;
import io.ember.executor.ExecutorMessages.RetrieveConf;
import io.ember.executor.ExecutorMessages.StatusUpdate;
import io.ember.executor.ExecutorMessages.StopExecutor;
import io.ember.rdd.BroadcastSource;
import io.ember.rpc.RpcCallContext;
import io.ember.rpc.RpcEndpoint;
import io.ember.rpc.RpcEnv;
import io.ember.rpc.RpcRef;
import io.ember.scheduler.ExecutorEvents;
import io.ember.scheduler.SchedulerBackend;
import io.ember.scheduler.SchedulerRoles;
import io.ember.scheduler.TaskDescription;
import io.ember.scheduler.TaskEndReason;
import io.ember.scheduler.TaskOffers;
import io.ember.scheduler.TaskOutcome;
import io.ember.scheduler.TaskStatusSink;
import io.ember.scheduler.WorkerOffer;
import io.ember.serializer.ClosureSerializer;
import io.ember.shuffle.FetchFailedException;
import io.ember.shuffle.MapOutputTracker;
import io.ember.storage.BlockId;
import io.ember.util.Monitors;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of cluster mode: the {@value ExecutorMessages#DRIVER_ENDPOINT} endpoint that
 * executor JVMs register with. Tracks registered executors and their free cores, offers them to
 * the task scheduler, sends the tasks it places, routes task ends back, answers executors'
 * questions (settings, map output locations, broadcast values, shipped files), and reports an executor lost
 * when its connection closes, it misses three heartbeats, or the master says it is gone.
 *
 * <p>Threading: messages arrive on the endpoint thread; offers come from scheduler threads and a
 * timer. Executor state is guarded by this object's lock, which is taken before (never while
 * holding) the task scheduler's.
 */
public final class ClusterBackend implements SchedulerBackend, RpcEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterBackend.class);
    private static final int MAX_MISSED_HEARTBEATS = 3;

    private final TaskOffers offers;
    private final TaskStatusSink statuses;
    private final ExecutorEvents executorEvents;
    private final RpcEnv rpc;
    private final EmberConf conf;
    private final MapOutputTracker mapOutputs;
    private final BroadcastSource broadcasts;
    private final FileServer files;
    private final ClassLoader loader;
    private final long heartbeatTimeoutMs;
    private final long executorWaitMs;
    private long noExecutorsSince; // guarded by this; 0 while executors exist or no task waits
    private String lastLoss = "none was ever registered"; // guarded by this
    private final Map<String, RegisteredExecutor> executors = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ember-cluster-backend");
        t.setDaemon(true);
        return t;
    });
    private final List<AutoCloseable> owned = new ArrayList<>();
    private volatile boolean stopped;
    private boolean started;
    private volatile String appId;
    private volatile AppClient appClient;
    private volatile ExecutorAllocationManager allocation;
    private volatile String failure;

    public ClusterBackend(SchedulerRoles scheduler, RpcEnv rpc, EmberConf conf, MapOutputTracker mapOutputs,
                          BroadcastSource broadcasts, FileServer files, ClassLoader loader) {
        this.offers = scheduler.offers();
        this.statuses = scheduler.statuses();
        this.executorEvents = scheduler.executors();
        this.rpc = rpc;
        this.conf = conf;
        this.mapOutputs = mapOutputs;
        this.broadcasts = broadcasts;
        this.files = files;
        this.loader = loader;
        this.heartbeatTimeoutMs = MAX_MISSED_HEARTBEATS * conf.getMillis(ConfigKeys.EXECUTOR_HEARTBEAT_INTERVAL);
        this.executorWaitMs = conf.getMillis(ConfigKeys.EXECUTOR_WAIT_TIMEOUT);
    }

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        rpc.register(ExecutorMessages.DRIVER_ENDPOINT, this);
        timer.scheduleWithFixedDelay(() -> {
            checkHeartbeats();
            checkExecutorsRemain();
        }, 1000, 1000, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> {
            if (offers.hasPendingTasks()) {
                reviveOffers();
            }
            ExecutorAllocationManager a = allocation;
            if (a != null) {
                a.tick(System.currentTimeMillis());
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Resources released (in order) when the backend stops: the RPC env, a local cluster. */
    void owns(AutoCloseable resource) {
        owned.add(resource);
    }

    void setApplication(String appId, AppClient client) {
        this.appId = appId;
        this.appClient = client;
    }

    /** Turns on dynamic allocation (after the application registered). */
    void enableDynamicAllocation(EmberConf conf, int coresPerExecutor) {
        ExecutorAllocationManager.Backlog backlog = new ExecutorAllocationManager.Backlog() {
            @Override
            public int demandedSlots() {
                return offers.demandedSlots();
            }

            @Override
            public boolean hasPendingTasks() {
                return offers.hasPendingTasks();
            }
        };
        allocation = new ExecutorAllocationManager(conf, backlog, new ExecutorAllocationManager.Executors() {
            @Override
            public List<ExecutorAllocationManager.Idle> idle(long now) {
                return idleExecutors(now);
            }

            @Override
            public void release(List<String> executorIds, String reason) {
                for (String id : executorIds) {
                    removeExecutor(id, "released: " + reason);
                }
                appClient.kill(executorIds);
            }

            @Override
            public void requestTotal(int total) {
                appClient.requestTotal(total);
            }
        }, coresPerExecutor);
    }

    private synchronized List<ExecutorAllocationManager.Idle> idleExecutors(long now) {
        List<ExecutorAllocationManager.Idle> out = new ArrayList<>();
        for (RegisteredExecutor e : executors.values()) {
            out.add(new ExecutorAllocationManager.Idle(e.id, e.idleSince == 0 ? 0 : Math.max(1, now - e.idleSince),
                    !e.blocks.isEmpty()));
        }
        return out;
    }

    /** The id the master gave the application. */
    /** Tells the master where the driver's web UI listens; ignored once stopped. */
    public void reportUiUrl(String url) {
        AppClient client = appClient;
        if (client != null && !stopped) {
            try {
                client.reportUiUrl(url);
            } catch (RuntimeException e) {
                LOG.debug("Could not tell the master the web UI's address", e);
            }
        }
    }

    public String applicationId() {
        return appId;
    }

    /** Unregisters the application, stops the executors and releases what the backend owns. */
    @Override
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        timer.shutdownNow();
        if (appClient != null) {
            appClient.unregister();
        }
        List<RegisteredExecutor> all;
        synchronized (this) {
            all = new ArrayList<>(executors.values());
            executors.clear();
        }
        // asked, not just sent: an executor that hears the connection close first would think the driver died
        List<CompletableFuture<Object>> stopping = new ArrayList<>();
        for (RegisteredExecutor e : all) {
            try {
                stopping.add(e.ref.askAsync(new StopExecutor(), Duration.ofSeconds(3)));
            } catch (RuntimeException ex) {
                stopping.add(CompletableFuture.failedFuture(ex));
            }
        }
        for (int i = 0; i < stopping.size(); i++) {
            try {
                stopping.get(i).join();
            } catch (RuntimeException ex) {
                LOG.debug("Could not stop executor {}", all.get(i).id, ex);
            }
        }
        rpc.unregister(ExecutorMessages.DRIVER_ENDPOINT);
        for (AutoCloseable r : owned) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("Could not release {}", r, e);
            }
        }
    }

    // ---- messages from executors (endpoint thread) ----

    @Override
    public Object receive(Object message, RpcCallContext context) {
        if (message instanceof StatusUpdate s) {
            statusUpdate(s);
            return null;
        } else if (message instanceof Heartbeat h) {
            return heartbeat(h);
        } else if (message instanceof ExecutorMessages.BlockStatus b) {
            executorEvents.blockUpdated(b.executorId(), b.block().rddId(), b.block().partition(), b.storageLevel(),
                    b.memorySize(), b.diskSize());
            return null;
        } else if (message instanceof GetMapOutputStatuses g) {
            try {
                return new MapOutputStatuses(mapOutputs.statuses(g.shuffleId(), 0), -1, null);
            } catch (FetchFailedException e) {
                return new MapOutputStatuses(null, e.mapId(), e.getMessage());
            }
        } else if (message instanceof GetBroadcast b) {
            return broadcasts.fetch(b.broadcastId());
        } else if (message instanceof GetPeers p) {
            return addresses(p.askingExecutor(), null);
        } else if (message instanceof GetBlockLocations g) {
            return addresses(g.askingExecutor(), g.block());
        } else if (message instanceof GetFiles) {
            return files.list();
        } else if (message instanceof RetrieveConf) {
            return ExecutorMessages.confMap(conf.getAll());
        } else if (message instanceof RegisterExecutor r) {
            register(r, context.sender());
            return Boolean.TRUE;
        }
        throw new IllegalArgumentException("Unexpected message " + message);
    }

    @Override
    public void onDisconnected(InetSocketAddress remote) {
        String lost = null;
        synchronized (this) {
            for (RegisteredExecutor e : executors.values()) {
                if (e.connection.equals(remote)) {
                    lost = e.id;
                }
            }
        }
        if (lost != null) {
            removeExecutor(lost, "its connection to the driver closed");
        }
    }

    private void register(RegisterExecutor r, InetSocketAddress connection) {
        synchronized (this) {
            if (stopped) {
                throw new EmberException("The driver is stopping");
            }
            if (executors.containsKey(r.executorId())) {
                throw new EmberException("Executor " + r.executorId() + " is already registered");
            }
            RpcRef ref = rpc.ref(r.host(), r.port(), ExecutorMessages.EXECUTOR_ENDPOINT);
            executors.put(r.executorId(), new RegisteredExecutor(r, ref, connection, System.currentTimeMillis()));
            notifyAll();
        }
        LOG.info("Executor {} registered from {}:{} with {} cores", r.executorId(), r.host(), r.port(), r.cores());
        executorEvents.executorAdded(r.executorId(), r.host(), r.cores(), r.logUrls());
        timer.execute(this::reviveOffers);
    }

    private void statusUpdate(StatusUpdate s) {
        TaskOutcome outcome = s.status().decode(loader);
        synchronized (this) {
            RegisteredExecutor e = executors.get(s.executorId());
            if (e == null) {
                return; // already reported lost; its tasks were failed then
            }
            e.freeCores = Math.min(e.cores, e.freeCores + 1);
            if (e.freeCores == e.cores) {
                e.idleSince = System.currentTimeMillis();
            }
            e.blocks = Set.copyOf(s.cachedBlocks());
        }
        statuses.statusUpdate(s.taskId(), outcome);
    }

    private Boolean heartbeat(Heartbeat h) {
        synchronized (this) {
            RegisteredExecutor e = executors.get(h.executorId());
            if (e == null) {
                return Boolean.FALSE;
            }
            e.lastHeartbeat = System.currentTimeMillis();
            e.blocks = Set.copyOf(h.cachedBlocks());
        }
        executorEvents.executorHeartbeat(h.executorId(), h.running(), h.heapUsedBytes(), h.maxStorageMemory(),
                h.pythonWorkers());
        return Boolean.TRUE;
    }

    private void checkHeartbeats() {
        long now = System.currentTimeMillis();
        List<RegisteredExecutor> late = new ArrayList<>();
        synchronized (this) {
            for (RegisteredExecutor e : executors.values()) {
                if (now - e.lastHeartbeat > heartbeatTimeoutMs) {
                    late.add(e);
                }
            }
        }
        for (RegisteredExecutor e : late) {
            removeExecutor(e.id, "no heartbeat for " + (now - e.lastHeartbeat) + " ms");
            try {
                e.ref.send(new StopExecutor());
            } catch (RuntimeException ex) {
                LOG.debug("Could not stop unresponsive executor {}", e.id, ex);
            }
        }
    }

    /**
     * Fails the waiting jobs when tasks have waited past ember.scheduler.executorWaitTimeout with
     * no executor at all (the master cannot or will not give the application any).
     */
    private void checkExecutorsRemain() {
        String failure = null;
        synchronized (this) {
            if (!executors.isEmpty() || !offers.hasPendingTasks()) {
                noExecutorsSince = 0;
                return;
            }
            long now = System.currentTimeMillis();
            if (noExecutorsSince == 0) {
                noExecutorsSince = now;
            } else if (now - noExecutorsSince > executorWaitMs) {
                failure = "the application has had no executors for " + (now - noExecutorsSince) / 1000
                        + " s (ember.scheduler.executorWaitTimeout=" + executorWaitMs / 1000 + "s); the last executor"
                        + " loss: " + lastLoss + ". Check that workers with enough free cores and memory are "
                        + "registered with the master (ember-status).";
                noExecutorsSince = 0;
            }
        }
        if (failure != null) {
            LOG.error("Failing the waiting jobs: {}", failure);
            executorEvents.failAllJobs(failure);
        }
    }

    /** Forgets an executor and tells the schedulers; a no-op when it is already gone. */
    public void removeExecutor(String executorId, String reason) {
        synchronized (this) {
            if (executors.remove(executorId) == null || stopped) {
                return;
            }
            lastLoss = "executor " + executorId + ": " + reason;
        }
        LOG.warn("Lost executor {}: {}", executorId, reason);
        executorEvents.executorLost(executorId);
        reviveOffers();
    }

    // ---- scheduling ----

    @Override
    public void reviveOffers() {
        List<TaskDescription> tasks;
        Map<String, RpcRef> refs = new LinkedHashMap<>();
        synchronized (this) {
            if (stopped) {
                return;
            }
            List<WorkerOffer> offers = new ArrayList<>();
            for (RegisteredExecutor e : executors.values()) {
                if (e.freeCores > 0) {
                    offers.add(new WorkerOffer(e.id, e.host, e.freeCores));
                }
            }
            if (offers.isEmpty()) {
                return;
            }
            tasks = this.offers.resourceOffers(offers);
            for (TaskDescription td : tasks) {
                RegisteredExecutor e = executors.get(td.executorId());
                e.freeCores--;
                e.idleSince = 0;
                refs.put(td.executorId(), e.ref);
            }
        }
        long epoch = mapOutputs.epoch();
        long filesVersion = files.version();
        for (TaskDescription td : tasks) {
            byte[] bytes;
            try {
                bytes = ClosureSerializer.serialize(td, "task " + td.task());
            } catch (EmberException e) {
                synchronized (this) {
                    RegisteredExecutor ex = executors.get(td.executorId());
                    if (ex != null) {
                        ex.freeCores++;
                    }
                }
                statuses.statusUpdate(td.taskId(), new TaskOutcome.Failed(new TaskEndReason.ExceptionFailure(e)));
                continue;
            }
            refs.get(td.executorId()).send(new LaunchTask(td.taskId(), bytes, epoch, filesVersion));
        }
    }

    @Override
    public void killTask(long taskId, String executorId, boolean interruptThread, String reason) {
        RpcRef ref;
        synchronized (this) {
            RegisteredExecutor e = executors.get(executorId);
            ref = e == null ? null : e.ref;
        }
        if (ref != null) {
            ref.send(new KillTask(taskId, interruptThread, reason));
        }
    }

    /** The registered executors' cores in total, and at least 2 (Spark's rule for cluster backends). */
    @Override
    public synchronized int defaultParallelism() {
        int cores = 0;
        for (RegisteredExecutor e : executors.values()) {
            cores += e.cores;
        }
        return Math.max(cores, 2);
    }

    // ---- blocks on executors ----

    /** Executors that reported holding the cached partition. */
    public synchronized List<String> executorsWith(int rddId, int partition) {
        BlockId.RddBlock block = new BlockId.RddBlock(rddId, partition);
        List<String> ids = new ArrayList<>();
        for (RegisteredExecutor e : executors.values()) {
            if (e.blocks.contains(block)) {
                ids.add(e.id);
            }
        }
        return ids;
    }

    /** Block server addresses of the executors other than {@code except} (holding {@code block}, unless null). */
    private synchronized List<InetSocketAddress> addresses(String except, BlockId.RddBlock block) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (RegisteredExecutor e : executors.values()) {
            if (!e.id.equals(except) && (block == null || e.blocks.contains(block))) {
                out.add(InetSocketAddress.createUnresolved(e.host, e.port));
            }
        }
        return out;
    }

    /** Drops an RDD's cached partitions on every executor. */
    public void removeRdd(int rddId) {
        for (RpcRef ref : refs()) {
            ref.send(new RemoveRdd(rddId));
        }
        synchronized (this) {
            for (RegisteredExecutor e : executors.values()) {
                Set<BlockId.RddBlock> kept = new HashSet<>(e.blocks);
                kept.removeIf(b -> b.rddId() == rddId);
                e.blocks = Set.copyOf(kept);
            }
        }
    }

    /** Deletes a shuffle's map output files on every executor. */
    public void removeShuffle(int shuffleId, int numMaps) {
        for (RpcRef ref : refs()) {
            ref.send(new RemoveShuffle(shuffleId, numMaps));
        }
    }

    /** Drops a broadcast value's copies on every executor. */
    public void removeBroadcast(long broadcastId) {
        for (RpcRef ref : refs()) {
            ref.send(new RemoveBroadcast(broadcastId));
        }
    }

    private synchronized List<RpcRef> refs() {
        List<RpcRef> refs = new ArrayList<>();
        for (RegisteredExecutor e : executors.values()) {
            refs.add(e.ref);
        }
        return refs;
    }

    /** The master gave up on the application: stops waiting for executors. */
    synchronized void applicationFailed(String reason) {
        failure = reason;
        notifyAll();
    }

    /** Why the master gave up on the application, or null. */
    String failure() {
        return failure;
    }

    /** Waits until {@code count} executors are registered; false on timeout or when the application failed. */
    public synchronized boolean awaitExecutors(int count, long timeoutMs) throws InterruptedException {
        return Monitors.await(this, () -> executors.size() >= count || failure != null, timeoutMs)
                && failure == null;
    }
}
