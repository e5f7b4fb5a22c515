package io.ember.rdd;

import io.ember.core.ConfigKeys;
import io.ember.core.TaskMetrics;
import io.ember.shuffle.ShuffleEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Information about the running task and the services it may use. {@link #get()} returns the
 * context of the task running on the current thread (null outside tasks).
 */
public final class TaskContext {
    private static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();

    private final int stageId;
    private final int stageAttempt;
    private final int partitionId;
    private final int attemptNumber;
    private final long taskAttemptId;
    private final Properties localProperties;
    private final TaskEnv env;
    private final TaskMetrics metrics = new TaskMetrics();
    private final List<Runnable> completionListeners = new ArrayList<>();
    private final List<Runnable> killListeners = new ArrayList<>();
    private volatile String killReason;
    private volatile InputFileBlock inputFile = InputFileBlock.NONE;

    public TaskContext(int stageId, int stageAttempt, int partitionId, int attemptNumber, long taskAttemptId,
                       Properties localProperties, TaskEnv env) {
        this.stageId = stageId;
        this.stageAttempt = stageAttempt;
        this.partitionId = partitionId;
        this.attemptNumber = attemptNumber;
        this.taskAttemptId = taskAttemptId;
        this.localProperties = localProperties;
        this.env = env;
    }

    public static TaskContext get() {
        return CURRENT.get();
    }

    public static void set(TaskContext ctx) {
        if (ctx == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(ctx);
        }
    }

    public int stageId() {
        return stageId;
    }

    public int stageAttemptNumber() {
        return stageAttempt;
    }

    public int partitionId() {
        return partitionId;
    }

    public int attemptNumber() {
        return attemptNumber;
    }

    public long taskAttemptId() {
        return taskAttemptId;
    }

    public String getLocalProperty(String key) {
        return localProperties == null ? null : localProperties.getProperty(key);
    }

    /** The job's local properties as a map (empty when none were set). */
    public java.util.Map<String, String> localProperties() {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        if (localProperties != null) {
            for (String key : localProperties.stringPropertyNames()) {
                out.put(key, localProperties.getProperty(key));
            }
        }
        return out;
    }

    /** The attempt's counters; shuffle writers, readers and input formats add to them. */
    public TaskMetrics metrics() {
        return metrics;
    }

    public TaskEnv env() {
        return env;
    }

    /** The shuffle services bound to this task's memory accounting. */
    public ShuffleEnv shuffleEnv() {
        String force = env.conf().get(ConfigKeys.SPILL_NUM_ELEMENTS);
        return new ShuffleEnv(env.serializer(), env.blockManager().diskBlockManager(), env.memory(), env.mapOutputs(),
                taskAttemptId, force.isEmpty() ? 0 : Long.parseLong(force),
                (int) env.conf().getBytes(ConfigKeys.SHUFFLE_BUFFER), env.executorId(), env.shuffleTransport(), metrics);
    }

    /**
     * The file block a file scan of this task handed out its latest batch from (set by the
     * task thread's scan, read by expressions on the same thread; {@link InputFileBlock#NONE} before any).
     */
    public InputFileBlock inputFile() {
        return inputFile;
    }

    /** Records the file block the scan is reading; {@code InputFileBlock.NONE} when it leaves it. */
    public void setInputFile(InputFileBlock block) {
        this.inputFile = block == null ? InputFileBlock.NONE : block;
    }

    /** Runs when the task ends, successfully or not (close files, release resources). */
    public synchronized void addCompletionListener(Runnable r) {
        completionListeners.add(r);
    }

    public synchronized List<Runnable> completionListeners() {
        return List.copyOf(completionListeners);
    }

    /** Runs {@code r} when the task is killed (at once if it already was); for work outside the JVM. */
    public void addKillListener(Runnable r) {
        synchronized (this) {
            if (killReason == null) {
                killListeners.add(r);
                return;
            }
        }
        r.run();
    }

    public void kill(String reason) {
        List<Runnable> listeners;
        synchronized (this) {
            killReason = reason;
            listeners = List.copyOf(killListeners);
            killListeners.clear();
        }
        for (Runnable r : listeners) {
            r.run();
        }
    }

    public boolean isInterrupted() {
        return killReason != null;
    }

    public String killReason() {
        return killReason;
    }
}
