package io.ember.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * A child process's tie to its parent: the parent holds the write end of the child's standard
 * input and never writes, so end of input (or a broken pipe) means the parent is gone, even
 * after a kill -9. Used by the Python gateway JVM, local-cluster workers and executors.
 */
public final class ParentPipe {
    private ParentPipe() {}

    /** Blocks until standard input ends. */
    public static void awaitClose() {
        InputStream in = System.in;
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe means the parent is gone, same as end of input
        }
    }
}
