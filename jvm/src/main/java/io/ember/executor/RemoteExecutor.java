package io.ember.executor;

import io.ember.core.ConfigKeys;
import io.ember.core.EmberConf;
import io.ember.executor.ExecutorMessages.BlockStatus;
import io.ember.executor.ExecutorMessages.CopyBlock;
import io.ember.executor.ExecutorMessages.GetBlockLocations;
import io.ember.executor.ExecutorMessages.GetBroadcast;
import io.ember.executor.ExecutorMessages.GetPeers;
import io.ember.executor.ExecutorMessages.Heartbeat;
import io.ember.executor.ExecutorMessages.KillTask;
import io.ember.executor.ExecutorMessages.LaunchTask;
import io.ember.executor.ExecutorMessages.RegisterExecutor;
import io.ember.executor.ExecutorMessages.RemoveBroadcast;
import io.ember.executor.ExecutorMessages.RemoveRdd;
import io.ember.executor.ExecutorMessages.RemoveShuffle;
import io.ember.executor.ExecutorMessages.RetrieveConf;
import io.ember.executor.ExecutorMessages.StatusUpdate;
import io.ember.executor.ExecutorMessages.StopExecutor;
import io.ember.rdd.ExecutorServices;
import io.ember.rdd.TaskEnv;
import io.ember.rpc.BlockRegion;
import io.ember.rpc.RpcCallContext;
import io.ember.rpc.RpcEndpoint;
import io.ember.rpc.RpcEnv;
import io.ember.rpc.RpcRef;
import io.ember.scheduler.SerializedTaskStatus;
import io.ember.scheduler.TaskDescription;
import io.ember.scheduler.TaskEndReason;
import io.ember.scheduler.TaskOutcome;
import io.ember.scheduler.TaskStatusSink;
import io.ember.serializer.ClosureSerializer;
import io.ember.serializer.KryoSerializer;
import io.ember.shuffle.ShuffleBlockResolver;
import io.ember.shuffle.ShuffleTransport;
import io.ember.storage.BlockId;
import io.ember.storage.BlockManager;
import io.ember.storage.StorageLevel;
import io.ember.storage.DiskBlockManager;
import io.ember.storage.MemoryManager;
import io.ember.util.logging.EmberLogging;
import java.io.File;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An executor in its own JVM: fetches the driver's settings, builds its block manager and task
 * environment, registers with the driver, runs the tasks the driver launches on an
 * {@link Executor} and reports their ends, heartbeats, and serves its shuffle files to other
 * executors. It ends when the driver says {@link StopExecutor}, when the driver's connection
 * closes, or when heartbeats go unanswered three times in a row.
 *
 * <p>Threading: RPC messages arrive on the endpoint's thread; task ends are reported from task
 * threads; heartbeats run on their own timer thread.
 */
public final class RemoteExecutor implements RpcEndpoint, TaskStatusSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteExecutor.class);
    /** The tasks' environment; its memory budget and services feed the heartbeat. */
    private final TaskEnv env;
    private static final int MAX_MISSED_HEARTBEATS = 3;

    private final String executorId;
    private final RpcEnv rpc;
    private final RpcRef driver;
    private final ClassLoader loader;
    private final FileFetcher files;
    private final Duration timeout;
    private final DiskBlockManager dirs;
    private final BlockManager blockManager;
    private final DriverMapOutputSource mapOutputs;
    private final Executor executor;
    private final ScheduledExecutorService heartbeats;
    private final AtomicInteger missedHeartbeats = new AtomicInteger();
    private final Set<InetSocketAddress> driverConnections = ConcurrentHashMap.newKeySet();
    private boolean closed; // guarded by this
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile int exitCode;

    /**
     * Connects to the driver and registers; throws when the driver cannot be reached or refuses.
     *
     * @param workDir where shipped files go, and blocks and shuffle files (under an ember-uuid
     *                directory removed at the end)
     * @param loader  the tasks' class loader, which shipped jars join
     * @param logUrls where the worker serves this JVM's logs, by name, told to the driver
     */
    public RemoteExecutor(RpcEnv rpc, String driverHost, int driverPort, String executorId, int cores,
                          String workDir, ExecutorClassLoader loader, Map<String, String> logUrls) {
        this.executorId = executorId;
        this.rpc = rpc;
        this.loader = loader;
        this.driver = rpc.ref(driverHost, driverPort, ExecutorMessages.DRIVER_ENDPOINT);
        Map<String, String> settings = driver.ask(new RetrieveConf(executorId), Duration.ofSeconds(30));
        EmberConf conf = new EmberConf(false);
        settings.forEach(conf::set);
        String logLevel = conf.get(ConfigKeys.LOG_LEVEL);
        if (!logLevel.isEmpty()) {
            EmberLogging.setLevel(logLevel); // the driver validated it when its context started
        }
        this.timeout = Duration.ofMillis(conf.getMillis(ConfigKeys.NETWORK_TIMEOUT));
        this.dirs = new DiskBlockManager(List.of(workDir));
        this.files = new FileFetcher(new File(workDir), rpc, driver, loader, timeout);
        long heap = Runtime.getRuntime().maxMemory();
        long usable = heap - Math.min(300L << 20, heap / 4);
        MemoryManager memory = new MemoryManager((long) (usable * conf.getDouble(ConfigKeys.MEMORY_FRACTION)),
                conf.getDouble(ConfigKeys.STORAGE_FRACTION));
        KryoSerializer serializer = new KryoSerializer();
        this.blockManager = new BlockManager(executorId, memory, dirs, serializer);
        this.mapOutputs = new DriverMapOutputSource(driver, timeout);
        InetSocketAddress self = rpc.address();
        String host = self.getHostString();
        ShuffleTransport transport = new ShuffleTransport(host, self.getPort(),
                (h, p, block) -> rpc.fetchBlock(h, p, block, timeout));
        TaskEnv env = new TaskEnv(executorId, conf, serializer, blockManager, memory, mapOutputs,
                id -> driver.ask(new GetBroadcast(id), timeout), transport, files, new ExecutorServices());
        this.env = env;
        this.executor = new Executor(env, this, loader);
        ShuffleBlockResolver shuffleBlocks = new ShuffleBlockResolver(dirs);
        rpc.setBlockProvider(name -> BlockId.RddBlock.parse(name)
                .map(b -> blockManager.serializedValues(b).map(BlockRegion::of).orElse(null))
                .orElseGet(() -> shuffleBlocks.region(name)));
        blockManager.setRemoteBlocks(this::fetchCachedBlock);
        blockManager.setReplicas(this::replicate);
        // block changes reach the driver's storage page; sent on the connection task ends use, so before them
        blockManager.setStatusListener(this::reportBlock);
        rpc.register(ExecutorMessages.EXECUTOR_ENDPOINT, this);
        driver.ask(new RegisterExecutor(executorId, host, self.getPort(), cores, logUrls), timeout);
        long interval = conf.getMillis(ConfigKeys.EXECUTOR_HEARTBEAT_INTERVAL);
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ember-executor-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeats.scheduleWithFixedDelay(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("Executor {} registered with the driver at {}:{}; serving blocks at {}:{}", executorId, driverHost,
                driverPort, host, self.getPort());
    }

    /**
     * Has {@code copies} other executors (chosen at random) fetch and store a block this one
     * just cached at a replicated level; returns once they have (or failed, which is logged).
     */
    private void replicate(BlockId id, StorageLevel level, int copies) {
        if (!(id instanceof BlockId.RddBlock block)) {
            return;
        }
        List<InetSocketAddress> peers = new ArrayList<>(driver.<List<InetSocketAddress>>ask(new GetPeers(executorId),
                timeout));
        Collections.shuffle(peers);
        if (peers.size() < copies) {
            LOG.warn("Block {} asks for {} replicas but only {} other executors exist", block.name(),
                    level.replication(), peers.size());
        }
        InetSocketAddress self = rpc.address();
        for (InetSocketAddress peer : peers.subList(0, Math.min(copies, peers.size()))) {
            try {
                rpc.ref(peer.getHostString(), peer.getPort(), ExecutorMessages.EXECUTOR_ENDPOINT)
                        .ask(new CopyBlock(block, level, self.getHostString(), self.getPort()), timeout);
            } catch (RuntimeException e) {
                LOG.warn("Cannot replicate block {} to {}: {}", block.name(), peer, e.getMessage());
            }
        }
    }

    /** Tells the driver where a block is now (for its UI); a driver that is gone is no task's problem. */
    private void reportBlock(String id, BlockId.RddBlock block, StorageLevel level, long inMemory, long onDisk) {
        try {
            driver.send(new BlockStatus(id, block, level.isValid() ? level.toString() : "None", inMemory, onDisk));
        } catch (RuntimeException e) {
            LOG.debug("Could not report block {} to the driver", block, e);
        }
    }

    /** A cached RDD partition read from another executor that reported holding it; empty when none can serve it. */
    private Optional<byte[]> fetchCachedBlock(BlockId id) {
        if (!(id instanceof BlockId.RddBlock block)) {
            return Optional.empty();
        }
        List<InetSocketAddress> holders = driver.ask(new GetBlockLocations(block, executorId), timeout);
        for (InetSocketAddress holder : holders) {
            try {
                return Optional.of(rpc.fetchBlock(holder.getHostString(), holder.getPort(), block.name(), timeout));
            } catch (RuntimeException e) {
                LOG.warn("Cannot read cached block {} from {}: {}", block.name(), holder, e.getMessage());
            }
        }
        return Optional.empty();
    }

    @Override
    public Object receive(Object message, RpcCallContext context) {
        if (!(message instanceof CopyBlock)) {
            driverConnections.add(context.sender()); // everything else comes from the driver
        }
        if (message instanceof LaunchTask l) {
            launch(l);
        } else if (message instanceof CopyBlock c) {
            blockManager.putReplica(c.block(), rpc.fetchBlock(c.host(), c.port(), c.block().name(), timeout), c.level());
            return Boolean.TRUE;
        } else if (message instanceof KillTask k) {
            executor.killTask(k.taskId(), k.interruptThread(), k.reason());
        } else if (message instanceof RemoveRdd r) {
            blockManager.removeRdd(r.rddId());
        } else if (message instanceof RemoveBroadcast b) {
            blockManager.remove(new BlockId.Broadcast(b.broadcastId()));
            files.evict(new BlockId.BroadcastFile(b.broadcastId()).name());
        } else if (message instanceof RemoveShuffle r) {
            for (int m = 0; m < r.numMaps(); m++) {
                dirs.file(new BlockId.ShuffleData(r.shuffleId(), m)).delete();
                dirs.file(new BlockId.ShuffleIndex(r.shuffleId(), m)).delete();
            }
            mapOutputs.invalidate(r.shuffleId());
        } else if (message instanceof StopExecutor) {
            LOG.info("Executor {} asked to stop by the driver", executorId);
            end(0);
        } else {
            throw new IllegalArgumentException("Unexpected message " + message);
        }
        return null;
    }

    /** A closed connection of the driver's means the driver is gone; other executors' (CopyBlock) come and go. */
    @Override
    public void onDisconnected(InetSocketAddress remote) {
        if (driverConnections.contains(remote)) {
            fail("Executor {} lost its connection to the driver ({}); exiting", executorId, remote);
        }
    }

    private void launch(LaunchTask l) {
        mapOutputs.updateEpoch(l.epoch());
        TaskDescription td;
        try {
            files.sync(l.filesVersion());
            td = ClosureSerializer.deserialize(l.taskDescription(), loader);
        } catch (RuntimeException e) {
            statusUpdate(l.taskId(), new TaskOutcome.Failed(new TaskEndReason.ExceptionFailure(e)));
            return;
        }
        executor.launchTask(td);
    }

    @Override
    public void statusUpdate(long taskId, TaskOutcome outcome) {
        driver.send(new StatusUpdate(executorId, taskId, SerializedTaskStatus.encode(outcome), cachedBlocks()));
    }

    private List<BlockId.RddBlock> cachedBlocks() {
        List<BlockId.RddBlock> blocks = new ArrayList<>();
        for (BlockId id : blockManager.allIds()) {
            if (id instanceof BlockId.RddBlock r) {
                blocks.add(r);
            }
        }
        return blocks;
    }

    private void heartbeat() {
        try {
            Runtime rt = Runtime.getRuntime();
            Boolean known = driver.ask(new Heartbeat(executorId, cachedBlocks(), executor.progress(),
                    rt.totalMemory() - rt.freeMemory(), env.memory().maxMemory(), env.services().liveProcesses()),
                    timeout);
            missedHeartbeats.set(0);
            if (!Boolean.TRUE.equals(known)) {
                fail("The driver no longer knows executor {}; exiting", executorId);
            }
        } catch (RuntimeException e) {
            int missed = missedHeartbeats.incrementAndGet();
            LOG.warn("Executor {} missed heartbeat {} of {}: {}", executorId, missed, MAX_MISSED_HEARTBEATS, e.getMessage());
            if (missed >= MAX_MISSED_HEARTBEATS) {
                fail("Executor {} cannot reach the driver; exiting", executorId);
            }
        }
    }

    /** Makes {@link #awaitEnd} return {@code code}; the first call wins. */
    void end(int code) {
        synchronized (ended) {
            if (ended.getCount() > 0) {
                exitCode = code;
                ended.countDown();
            }
        }
    }

    /**
     * Ends with exit code 1 because something the executor needs went away, logging why at
     * ERROR, unless it is already ending: once the driver has said {@link StopExecutor} (or the
     * worker has sent SIGTERM), the driver's connection and the worker's pipe close as expected,
     * and a normal shutdown logs no error.
     */
    void fail(String format, Object... args) {
        synchronized (ended) {
            if (ended.getCount() > 0) {
                LOG.error(format, args); // before the count down, so the line is out before the JVM exits
                exitCode = 1;
                ended.countDown();
            }
        }
    }

    /** Waits up to {@code ms} for the executor to be ending; true when it is. */
    boolean awaitEnd(long ms) throws InterruptedException {
        return ended.await(ms, TimeUnit.MILLISECONDS);
    }

    /** Blocks until the executor should end; returns the process exit code. */
    public int awaitEnd() throws InterruptedException {
        ended.await();
        return exitCode;
    }

    /**
     * Stops tasks, leaves the network and deletes this executor's block files. Idempotent; a
     * second caller (the shutdown hook on SIGTERM) waits until the first is done.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        end(0); // ending now: a driver or worker going away from here on is expected
        heartbeats.shutdownNow();
        executor.stop();
        try {
            executor.awaitTermination(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rpc.close();
        dirs.stop();
    }
}
