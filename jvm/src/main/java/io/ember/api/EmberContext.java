package io.ember.api;

import io.ember.core.Accumulator;
import io.ember.core.CleanupTask;
import io.ember.core.CollectionAccumulator;
import io.ember.core.ConfigKeys;
import io.ember.core.DoubleAccumulator;
import io.ember.core.EmberConf;
import io.ember.core.EmberException;
import io.ember.core.LongAccumulator;
import io.ember.deploy.FileServer;
import io.ember.deploy.MasterUrl;
import io.ember.executor.ExecutorMessages.FileKind;
import io.ember.rdd.Dependency;
import io.ember.rdd.EmptyRDD;
import io.ember.rdd.ObjectFileRDD;
import io.ember.rdd.ParallelCollectionRDD;
import io.ember.rdd.RDD;
import io.ember.rdd.RDDContext;
import io.ember.rdd.RangeRDD;
import io.ember.rdd.TaskEnv;
import io.ember.rdd.TaskFunction;
import io.ember.rdd.TextFileRDD;
import io.ember.rdd.UnionRDD;
import io.ember.rdd.WholeTextFilesRDD;
import io.ember.core.Tuple2;
import io.ember.scheduler.EmberListener;
import io.ember.scheduler.JobProperties;
import io.ember.scheduler.JobWaiter;
import io.ember.scheduler.ListenerBus;
import io.ember.scheduler.StatusTracker;
import io.ember.storage.BlockManager;
import io.ember.storage.DiskBlockManager;
import io.ember.util.logging.EmberLogging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
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
    private final long startTime = System.currentTimeMillis();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger nextRddId = new AtomicInteger();
    private final AtomicInteger nextShuffleId = new AtomicInteger();
    private final InheritableThreadLocal<Properties> localProperties = new InheritableThreadLocal<>() {
        @Override
        protected Properties childValue(Properties parent) {
            return parent == null ? null : (Properties) parent.clone();
        }
    };
    /** The engine this context drives: schedulers, backend, block manager, cleaner, files. */
    private final DriverRuntime runtime;
    private volatile String checkpointDir;

    public EmberContext(EmberConf conf) {
        this.conf = conf.copy();
        String logLevel = this.conf.get(ConfigKeys.LOG_LEVEL);
        if (!logLevel.isEmpty()) {
            EmberLogging.setLevel(logLevel);
        }
        for (String key : this.conf.unknownKeys()) {
            LOG.warn("Unknown configuration key {} (ignored); see docs/configuration.md for the documented keys", key);
        }
        this.runtime = new DriverRuntime(this.conf, startTime, this::stop);
        String cp = this.conf.get(ConfigKeys.CHECKPOINT_DIR);
        if (!cp.isEmpty()) {
            setCheckpointDir(cp);
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
        Broadcast<T> b = runtime.broadcasts.create(value);
        registerForCleanup(b, new CleanupTask.CleanBroadcast(b.id()));
        return b;
    }

    /**
     * Calls {@code listener} with a broadcast's id when its executor copies are dropped, and
     * {@code destroyed} true when its value is gone too (destroy, or no longer referenced).
     */
    public void onBroadcastRemoved(java.util.function.ObjLongConsumer<Boolean> listener) {
        runtime.broadcasts.addRemovalListener((id, destroyed) -> listener.accept(destroyed, id));
    }

    /** Registers an accumulator so that task updates merge into it. */
    public <A extends Accumulator<?, ?>> A register(A acc, String name) {
        acc.setName(name);
        runtime.accumulators.put(acc.id(), acc);
        return acc;
    }

    /**
     * Removes an accumulator registered with {@link #register}: later task updates to it are
     * dropped, and the driver no longer holds it. Returns false when it was not registered.
     * The owner calls this when the accumulator's work is over (a cached query uncached).
     */
    public boolean unregister(Accumulator<?, ?> acc) {
        return runtime.accumulators.remove(acc.id(), acc);
    }

    /** How many accumulators the driver holds (monitoring, and tests that registrations end). */
    public int registeredAccumulators() {
        return runtime.accumulators.size();
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
        JobWaiter waiter = runtime.dagScheduler.submitJob(rdd, func, partitions, h, currentProperties());
        try {
            waiter.await();
        } catch (InterruptedException e) {
            runtime.dagScheduler.cancelJob(waiter.jobId(), "the waiting thread was interrupted");
            Thread.currentThread().interrupt();
            throw new EmberException("Interrupted while waiting for job " + waiter.jobId(), e);
        } finally {
            if (runtime.progressBar != null) {
                runtime.progressBar.jobFinished(waiter.jobId());
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
        runtime.dagScheduler.cancelJobGroup(groupId);
    }

    /** Cancels one job (a no-op when it has finished); its action fails as cancelled. */
    public void cancelJob(int jobId) {
        runtime.dagScheduler.cancelJob(jobId, "cancelled by the application");
    }

    /** Cancels every active job that needs stage {@code stageId} (Spark's cancelStage); a no-op when none does. */
    public void cancelStage(int stageId, String reason) {
        runtime.dagScheduler.cancelStage(stageId, reason);
    }

    public void cancelAllJobs() {
        runtime.dagScheduler.cancelAllJobs();
        if (runtime.progressBar != null) {
            runtime.progressBar.cancelAll();
        }
    }

    public void addListener(EmberListener listener) {
        runtime.bus.addListener(listener);
    }

    public ListenerBus listenerBus() {
        return runtime.bus;
    }

    /** Recent jobs and stages, for monitoring. */
    public StatusTracker statusTracker() {
        return runtime.statusTracker;
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
        if (runtime.cleaner != null) {
            runtime.cleaner.register(owner, task);
        }
    }

    /** What the driver holds for running and finished work (monitoring, and tests that it stays bounded). */
    public DriverFootprint footprint() {
        assertRunning();
        return runtime.footprint();
    }

    @Override
    public void unpersistRdd(int rddId) {
        runtime.unpersistRdd(rddId);
    }

    /**
     * Deletes the map outputs of the shuffles {@code rdd} depends on, walking its lineage up to
     * persisted or checkpointed RDDs. Jobs that need them later recompute them from lineage.
     * Returns the ids of the cleaned shuffles.
     */
    public int[] cleanShuffleDependencies(RDD<?> rdd) {
        return runtime.cleanShuffleDependencies(rdd);
    }

    /** The local executor's block manager (tests and the Python bridge). */
    public BlockManager blockManager() {
        return runtime.blockManager;
    }

    public DiskBlockManager diskBlockManager() {
        return runtime.dirs;
    }

    // ---- shipping files ----

    /** Ships a file to every executor, where tasks find it under its name in their SparkFiles root. */
    public void addFile(String path) {
        addFile(path, false);
    }

    /** As {@link #addFile(String)}; with {@code recursive}, a directory and everything in it. */
    public void addFile(String path, boolean recursive) {
        assertRunning();
        runtime.files.addFile(path, recursive);
    }

    /** Ships a jar to every executor, where it joins the class loader of later tasks. */
    public void addJar(String path) {
        assertRunning();
        runtime.files.addJar(path);
    }

    /** Ships an archive (.zip, .jar, .tar, .tar.gz, .tgz), unpacked on executors into a directory {@code name}. */
    public void addArchive(String path, String name) {
        assertRunning();
        runtime.files.addArchive(path, name);
    }

    /** URIs of the files added with addFile. */
    public List<String> listFiles() {
        return runtime.files.uris(FileKind.FILE);
    }

    /** URIs of the jars added with addJar (and ember.jars). */
    public List<String> listJars() {
        return runtime.files.uris(FileKind.JAR);
    }

    /** The driver's directory of added files (the SparkFiles root of the driver and of local tasks). */
    public String filesDir() {
        return runtime.files.root().getPath();
    }

    /** The driver's registry of shipped files (the Python bridge registers its broadcasts there). */
    public FileServer fileServer() {
        return runtime.files;
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
        return configured.isEmpty() ? runtime.backend.defaultParallelism() : conf.getInt(ConfigKeys.DEFAULT_PARALLELISM);
    }

    @Override
    public EmberConf conf() {
        return conf;
    }

    public EmberConf getConf() {
        return conf.copy();
    }

    /**
     * The address of this application's web UI (http://host:port), or empty when the UI is off
     * ({@code ember.ui.enabled=false}) or not on the class path. Waits for the server to bind.
     */
    public Optional<String> uiWebUrl() {
        for (DriverPlugin.Running p : runtime.plugins) {
            Optional<String> url = p.webUrl();
            if (url.isPresent()) {
                return url;
            }
        }
        return Optional.empty();
    }

    /** The web UI's address or null (for the Python client, which cannot read an Optional). */
    public String uiWebUrlOrNull() {
        return uiWebUrl().orElse(null);
    }

    public String applicationId() {
        return runtime.appId;
    }

    /**
     * The environment of the executor that runs tasks inside this JVM (local mode); empty on a
     * cluster. The Python bridge starts that executor's Python workers early through it.
     */
    public Optional<TaskEnv> driverExecutorEnv() {
        return Optional.ofNullable(runtime.localEnv);
    }

    /** The parsed master URL (its kind, local threads, cluster shape). */
    public MasterUrl masterUrl() {
        return runtime.master;
    }

    /** True when tasks run on threads of this JVM ({@code local}, {@code local[N]}, ...). */
    public boolean isLocal() {
        return runtime.master.isLocal();
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
        String failure = runtime.clusterFailure();
        if (stopped.get() || failure != null) {
            throw new EmberException("Cannot call methods on a stopped EmberContext (application " + runtime.appId + ")"
                    + (failure == null ? "" : "; it stopped because " + failure));
        }
    }

    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        runtime.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
