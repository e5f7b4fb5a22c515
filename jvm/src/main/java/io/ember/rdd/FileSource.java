package io.ember.rdd;

import java.io.File;

/**
 * Where a running task finds the files the application shipped ({@code addFile}, {@code addJar},
 * Python broadcasts): on the driver, the files themselves; in an executor JVM, local copies
 * fetched from the driver.
 */
public interface FileSource {
    /** The directory that holds files added with addFile (SparkFiles' root directory in tasks). */
    File root();

    /**
     * The local copy of the file registered under {@code name}, fetched first when needed;
     * throws {@link io.ember.core.EmberException} naming the file when it is unknown or cannot
     * be fetched.
     */
    File get(String name);
}
