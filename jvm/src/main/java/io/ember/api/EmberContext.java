package io.ember.api;

import io.ember.core.Accumulator;
import io.ember.core.CleanupTask;
import io.ember.core.CollectionAccumulator;
import io.ember.core.ConfigKeys;
import io.ember.core.DoubleAccumulator;
import io.ember.core.EmberConf;
import io.ember.core.EmberException;
import io.ember.core.LongAccumulator;
import io.ember.deploy.ClusterBackend;
import io.ember.deploy.ClusterSetup;
import io.ember.deploy.FileServer;
import io.ember.deploy.LocalBackend;
import io.ember.deploy.MasterUrl;
import io.ember.executor.ExecutorMessages.FileKind;
import io.ember.rdd.Dependency;
import io.ember.rdd.EmptyRDD;
import io.ember.rdd.ObjectFileRDD;
import io.ember.rdd.ParallelCollectionRDD;
import io.ember.rdd.RDD;
import io.ember.rdd.RDDContext;
import io.ember.rdd.RangeRDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskEnv;
import io.ember.rdd.TaskFunction;
import io.ember.rdd.TextFileRDD;
import io.ember.rdd.UnionRDD;
import io.ember.rdd.WholeTextFilesRDD;
import io.ember.core.Tuple2;
import io.ember.scheduler.ConsoleProgressBar;
import io.ember.scheduler.ContextCleaner;
import io.ember.scheduler.DAGEventQueue;
import io.ember.scheduler.DAGScheduler;
import io.ember.scheduler.EmberListener;
import io.ember.scheduler.JobProgressLogger;
import io.ember.scheduler.JobProperties;
import io.ember.scheduler.JobWaiter;
import io.ember.scheduler.ListenerBus;
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
import io.ember.util.logging.EmberLogging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's entry point: creates RDDs, shared variables, and runs jobs on the engine.
 * One per application; {@link #stop()} (or close) releases its threads and local files.
 *
 * <pre>{@code
 * try (EmberContext ec = new EmberContext(new EmberConf().setMaster("local[2]").setAppName("wc"))) {
 *     long n = ec.textFile("in.txt").count();
 *     JavaPairRDD<String, Integer> counts = ec.parallelize(List.of("a", "b", "a"))
 *             .mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum);
 * }
 * }</pre>
 */
public final class EmberContext implements RDDContext, AutoCloseable {
    public static final String VERSION = "0.1.0";
    private static final Logger LOG = LoggerFactory.getLogger(EmberContext.class);

    private final EmberConf conf;
    /** The master URL, parsed once here; the Python driver asks for it rather than parsing it again. */
    private final MasterUrl masterUrl;
    private final String appId;
    private final long startTime = System.currentTimeMillis();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger nextRddId = new AtomicInteger();
    private final AtomicInteger nextShuffleId = new AtomicInteger();
    private final Map<Long, Accumulator<?, ?>> accumulators = new ConcurrentHashMap<>();
    private final InheritableThreadLocal<Properties> localProperties = new InheritableThreadLocal<>() {
        @Override
        protected Properties childValue(Properties parent) {
            return parent == null ? null : (Properties) parent.clone();
        }
    };
    private final DiskBlockManager dirs;
    private final BlockManager blockManager;
    private final MapOutputTracker mapOutputs = new MapOutputTracker();
    private final ListenerBus bus = new ListenerBus();
    private final DAGScheduler dagScheduler;
    private final SchedulerBackend backend;
    /** The environment of the executor inside this JVM (local mode), else null. */
    private final TaskEnv localEnv;
    /** The backend when running on a cluster (ember:// or local-cluster), else null. */
    private final ClusterBackend cluster;
    private final BroadcastManager broadcasts;
    /** Removes what unreferenced RDDs, shuffles and broadcasts left; null when reference tracking is off. */
    private final ContextCleaner cleaner;
    private final FileServer files;
    private final ConsoleProgressBar progressBar;
    private final StatusTracker statusTracker = new StatusTracker();
    private volatile String checkpointDir;
    /** Why the cluster manager gave up on the application, once it has. */
    private volatile String clusterFailure;

    public EmberContext(EmberConf conf) {
        this.conf = conf.copy();
        String logLevel = this.conf.get(ConfigKeys.LOG_LEVEL);
        if (!logLevel.isEmpty()) {
            EmberLogging.setLevel(logLevel);
        }
        for (String key : this.conf.unknownKeys()) {
            LOG.warn("Unknown configuration key {} (ignored); see docs/configuration.md for the documented keys", key);
        }
        MasterUrl master = MasterUrl.parse(this.conf.get(ConfigKeys.MASTER));
        this.masterUrl = master;
        List<String> localDirs = this.conf.getList(ConfigKeys.LOCAL_DIRS);
        this.dirs = new DiskBlockManager(localDirs.isEmpty() ? List.of(System.getProperty("java.io.tmpdir"))
                : localDirs);
        long heap = Runtime.getRuntime().maxMemory();
        long usable = heap - Math.min(300L << 20, heap / 4);
        MemoryManager memory = new MemoryManager((long) (usable * this.conf.getDouble(ConfigKeys.MEMORY_FRACTION)),
                this.conf.getDouble(ConfigKeys.STORAGE_FRACTION));
        KryoSerializer serializer = new KryoSerializer();
        this.blockManager = new BlockManager(LocalBackend.EXECUTOR_ID, memory, dirs, serializer);
        this.broadcasts = new BroadcastManager(blockManager);
        this.files = FileServer.create();
        EmberFiles.driverStarted(files);
        // as Spark: local and local[N] run each task once (local[N,F] for F attempts); the
        // cluster modes retry up to ember.task.maxFailures times
        int maxFailures = master.maxFailures() > 0 ? master.maxFailures()
                : master.kind() == MasterUrl.Kind.LOCAL ? 1 : this.conf.getInt(ConfigKeys.TASK_MAX_FAILURES);
        DAGEventQueue dagEvents = new DAGEventQueue();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        TaskEnv localEnv = master.isLocal() ? new TaskEnv(LocalBackend.EXECUTOR_ID, this.conf, serializer, blockManager,
                memory, mapOutputs, broadcasts::fetch, files) : null;
        this.localEnv = localEnv;
        TaskSchedulerImpl taskScheduler;
        try {
            taskScheduler = new TaskSchedulerImpl(maxFailures, this.conf.getMillis(ConfigKeys.LOCALITY_WAIT), bus,
                    dagEvents, roles -> localEnv != null
                            ? new LocalBackend(roles, master.threads(), localEnv, loader)
                            : ClusterSetup.start(master, this.conf, roles, mapOutputs, broadcasts::fetch, files, loader,
                                    this::stopAfterClusterFailure));
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
                this.conf.getInt(ConfigKeys.STAGE_MAX_ATTEMPTS), cluster != null ? cluster::executorsWith : (rddId, partition) ->
                blockManager.contains(new BlockId.RddBlock(rddId, partition)) ? List.of(LocalBackend.EXECUTOR_ID) : List.of());
        this.cleaner = this.conf.getBoolean(ConfigKeys.CLEANER_REFERENCE_TRACKING)
                ? new ContextCleaner(new DriverCleanup(this::unpersistRdd, dagScheduler, this::deleteShuffleFiles,
                        broadcasts), this.conf.getMillis(ConfigKeys.CLEANER_PERIODIC_GC_INTERVAL), System::gc)
                : null;
        String progress = this.conf.get(ConfigKeys.PROGRESS_BAR);
        boolean showProgress = progress.isEmpty() ? Terminal.stderrIsTerminal() : Boolean.parseBoolean(progress);
        this.progressBar = showProgress ? new ConsoleProgressBar(System.err) : null;
        if (progressBar != null) {
            bus.addListener(progressBar);
        }
        bus.addListener(statusTracker);
        bus.addListener(new JobProgressLogger());
        String cp = this.conf.get(ConfigKeys.CHECKPOINT_DIR);
        if (!cp.isEmpty()) {
            setCheckpointDir(cp);
        }
        bus.start();
        backend.start();
        dagScheduler.start();
        if (cleaner != null) {
            cleaner.start();
        }
        for (String jar : this.conf.getList(ConfigKeys.JARS)) {
            addJar(jar);
        }
        for (String file : this.conf.getList(ConfigKeys.FILES)) {
            addFile(file, true);
        }
    }

    public EmberContext(String master, String appName) {
        this(new EmberConf().setMaster(master).setAppName(appName));
    }

    // ---- creating RDDs ----
    // These return Java API wrappers; engine code and the Python bridge call rdd() on them.

    /** Distributes a local list into {@code numSlices} partitions of contiguous elements. */
    public <T> JavaRDD<T> parallelize(List<T> data, int numSlices) {
        assertRunning();
        if (numSlices < 1) {
            throw new IllegalArgumentException("numSlices must be positive, got " + numSlices);
        }
        return new JavaRDD<>(new ParallelCollectionRDD<>(this, data, numSlices));
    }

    /** Distributes a local list into the default parallelism's number of partitions. */
    public <T> JavaRDD<T> parallelize(List<T> data) {
        return parallelize(data, defaultParallelism());
    }

    /** Distributes a local list of pairs as a pair RDD. */
    public <K, V> JavaPairRDD<K, V> parallelizePairs(List<Tuple2<K, V>> data, int numSlices) {
        return new JavaPairRDD<>(parallelize(data, numSlices).rdd());
    }

    /** Distributes a local list of pairs into the default parallelism's number of partitions. */
    public <K, V> JavaPairRDD<K, V> parallelizePairs(List<Tuple2<K, V>> data) {
        return parallelizePairs(data, defaultParallelism());
    }

    /** Distributes a local list of doubles as a double RDD. */
    public JavaDoubleRDD parallelizeDoubles(List<Double> data, int numSlices) {
        return new JavaDoubleRDD(parallelize(data, numSlices).rdd());
    }

    /** Distributes a local list of doubles into the default parallelism's number of partitions. */
    public JavaDoubleRDD parallelizeDoubles(List<Double> data) {
        return parallelizeDoubles(data, defaultParallelism());
    }

    /** Longs from start (inclusive) to end (exclusive) by step, generated in the tasks. */
    public JavaRDD<Long> range(long start, long end, long step, int numSlices) {
        assertRunning();
        return new JavaRDD<>(new RangeRDD(this, start, end, step, numSlices));
    }

    /** Longs from start (inclusive) to end (exclusive), in the default parallelism's partitions. */
    public JavaRDD<Long> range(long start, long end) {
        return range(start, end, 1, defaultParallelism());
    }

    /** Lines of text files: a file, a directory, a glob, or a comma-separated list of those. */
    public JavaRDD<String> textFile(String path, int minPartitions) {
        assertRunning();
        return new JavaRDD<>(new TextFileRDD(this, path, minPartitions));
    }

    /** Lines of text files, in at least min(defaultParallelism, 2) partitions. */
    public JavaRDD<String> textFile(String path) {
        return textFile(path, defaultMinPartitions());
    }

    /** One (path, content) pair per file. */
    public JavaPairRDD<String, String> wholeTextFiles(String path, int minPartitions) {
        assertRunning();
        return new JavaPairRDD<>(new WholeTextFilesRDD(this, path, minPartitions));
    }

    /** One (path, content) pair per file, in at least min(defaultParallelism, 2) partitions. */
    public JavaPairRDD<String, String> wholeTextFiles(String path) {
        return wholeTextFiles(path, defaultMinPartitions());
    }

    /** The elements written by saveAsObjectFile. */
    public <T> JavaRDD<T> objectFile(String path) {
        assertRunning();
        return new JavaRDD<>(new ObjectFileRDD<>(this, path));
    }

    /** An RDD with no partitions. */
    public <T> JavaRDD<T> emptyRDD() {
        return new JavaRDD<>(new EmptyRDD<>(this));
    }

    /** The elements of all the RDDs, duplicates kept (an empty RDD for an empty list). */
    public <T> JavaRDD<T> union(List<JavaRDD<T>> rdds) {
        if (rdds.isEmpty()) {
            return emptyRDD();
        }
        List<RDD<T>> engine = new ArrayList<>(rdds.size());
        for (JavaRDD<T> r : rdds) {
            engine.add(r.rdd());
        }
        return new JavaRDD<>(new UnionRDD<>(this, engine));
    }

    /** The elements of all the given RDDs, duplicates kept. */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public final <T> JavaRDD<T> union(JavaRDD<T>... rdds) {
        return union(Arrays.asList(rdds));
    }

    // ---- shared variables ----

    public <T> Broadcast<T> broadcast(T value) {
        assertRunning();
        Broadcast<T> b = broadcasts.create(value);
        registerForCleanup(b, new CleanupTask.CleanBroadcast(b.id()));
        return b;
    }

    /**
     * Calls {@code listener} with a broadcast's id when its executor copies are dropped, and
     * {@code destroyed} true when its value is gone too (destroy, or no longer referenced).
     */
    public void onBroadcastRemoved(java.util.function.ObjLongConsumer<Boolean> listener) {
        broadcasts.addRemovalListener((id, destroyed) -> listener.accept(destroyed, id));
    }

    /** Registers an accumulator so that task updates merge into it. */
    public <A extends Accumulator<?, ?>> A register(A acc, String name) {
        acc.setName(name);
        accumulators.put(acc.id(), acc);
        return acc;
    }

    public LongAccumulator longAccumulator(String name) {
        return register(new LongAccumulator(), name);
    }

    public DoubleAccumulator doubleAccumulator(String name) {
        return register(new DoubleAccumulator(), name);
    }

    public <T> CollectionAccumulator<T> collectionAccumulator(String name) {
        return register(new CollectionAccumulator<>(), name);
    }

    // ---- jobs ----

    @Override
    public <T, U> void runJob(RDD<T> rdd, TaskFunction<T, U> func, int[] partitions, BiConsumer<Integer, U> handler) {
        assertRunning();
        for (int p : partitions) {
            if (p < 0 || p >= rdd.partitions().length) {
                throw new IllegalArgumentException("Partition " + p + " does not exist in RDD " + rdd.id()
                        + " (it has " + rdd.partitions().length + ")");
            }
        }
        @SuppressWarnings("unchecked")
        BiConsumer<Integer, Object> h = (BiConsumer<Integer, Object>) (BiConsumer<?, ?>) handler;
        JobWaiter waiter = dagScheduler.submitJob(rdd, func, partitions, h, currentProperties());
        try {
            waiter.await();
        } catch (InterruptedException e) {
            dagScheduler.cancelJob(waiter.jobId(), "the waiting thread was interrupted");
            Thread.currentThread().interrupt();
            throw new EmberException("Interrupted while waiting for job " + waiter.jobId(), e);
        } finally {
            if (progressBar != null) {
                progressBar.jobFinished(waiter.jobId());
            }
        }
        rdd.doCheckpoint();
    }

    private Properties currentProperties() {
        Properties p = localProperties.get();
        return p == null ? new Properties() : (Properties) p.clone();
    }

    public void setLocalProperty(String key, String value) {
        Properties p = localProperties.get();
        if (p == null) {
            p = new Properties();
            localProperties.set(p);
        }
        if (value == null) {
            p.remove(key);
        } else {
            p.setProperty(key, value);
        }
    }

    public String getLocalProperty(String key) {
        Properties p = localProperties.get();
        return p == null ? null : p.getProperty(key);
    }

    /** Tags jobs started by this thread, so they can be cancelled together. */
    public void setJobGroup(String groupId, String description, boolean interruptOnCancel) {
        setLocalProperty(JobProperties.JOB_GROUP, groupId);
        setLocalProperty(JobProperties.JOB_DESCRIPTION, description);
        setLocalProperty(JobProperties.INTERRUPT_ON_CANCEL, String.valueOf(interruptOnCancel));
    }

    public void clearJobGroup() {
        setLocalProperty(JobProperties.JOB_GROUP, null);
        setLocalProperty(JobProperties.JOB_DESCRIPTION, null);
        setLocalProperty(JobProperties.INTERRUPT_ON_CANCEL, null);
    }

    public void setJobDescription(String description) {
        setLocalProperty(JobProperties.JOB_DESCRIPTION, description);
    }

    public void cancelJobGroup(String groupId) {
        dagScheduler.cancelJobGroup(groupId);
    }

    public void cancelAllJobs() {
        dagScheduler.cancelAllJobs();
        if (progressBar != null) {
            progressBar.cancelAll();
        }
    }

    public void addListener(EmberListener listener) {
        bus.addListener(listener);
    }

    public ListenerBus listenerBus() {
        return bus;
    }

    /** Recent jobs and stages, for monitoring. */
    public StatusTracker statusTracker() {
        return statusTracker;
    }

    // ---- checkpoints and caching ----

    /**
     * Checkpoints go to a new directory {@code <dir>/<random UUID>} of this application (as
     * Spark's), so applications sharing {@code dir} never mix or overwrite their files; each
     * RDD writes {@code rdd-<id>} in it. {@link #checkpointDir()} names that directory.
     */
    public void setCheckpointDir(String dir) {
        Path appDir = Path.of(dir).resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(appDir);
        } catch (IOException e) {
            throw new EmberException("Cannot create checkpoint directory " + dir + ": " + e.getMessage(), e);
        }
        checkpointDir = appDir.toString();
    }

    @Override
    public Optional<String> checkpointDir() {
        return Optional.ofNullable(checkpointDir);
    }

    @Override
    public void registerForCleanup(Object owner, CleanupTask task) {
        if (cleaner != null) {
            cleaner.register(owner, task);
        }
    }

    /** What the driver holds for running and finished work (monitoring, and tests that it stays bounded). */
    public DriverFootprint footprint() {
        assertRunning();
        DAGScheduler.Sizes sizes;
        try {
            sizes = dagScheduler.sizes().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmberException("Interrupted while reading the scheduler's state", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new EmberException("Cannot read the scheduler's state: " + e, e);
        }
        return new DriverFootprint(sizes.stages(), sizes.shuffleStages(), sizes.activeJobs(), mapOutputs.shuffleCount(),
                blockManager.allIds().size(), broadcasts.size(), cleaner == null ? 0 : cleaner.trackedCount());
    }

    @Override
    public void unpersistRdd(int rddId) {
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
     * persisted or checkpointed RDDs. Jobs that need them later recompute them from lineage.
     * Returns the ids of the cleaned shuffles.
     */
    public int[] cleanShuffleDependencies(RDD<?> rdd) {
        java.util.Set<Integer> cleaned = new java.util.LinkedHashSet<>();
        io.ember.rdd.Lineage.walk(rdd, r -> {
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

    /** The local executor's block manager (tests and the Python bridge). */
    public BlockManager blockManager() {
        return blockManager;
    }

    public DiskBlockManager diskBlockManager() {
        return dirs;
    }

    // ---- shipping files ----

    /** Ships a file to every executor, where tasks find it under its name in their SparkFiles root. */
    public void addFile(String path) {
        addFile(path, false);
    }

    /** As {@link #addFile(String)}; with {@code recursive}, a directory and everything in it. */
    public void addFile(String path, boolean recursive) {
        assertRunning();
        files.addFile(path, recursive);
    }

    /** Ships a jar to every executor, where it joins the class loader of later tasks. */
    public void addJar(String path) {
        assertRunning();
        files.addJar(path);
    }

    /** Ships an archive (.zip, .jar, .tar, .tar.gz, .tgz), unpacked on executors into a directory {@code name}. */
    public void addArchive(String path, String name) {
        assertRunning();
        files.addArchive(path, name);
    }

    /** URIs of the files added with addFile. */
    public List<String> listFiles() {
        return files.uris(FileKind.FILE);
    }

    /** URIs of the jars added with addJar (and ember.jars). */
    public List<String> listJars() {
        return files.uris(FileKind.JAR);
    }

    /** The driver's directory of added files (the SparkFiles root of the driver and of local tasks). */
    public String filesDir() {
        return files.root().getPath();
    }

    /** The driver's registry of shipped files (the Python bridge registers its broadcasts there). */
    public FileServer fileServer() {
        return files;
    }

    // ---- info and lifecycle ----

    /**
     * Changes the level of the engine's logging in this JVM now: ALL, TRACE, DEBUG, INFO, WARN,
     * ERROR, FATAL or OFF (start-up default: the ember.log.level key, else the ember.log.level
     * system property, else WARN). INFO shows each job, stage and task starting and ending.
     */
    public void setLogLevel(String level) {
        EmberLogging.setLevel(level);
    }

    @Override
    public int newRddId() {
        return nextRddId.getAndIncrement();
    }

    @Override
    public int newShuffleId() {
        return nextShuffleId.getAndIncrement();
    }

    @Override
    public int defaultParallelism() {
        String configured = conf.get(ConfigKeys.DEFAULT_PARALLELISM);
        return configured.isEmpty() ? backend.defaultParallelism() : conf.getInt(ConfigKeys.DEFAULT_PARALLELISM);
    }

    @Override
    public EmberConf conf() {
        return conf;
    }

    public EmberConf getConf() {
        return conf.copy();
    }

    public String applicationId() {
        return appId;
    }

    /**
     * The environment of the executor that runs tasks inside this JVM (local mode); empty on a
     * cluster. The Python bridge starts that executor's Python workers early through it.
     */
    public Optional<TaskEnv> driverExecutorEnv() {
        return Optional.ofNullable(localEnv);
    }

    /** The parsed master URL (its kind, local threads, cluster shape). */
    public MasterUrl masterUrl() {
        return masterUrl;
    }

    /** True when tasks run on threads of this JVM ({@code local}, {@code local[N]}, ...). */
    public boolean isLocal() {
        return masterUrl.isLocal();
    }

    public String master() {
        return conf.get(ConfigKeys.MASTER);
    }

    public String appName() {
        return conf.get(ConfigKeys.APP_NAME);
    }

    public long startTime() {
        return startTime;
    }

    public String version() {
        return VERSION;
    }

    public boolean isStopped() {
        return stopped.get();
    }

    @Override
    public void assertRunning() {
        String failure = clusterFailure;
        if (stopped.get() || failure != null) {
            throw new EmberException("Cannot call methods on a stopped EmberContext (application " + appId + ")"
                    + (failure == null ? "" : "; it stopped because " + failure));
        }
    }

    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (cleaner != null) {
            cleaner.stop();
        }
        dagScheduler.stop();
        backend.stop();
        if (progressBar != null) {
            progressBar.stop();
        }
        bus.stop();
        dirs.stop();
        EmberFiles.driverStopped(files);
        files.close();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The master gave up on the application (its executors kept failing): running jobs fail with
     * the master's reason, and the context stops (later calls name the reason too).
     */
    private void stopAfterClusterFailure(String reason) {
        clusterFailure = reason;
        if (dagScheduler == null) {
            return; // the master gave up while this context was being built: the constructor fails
        }
        dagScheduler.failAllJobs(reason);
        Thread t = new Thread(() -> {
            LOG.error("Stopping the context of application {}: {}", appId, reason);
            stop();
        }, "ember-context-stop");
        t.setDaemon(true);
        t.start();
    }
}
