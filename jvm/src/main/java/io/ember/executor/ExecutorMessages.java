package io.ember.executor;

import io.ember.scheduler.SerializedTaskStatus;
import io.ember.scheduler.TaskProgress;
import io.ember.shuffle.MapStatus;
import io.ember.storage.BlockId;
import io.ember.storage.StorageLevel;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The messages between the driver's cluster backend (endpoint {@value #DRIVER_ENDPOINT}) and
 * executor JVMs (endpoint {@value #EXECUTOR_ENDPOINT}), declared once. They are Java-serialized
 * by the RPC layer; tasks and their outcomes travel as bytes so that each side decodes them
 * with its own class loader and reports what fails to decode.
 *
 * <pre>
 * executor -> driver  RetrieveConf                      reply: Map of the driver's settings
 * executor -> driver  RegisterExecutor                  reply: true (or an error: duplicate id)
 * executor -> driver  Heartbeat (every 2 s)             reply: false when the driver no longer knows it
 * executor -> driver  StatusUpdate (send)
 * executor -> driver  GetMapOutputStatuses              reply: MapOutputStatuses
 * executor -> driver  GetBroadcast                      reply: the value (an error once destroyed)
 * executor -> driver  GetFiles                          reply: FileList (then fetches each as a block)
 * executor -> driver  GetBlockLocations                 reply: block server addresses of executors holding the block
 * executor -> driver  GetPeers                          reply: block server addresses of the other executors
 * executor -> executor CopyBlock                        reply: true once the copy is stored (replicated levels)
 * driver -> executor  LaunchTask, KillTask, RemoveRdd, RemoveBroadcast, RemoveShuffle, StopExecutor (send)
 * </pre>
 */
public final class ExecutorMessages {
    public static final String DRIVER_ENDPOINT = "driver";
    public static final String EXECUTOR_ENDPOINT = "executor";

    private ExecutorMessages() {}

    public record RetrieveConf(String executorId) implements Serializable {}

    /**
     * {@code logUrls}: where the executor's worker serves its logs, by name ("stdout", "stderr");
     * empty when nothing does.
     */
    public record RegisterExecutor(String executorId, String host, int port, int cores, Map<String, String> logUrls)
            implements Serializable {
        public RegisterExecutor {
            logUrls = logUrls == null ? Map.of() : Map.copyOf(logUrls);
        }

        public RegisterExecutor(String executorId, String host, int port, int cores) {
            this(executorId, host, port, cores, Map.of());
        }
    }

    /**
     * {@code cachedBlocks}: every RDD block the executor holds now; {@code running}: its tasks'
     * metrics so far; {@code maxStorageMemory}: its block manager's memory budget;
     * {@code pythonWorkers}: its Python worker processes alive.
     */
    public record Heartbeat(String executorId, List<BlockId.RddBlock> cachedBlocks, List<TaskProgress> running,
                            long heapUsedBytes, long maxStorageMemory, int pythonWorkers) implements Serializable {}

    /**
     * Where an RDD block of the executor is stored after a change (cached, moved to disk, dropped;
     * {@code storageLevel} "None" with both sizes 0 once gone), for the driver's UI.
     */
    public record BlockStatus(String executorId, BlockId.RddBlock block, String storageLevel, long memorySize,
                              long diskSize) implements Serializable {}

    public record StatusUpdate(String executorId, long taskId, SerializedTaskStatus status,
                               List<BlockId.RddBlock> cachedBlocks) implements Serializable {}

    public record GetMapOutputStatuses(int shuffleId) implements Serializable {}

    /** All statuses, or null with the first missing map and why. */
    public record MapOutputStatuses(MapStatus[] statuses, int missingMap, String message) implements Serializable {}

    public record GetBroadcast(long broadcastId) implements Serializable {}

    /**
     * A serialized TaskDescription; {@code epoch} is the driver's map output epoch at launch and
     * {@code filesVersion} the version of its shipped files, which the executor fetches first
     * when it has an older one.
     */
    public record LaunchTask(long taskId, byte[] taskDescription, long epoch, long filesVersion)
            implements Serializable {}

    /** What a shipped file is for: FILE lands in the work dir, JAR also joins the task class loader,
     *  ARCHIVE is unpacked into a directory of its name, INTERNAL (Python broadcasts) is fetched on demand. */
    public enum FileKind { FILE, JAR, ARCHIVE, INTERNAL }

    /** A file the driver serves as a block named {@code name}; {@code version} grows when it is added. */
    public record ShippedFile(String name, FileKind kind, long version) implements Serializable {}

    public record GetFiles() implements Serializable {}

    /** The executors other than {@code askingExecutor}, for block replicas. */
    public record GetPeers(String askingExecutor) implements Serializable {}

    /** Fetch {@code block} from the executor at host:port and store it at {@code level} (one copy). */
    public record CopyBlock(BlockId.RddBlock block, StorageLevel level, String host, int port) implements Serializable {}

    /** Where other executors (not {@code askingExecutor}) hold a cached RDD partition. */
    public record GetBlockLocations(BlockId.RddBlock block, String askingExecutor) implements Serializable {}

    /** The files to ship (not INTERNAL ones) as of {@code version}. */
    public record FileList(long version, List<ShippedFile> files) implements Serializable {}

    public record KillTask(long taskId, boolean interruptThread, String reason) implements Serializable {}

    public record RemoveRdd(int rddId) implements Serializable {}

    public record RemoveBroadcast(long broadcastId) implements Serializable {}

    /** Deletes the executor's map output files of a shuffle (maps 0 to numMaps - 1). */
    public record RemoveShuffle(int shuffleId, int numMaps) implements Serializable {}

    public record StopExecutor() implements Serializable {}

    /** The driver's settings as a plain serializable map. */
    public static Map<String, String> confMap(Map<String, String> all) {
        return new java.util.HashMap<>(all);
    }
}
