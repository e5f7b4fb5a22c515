package io.ember.api;

import io.ember.core.EmberException;
import io.ember.rdd.FileSource;
import io.ember.rdd.TaskContext;
import java.io.File;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where files shipped with {@link EmberContext#addFile} are: in a task, the executor's copy (its
 * {@link io.ember.rdd.TaskEnv}'s file source); on the driver, the running context's.
 *
 * <p>Like Spark's {@code SparkFiles} this is a static API, so driver code outside tasks needs the
 * running context without holding it: the one process-wide slot left is that context's file
 * source, set while it runs and removed when it stops (one context runs per JVM).
 */
public final class EmberFiles {
    private static final AtomicReference<FileSource> DRIVER_FILES = new AtomicReference<>();

    private EmberFiles() {}

    /** The absolute path of the added file {@code name}. */
    public static String get(String name) {
        return new File(getRootDirectory(), name).getAbsolutePath();
    }

    /** The directory holding the added files. */
    public static String getRootDirectory() {
        TaskContext task = TaskContext.get();
        FileSource driver = DRIVER_FILES.get();
        File root = task != null ? task.env().files().root() : driver == null ? null : driver.root();
        if (root == null) {
            throw new EmberException("No EmberContext is running, so there are no added files");
        }
        return root.getAbsolutePath();
    }

    /** {@code files} are the running driver's (until {@link #driverStopped}). */
    static void driverStarted(FileSource files) {
        DRIVER_FILES.set(files);
    }

    /** The driver that owned {@code files} stopped; a later context's are kept. */
    static void driverStopped(FileSource files) {
        DRIVER_FILES.compareAndSet(files, null);
    }
}
