package io.ember.api;

import io.ember.core.EmberException;
import io.ember.rdd.TaskContext;
import java.io.File;

/**
 * Where files shipped with {@link EmberContext#addFile} are: in a task, the executor's copy;
 * on the driver, the running context's.
 */
public final class EmberFiles {
    private static volatile File driverRoot;

    private EmberFiles() {}

    /** The absolute path of the added file {@code name}. */
    public static String get(String name) {
        return new File(getRootDirectory(), name).getAbsolutePath();
    }

    /** The directory holding the added files. */
    public static String getRootDirectory() {
        TaskContext task = TaskContext.get();
        File root = task != null ? task.env().files().root() : driverRoot;
        if (root == null) {
            throw new EmberException("No EmberContext is running, so there are no added files");
        }
        return root.getAbsolutePath();
    }

    static void setDriverRoot(File root) {
        driverRoot = root;
    }
}
