package io.ember.api;

import io.ember.core.Accumulator;
import io.ember.core.CleanupTask;
import io.ember.core.ConfigKeys;
import io.ember.core.EmberConf;
import io.ember.core.EmberException;
import io.ember.deploy.ClusterBackend;
import io.ember.deploy.ClusterSetup;
import io.ember.deploy.FileServer;
import io.ember.deploy.LocalBackend;
import io.ember.deploy.MasterUrl;
import io.ember.rdd.Dependency;
import io.ember.rdd.Lineage;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskEnv;
import io.ember.scheduler.ConsoleProgressBar;
import io.ember.scheduler.ContextCleaner;
import io.ember.scheduler.DAGEventQueue;
import io.ember.scheduler.DAGScheduler;
import io.ember.scheduler.JobProgressLogger;
import io.ember.scheduler.ListenerBus;
import io.ember.scheduler.ListenerEvent;
import io.ember.scheduler.SchedulerBackend;
import io.ember.scheduler.StatusTracker;
import io.ember.scheduler.TaskSchedulerImpl;
import io.ember.serializer.KryoSerializer;
import io.ember.shuffle.MapOutputTracker;
import io.ember.storage.BlockId;
import io.ember.storage.BlockManager;
import io.ember.storage.DiskBlockManager;
import io.ember.storage.MemoryManager;
import io.ember.util.Terminal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's engine, wired once from the settings: local dirs, block manager, broadcasts,
 * the shipped-file server, the task scheduler and its backend (local threads, or a cluster),
 * the DAG scheduler, the listener bus with its standard listeners, and the context cleaner.
 * {@link EmberContext} is the user-facing facade over it.
 *
 * <p>Threading: built and started on the constructing thread; afterwards its collaborators are
 * thread-safe and its own methods may be called from any thread. {@link #stop} runs once.
 */
final class DriverRuntime {
    /** Logs as the context, the name users know. */
    private static final Logger LOG = LoggerFactory.getLogger(EmberContext.class);

    final MasterUrl master;
    final String appId;
    final DiskBlockManager dirs;
    final BlockManager blockManager;
    final MapOutputTracker mapOutputs = new MapOutputTracker();
    final ListenerBus bus;
    /** Driver-side accumulators by id; updates of successful tasks merge into them. */
    final Map<Long, Accumulator<?, ?>> accumulators = new ConcurrentHashMap<>();
    final DAGScheduler dagScheduler;
    final SchedulerBackend backend;
    /** The environment of the executor inside this JVM (local mode), else null. */
    final TaskEnv localEnv;
    /** The backend when running on a cluster (ember:// or local-cluster), else null. */
    final ClusterBackend cluster;
    final BroadcastManager broadcasts;
    /** Removes what unreferenced RDDs, shuffles and broadcasts left; null when reference tracking is off. */
    final ContextCleaner cleaner;
    final FileServer files;
    final ConsoleProgressBar progressBar;
    final StatusTracker statusTracker = new StatusTracker();
    private final Runnable stopOwner;
    /** The started plug-ins (the web UI, the event log), stopped after the listener bus. */
    final List<DriverPlugin.Running> plugins;
    /** Why the cluster manager gave up on the application, once it has. */
    private volatile String clusterFailure;

    /**
     * Builds and starts the engine for {@code conf} (already copied by the caller).
     *
     * @param stopOwner stops the owning context, on its own thread, when the cluster manager gives up
     */
    DriverRuntime(EmberConf conf, long startTime, Runnable stopOwner) {
        this.stopOwner = stopOwner;
        this.bus = new ListenerBus(conf.getInt(ConfigKeys.LISTENER_BUS_CAPACITY));
        this.master = MasterUrl.parse(conf.get(ConfigKeys.MASTER));
        List<String> localDirs = conf.getList(ConfigKeys.LOCAL_DIRS);
        this.dirs = new DiskBlockManager(localDirs.isEmpty() ? List.of(System.getProperty("java.io.tmpdir"))
                : localDirs);
        long heap = Runtime.getRuntime().maxMemory();
        long usable = heap - Math.min(300L << 20, heap / 4);
        MemoryManager memory = new MemoryManager((long) (usable * conf.getDouble(ConfigKeys.MEMORY_FRACTION)),
                conf.getDouble(ConfigKeys.STORAGE_FRACTION));
        KryoSerializer serializer = new KryoSerializer();
        this.blockManager = new BlockManager(LocalBackend.EXECUTOR_ID, memory, dirs, serializer);
        this.broadcasts = new BroadcastManager(blockManager);
        this.files = FileServer.create();
        EmberFiles.driverStarted(files);
        // as Spark: local and local[N] run each task once (local[N,F] for F attempts); the
        // cluster modes retry up to ember.task.maxFailures times
        int maxFailures = master.maxFailures() > 0 ? master.maxFailures()
                : master.kind() == MasterUrl.Kind.LOCAL ? 1 : conf.getInt(ConfigKeys.TASK_MAX_FAILURES);
        DAGEventQueue dagEvents = new DAGEventQueue();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        TaskEnv localEnv = master.isLocal() ? new TaskEnv(LocalBackend.EXECUTOR_ID, conf, serializer, blockManager,
                memory, mapOutputs, broadcasts::fetch, files) : null;
        this.localEnv = localEnv;
        TaskSchedulerImpl taskScheduler;
        try {
            taskScheduler = new TaskSchedulerImpl(maxFailures, conf.getMillis(ConfigKeys.LOCALITY_WAIT), bus,
                    dagEvents, roles -> localEnv != null
                            ? new LocalBackend(roles, master.threads(), localEnv, loader)
                            : ClusterSetup.start(master, conf, roles, mapOutputs, broadcasts::fetch, files, loader,
                                    this::clusterFailed));
        } catch (RuntimeException e) {
            EmberFiles.driverStopped(files);
            files.close();
            dirs.stop();
            throw e;
        }
        this.backend = taskScheduler.backend();
        ClusterBackend cluster = backend instanceof ClusterBackend c ? c : null;
        if (cluster != null) {
            broadcasts.addRemovalListener((id, destroyed) -> cluster.removeBroadcast(id));
        }
        this.cluster = cluster;
        this.appId = cluster != null ? cluster.applicationId() : "local-" + startTime;
        this.dagScheduler = new DAGScheduler(dagEvents, taskScheduler, mapOutputs, bus, accumulators,
                conf.getInt(ConfigKeys.STAGE_MAX_ATTEMPTS), cluster != null ? cluster::executorsWith : (rddId, partition) ->
                blockManager.contains(new BlockId.RddBlock(rddId, partition)) ? List.of(LocalBackend.EXECUTOR_ID) : List.of());
        this.cleaner = conf.getBoolean(ConfigKeys.CLEANER_REFERENCE_TRACKING)
                ? new ContextCleaner(new DriverCleanup(this::unpersistRdd, dagScheduler, this::deleteShuffleFiles,
                        broadcasts), conf.getMillis(ConfigKeys.CLEANER_PERIODIC_GC_INTERVAL), System::gc)
                : null;
        String progress = conf.get(ConfigKeys.PROGRESS_BAR);
        boolean showProgress = progress.isEmpty() ? Terminal.stderrIsTerminal() : Boolean.parseBoolean(progress);
        this.progressBar = showProgress ? new ConsoleProgressBar(System.err) : null;
        if (progressBar != null) {
            bus.addListener(progressBar);
        }
        bus.addListener(statusTracker);
        bus.addListener(new JobProgressLogger());
        // the driver's block manager is the local executor's; cluster executors do not report blocks yet
        blockManager.setStatusListener((executor, block, level, inMemory, onDisk) -> bus.post(
                new ListenerEvent.BlockUpdated(executor, block.rddId(), block.partition(),
                        level.isValid() ? level.toString() : "None", inMemory, onDisk)));
        this.plugins = DriverPlugins.start(new DriverPlugin.AppContext(conf, appId, conf.get(ConfigKeys.APP_NAME),
                startTime, bus, new SchedulerJobControl(dagScheduler)));
        if (cluster != null) {
            reportUiToMaster(cluster, plugins);
        }
        bus.start();
        bus.post(new ListenerEvent.ApplicationStart(appId, conf.get(ConfigKeys.APP_NAME), startTime,
                System.getProperty("user.name", ""), EmberContext.VERSION));
        bus.post(new ListenerEvent.EnvironmentUpdate(AppEnvironment.of(conf)));
        backend.start();
        dagScheduler.start();
        if (cleaner != null) {
            cleaner.start();
        }
    }

    /**
     * Tells the master where the web UI is once it has bound (the master's UI links to it), on a
     * thread of its own since the UI binds off the start path.
     */
    private static void reportUiToMaster(ClusterBackend cluster, List<DriverPlugin.Running> plugins) {
        if (plugins.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> {
            for (DriverPlugin.Running p : plugins) {
                p.webUrl().ifPresent(cluster::reportUiUrl);
            }
        }, "ember-ui-url-to-master");
        t.setDaemon(true);
        t.start();
    }

    /** Why the cluster manager gave up on the application, or null. */
    String clusterFailure() {
        return clusterFailure;
    }

    /** Drops an RDD's cached partitions here and on every executor. */
    void unpersistRdd(int rddId) {
        if (cleaner != null) {
            cleaner.forget(new CleanupTask.CleanRdd(rddId));
        }
        blockManager.removeRdd(rddId);
        if (cluster != null) {
            cluster.removeRdd(rddId);
        }
    }

    /**
     * Deletes the map outputs of the shuffles {@code rdd} depends on, walking its lineage up to
     * persisted or checkpointed RDDs; returns the ids of the cleaned shuffles.
     */
    int[] cleanShuffleDependencies(RDD<?> rdd) {
        Set<Integer> cleaned = new LinkedHashSet<>();
        Lineage.walk(rdd, r -> {
            if (r != rdd && (r.getStorageLevel().isValid() || r.isCheckpointed())) {
                return false;
            }
            for (Dependency<?> d : r.dependencies()) {
                if (d instanceof ShuffleDependency<?, ?, ?> sd && cleaned.add(sd.shuffleId())) {
                    removeShuffleOutputs(sd.shuffleId(), sd.rdd().getNumPartitions());
                }
            }
            return true;
        });
        return cleaned.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Forgets a shuffle's map outputs and deletes its files; jobs that need it later recompute it. */
    private void removeShuffleOutputs(int shuffleId, int numMaps) {
        for (int m = 0; m < numMaps; m++) {
            mapOutputs.unregisterMapOutput(shuffleId, m);
        }
        deleteShuffleFiles(shuffleId, numMaps);
    }

    /** Deletes a shuffle's map output files here and on every executor. */
    private void deleteShuffleFiles(int shuffleId, int numMaps) {
        for (int m = 0; m < numMaps; m++) {
            dirs.file(new BlockId.ShuffleData(shuffleId, m)).delete();
            dirs.file(new BlockId.ShuffleIndex(shuffleId, m)).delete();
        }
        if (cluster != null) {
            cluster.removeShuffle(shuffleId, numMaps);
        }
    }

    /** What the driver holds for running and finished work. */
    DriverFootprint footprint() {
        DAGScheduler.Sizes sizes;
        try {
            sizes = dagScheduler.sizes().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmberException("Interrupted while reading the scheduler's state", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EmberException("Cannot read the scheduler's state: " + e, e);
        }
        return new DriverFootprint(sizes.stages(), sizes.shuffleStages(), sizes.activeJobs(), mapOutputs.shuffleCount(),
                blockManager.allIds().size(), broadcasts.size(), cleaner == null ? 0 : cleaner.trackedCount());
    }

    /** Stops everything, in dependency order: cleaner, schedulers, backend, listeners, files. */
    void stop() {
        if (cleaner != null) {
            cleaner.stop();
        }
        dagScheduler.stop();
        backend.stop();
        if (progressBar != null) {
            progressBar.stop();
        }
        bus.post(new ListenerEvent.ApplicationEnd(System.currentTimeMillis()));
        bus.stop();
        DriverPlugins.stop(plugins);
        dirs.stop();
        EmberFiles.driverStopped(files);
        files.close();
    }

    /**
     * The master gave up on the application (its executors kept failing): running jobs fail with
     * the master's reason, and the owning context stops (later calls name the reason too).
     */
    private void clusterFailed(String reason) {
        clusterFailure = reason;
        if (dagScheduler == null) {
            return; // the master gave up while the runtime was being built: the constructor fails
        }
        dagScheduler.failAllJobs(reason);
        Thread t = new Thread(() -> {
            LOG.error("Stopping the context of application {}: {}", appId, reason);
            stopOwner.run();
        }, "ember-context-stop");
        t.setDaemon(true);
        t.start();
    }
}
