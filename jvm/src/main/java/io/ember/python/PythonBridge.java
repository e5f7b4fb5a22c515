package io.ember.python;

import io.ember.api.Broadcast;
import io.ember.api.EmberContext;
import io.ember.core.ConfigKey;
import io.ember.core.ConfigKeys;
import io.ember.core.EmberConf;
import io.ember.core.EmberException;
import io.ember.core.Tuple2;
import io.ember.rdd.ObjectFileRDD;
import io.ember.rdd.PartitionerAwareUnionRDD;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffledRDD;
import io.ember.rdd.TaskEnv;
import io.ember.rdd.TextFileRDD;
import io.ember.rdd.UnionRDD;
import io.ember.rdd.WholeTextFilesRDD;
import io.ember.scheduler.JobProperties;
import io.ember.storage.BlockId;
import io.ember.storage.StorageLevel;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Py4J entry point: what the Python driver calls. Bulk data never crosses Py4J: sources
 * are handed over as files, results stream over {@link ResultServer} sockets. RDDs are
 * returned as engine objects that Python holds by reference.
 *
 * <p>Threading: Py4J calls arrive on varying threads, so job-group ids are passed explicitly
 * with each job rather than read from thread-local properties.
 */
public final class PythonBridge {
    public static final ConfigKey PYTHON_WORKER_MEMORY = ConfigKeys.declare("ember.python.worker.memory", "512m",
            "Memory a Python worker uses for aggregation before spilling to disk, like 512m or 2g (bare numbers: MB).");
    public static final ConfigKey PYSPARK_MEMORY = ConfigKeys.declare("ember.executor.pyspark.memory", "",
            "Address-space limit (RLIMIT_AS) of each Python worker, like 512m or 2g (bare numbers: MB); "
                    + "a worker that needs more fails with MemoryError (default: no limit).");
    public static final ConfigKey PYTHON_WORKER_REUSE = ConfigKeys.declare("ember.python.worker.reuse", "true",
            "Whether Python workers are reused across tasks.");

    private final SecureRandom random = new SecureRandom();
    /** Python broadcasts by id: the file holding the pickled value and the JVM handle Python holds (weakly here). */
    private final Map<Long, PythonBroadcast> broadcasts = new ConcurrentHashMap<>();
    private volatile EmberContext ctx;
    private volatile PythonAccumulatorUpdates accumulator;
    private String pythonExec;
    private String pythonVersion;
    private String pythonPath;

    /** Creates the context; python* describe the driver's interpreter and ember's location. */
    public synchronized EmberContext createContext(Map<String, String> settings, String pythonExec,
            String pythonVersion, String pythonPath) {
        if (ctx != null && !ctx.isStopped()) {
            throw new EmberException("A context is already running in this JVM; stop it first");
        }
        EmberConf conf = new EmberConf();
        settings.forEach(conf::set);
        this.pythonExec = pythonExec;
        this.pythonVersion = pythonVersion;
        this.pythonPath = pythonPath;
        conf.getMegabytes(PYTHON_WORKER_MEMORY);   // a bad size fails here, not at the first job
        PythonWorkerFactory.daemonEnvironment(conf);
        ctx = new EmberContext(conf);
        ctx.onBroadcastRemoved((destroyed, id) -> {
            if (destroyed) {
                removeBroadcastFile(id);
            }
        });
        accumulator = ctx.register(new PythonAccumulatorUpdates(), "python-accumulators");
        ctx.driverExecutorEnv().ifPresent(env -> prestartWorkers(env, pythonExec, pythonVersion, pythonPath,
                PythonWorkerFactory.daemonEnvironment(conf)));
        return ctx;
    }

    /**
     * Starts the local executor's Python daemon in the background, so that its interpreter
     * start overlaps the driver's own work before the first job. A failure is left for the
     * first task to meet and report.
     */
    private static void prestartWorkers(TaskEnv env, String pythonExec, String pythonVersion, String pythonPath,
            Map<String, String> daemonEnv) {
        Thread t = new Thread(() -> {
            try {
                PythonWorkers.of(env).factory(pythonExec, pythonVersion, pythonPath, daemonEnv);
            } catch (RuntimeException e) {
                // reported by the first task that needs a worker
            }
        }, "python-daemon-prestart");
        t.setDaemon(true);
        t.start();
    }

    public EmberContext context() {
        return ctx;
    }

    public synchronized void stop() {
        if (ctx != null) {
            ctx.stop();
        }
        broadcasts.values().forEach(b -> Path.of(b.path()).toFile().delete());
        broadcasts.clear();
    }

    // ---- sources ---------------------------------------------------------------------------

    /** Reads a parallelize file ({@link DriverDataProtocol}) written by the driver, then deletes it. */
    public RDD<byte[]> parallelizeFromFile(String path, int numSlices) throws IOException {
        Path file = Path.of(path);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return new SlicedBatchesRDD(ctx, DriverDataProtocol.readParallelizeFile(in, numSlices));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public RDD<String> textFile(String path, int minPartitions) {
        return new TextFileRDD(ctx, path, minPartitions);
    }

    public RDD<byte[]> wholeTextFiles(String path, int minPartitions) {
        return new PickledBatchesRDD(new WholeTextFilesRDD(ctx, path, minPartitions));
    }

    /** Pickled batches saved by {@link #saveAsPickleFile}. */
    public RDD<byte[]> pickleFile(String path) {
        return new ObjectFileRDD<>(ctx, path);
    }

    public void saveAsPickleFile(RDD<byte[]> rdd, String path, String jobGroup) {
        inGroup(jobGroup, () -> rdd.saveAsObjectFile(path));
    }

    public void saveAsTextFile(RDD<Object> strings, String path, String jobGroup) {
        inGroup(jobGroup, () -> strings.saveAsTextFile(path));
    }

    public RDD<byte[]> emptyRDD() {
        return new UnionRDD<>(ctx, List.of());
    }

    public RDD<Object> union(List<RDD<Object>> rdds) {
        return new UnionRDD<>(ctx, rdds);
    }

    /**
     * The union of RDDs whose Python side knows they share a partitioner: partition i holds
     * partition i of each, so the partitioning is kept.
     */
    public RDD<Object> partitionerAwareUnion(List<RDD<Object>> rdds) {
        return new PartitionerAwareUnionRDD<>(ctx, rdds);
    }

    /** All pairs of batches of a and b, each pair pickled as a (bytes, bytes) tuple in a batch. */
    public RDD<byte[]> cartesian(RDD<byte[]> a, RDD<byte[]> b) {
        return new PickledBatchesRDD(a.cartesian(b));
    }

    /**
     * Pairs the records of a and b by position, where each record is Python {@code bytes}
     * (a pickled chunk); the pairs come back pickled as (bytes, bytes) tuples in batches.
     * Partition counts must match; a partition with more records on one side fails its task.
     */
    public RDD<byte[]> zip(RDD<byte[]> a, RDD<byte[]> b) {
        return new PickledBatchesRDD(new BatchedBytesRDD(a).zip(new BatchedBytesRDD(b)));
    }

    public RDD<Object> coalesce(RDD<Object> rdd, int numPartitions, boolean shuffle) {
        return rdd.coalesce(numPartitions, shuffle);
    }

    // ---- Python stages and shuffles --------------------------------------------------------

    public PythonRDD pythonRDD(RDD<?> parent, byte[] command, int inputMode, int outputMode,
            List<? extends Number> broadcastIds, List<String> includes, boolean preservesPartitioning) {
        Map<Long, String> used = new LinkedHashMap<>();
        List<Object> handles = new ArrayList<>();
        for (Number n : broadcastIds) {
            long id = n.longValue();
            PythonBroadcast b = broadcasts.get(id);
            Object handle = b == null ? null : b.handle().get();
            if (handle == null) {
                throw new EmberException("Broadcast " + id + " does not exist (was it destroyed?)");
            }
            used.put(id, new BlockId.BroadcastFile(id).name());
            handles.add(handle);
        }
        int memory = (int) ctx.conf().getMegabytes(PYTHON_WORKER_MEMORY);
        PythonRDD.PythonFunction fn = new PythonRDD.PythonFunction(command, inputMode, outputMode, used,
                pythonExec, pythonVersion, pythonPath, List.copyOf(includes), memory, accumulator);
        return new PythonRDD(parent, fn, preservesPartitioning, handles);
    }

    /**
     * A Python function over pickled batches in and out, with no broadcasts, for this driver's
     * interpreter: what the sql layer's Python UDF operator runs ({@code command} from a UDF
     * expression).
     */
    public PythonRDD.PythonFunction pickledBatchesFunction(byte[] command) {
        int memory = (int) ctx.conf().getMegabytes(PYTHON_WORKER_MEMORY);
        return new PythonRDD.PythonFunction(command, PythonWorkerProtocol.MODE_PICKLED_BATCHES,
                PythonWorkerProtocol.MODE_PICKLED_BATCHES, Map.of(), pythonExec, pythonVersion, pythonPath,
                List.of(), memory, accumulator);
    }

    /** Moves (partition id, batch) pairs to their partitions; returns the batches. */
    public RDD<byte[]> shuffle(RDD<Tuple2<Integer, byte[]>> partitioned, int numPartitions) {
        ShuffledRDD<Integer, byte[], byte[]> shuffled =
                new ShuffledRDD<>(partitioned, new KeyIsPartitionPartitioner(numPartitions));
        return shuffled.map(Tuple2::_2);
    }

    // ---- broadcasts and accumulators -------------------------------------------------------

    /**
     * Registers a broadcast whose pickled value the driver wrote to {@code path}; executors fetch
     * it from there. Returns the JVM broadcast that the Python object holds: its id is the Python
     * broadcast's, its unpersist and destroy drop the executors' copies (destroy also the file),
     * and once Python releases it the context's cleaner removes the file as destroy would.
     */
    public Broadcast<String> broadcast(String path) {
        Broadcast<String> b = ctx.broadcast(path);
        broadcasts.put(b.id(), new PythonBroadcast(path, new WeakReference<>(b)));
        ctx.fileServer().register(new BlockId.BroadcastFile(b.id()).name(), new File(path));
        return b;
    }

    /** How many Python broadcasts have files on the driver (tests that they are removed). */
    public int broadcastFileCount() {
        return broadcasts.size();
    }

    private void removeBroadcastFile(long id) {
        PythonBroadcast b = broadcasts.remove(id);
        if (b != null) {
            ctx.fileServer().unregister(new BlockId.BroadcastFile(id).name());
            Path.of(b.path()).toFile().delete();
        }
    }

    private record PythonBroadcast(String path, WeakReference<Broadcast<String>> handle) {}

    /** The ACCUMULATORS frames of tasks finished since the last call, as int32 length + bytes each. */
    public byte[] drainAccumulatorUpdates() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (byte[] frame : accumulator.drain()) {
            PythonWorkerProtocol.writeFrame(out, frame);
        }
        out.flush();
        return bytes.toByteArray();
    }

    // ---- jobs ------------------------------------------------------------------------------

    /** Runs a job over {@code partitions} (null: all) and serves its batches; returns {port, secret}. */
    public String[] collectAndServe(RDD<byte[]> rdd, int[] partitions, String jobGroup) throws IOException {
        return collectAndServe(rdd, partitions, jobGroup, error -> { });
    }

    /** As {@link #collectAndServe(RDD, int[], String)}, calling {@code onJobDone} once the job ended. */
    public String[] collectAndServe(RDD<byte[]> rdd, int[] partitions, String jobGroup,
                                    java.util.function.Consumer<Throwable> onJobDone) throws IOException {
        int[] parts = partitions;
        if (parts == null) {
            parts = new int[rdd.getNumPartitions()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = i;
            }
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return ResultServer.serve(ctx, rdd, parts, jobGroup, HexFormat.of().formatHex(secret), onJobDone);
    }

    public void cancelJobGroup(String groupId) {
        ctx.cancelJobGroup(groupId);
    }

    public void cancelAllJobs() {
        ctx.cancelAllJobs();
    }

    public void persist(RDD<?> rdd, String level) {
        rdd.persist(StorageLevel.fromName(level));
    }

    private void inGroup(String jobGroup, Runnable job) {
        boolean joined = joinGroup(ctx, jobGroup);
        try {
            job.run();
        } finally {
            if (joined) {
                ctx.clearJobGroup();
            }
        }
    }

    /**
     * Puts this thread's jobs in the Python thread's job group unless its properties (synced from
     * Python, with the group's description and interruptOnCancel) already say so; true when it did.
     */
    static boolean joinGroup(EmberContext ctx, String jobGroup) {
        if (jobGroup == null || jobGroup.equals(ctx.getLocalProperty(JobProperties.JOB_GROUP))) {
            return false;
        }
        ctx.setJobGroup(jobGroup, "", false);
        return true;
    }
}
