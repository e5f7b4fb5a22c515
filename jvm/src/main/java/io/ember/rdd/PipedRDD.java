package io.ember.rdd;

import io.ember.core.EmberException;
import io.ember.core.Partition;
import io.ember.core.function.Functions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams each parent partition through an external command: its elements, one
 * {@code String.valueOf} line each, go to the process's stdin and its stdout lines are the
 * partition's elements (UTF-8). Per partition three threads cooperate: a writer thread feeds
 * stdin (computing the parent partition there, with the task's context set), a reader keeps the
 * last lines of stderr, and the task thread reads stdout. At end of output the task waits for the
 * process; a non-zero exit code or a failure while feeding it fails the task.
 */
final class PipedRDD<T> extends RDD<String> {
    private static final int STDERR_LINES = 20;

    private final List<String> command;
    private final Map<String, String> env;

    PipedRDD(RDD<T> parent, List<String> command, Map<String, String> env) {
        super(parent);
        this.command = List.copyOf(command);
        this.env = env == null ? Map.of() : Map.copyOf(env);
    }

    @Override
    protected Partition[] computePartitions() {
        return firstParent().partitions();
    }

    @Override
    public Iterator<String> compute(Partition split, TaskContext ctx) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process proc;
        try {
            proc = pb.start();
        } catch (IOException e) {
            throw new EmberException("Cannot start pipe command " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        if (ctx != null) {
            ctx.addCompletionListener(proc::destroy);
        }
        ArrayDeque<String> stderrTail = new ArrayDeque<>();
        Thread stderr = start(() -> keepTail(proc, stderrTail), "stderr reader for " + command);
        Throwable[] feedError = new Throwable[1];
        Thread feeder = start(() -> feed(proc, split, ctx, feedError), "stdin writer for " + command);

        BufferedReader out = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8));
        return new Iterator<>() {
            private String next;
            private boolean finished;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                if (finished) {
                    return false;
                }
                try {
                    next = out.readLine();
                } catch (IOException e) {
                    rethrowFeedError(feedError); // the feeder failed and destroyed the process
                    throw new UncheckedIOException("Cannot read the output of " + command, e);
                }
                if (next == null) {
                    finished = true;
                    finish(proc, feeder, stderr, feedError, stderrTail);
                    return false;
                }
                return true;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String line = next;
                next = null;
                return line;
            }
        };
    }

    private static Thread start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Writer thread: computes the parent partition (with the task's context set) into stdin. */
    private void feed(Process proc, Partition split, TaskContext ctx, Throwable[] feedError) {
        TaskContext.set(ctx);
        try (Writer in = new BufferedWriter(new OutputStreamWriter(proc.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024)) {
            Iterator<T> it = this.<T>firstParent().iterator(split, ctx);
            while (it.hasNext()) {
                in.write(String.valueOf(it.next()));
                in.write('\n');
            }
        } catch (IOException e) {
            // the command closed its stdin early (e.g. head); its exit code decides
        } catch (Throwable t) {
            synchronized (feedError) {
                feedError[0] = t;
            }
            proc.destroy();
        } finally {
            TaskContext.set(null);
        }
    }

    /** Computing the parent partition failed in the feeder thread: its exception, unchanged. */
    private static void rethrowFeedError(Throwable[] feedError) {
        Throwable fed;
        synchronized (feedError) {
            fed = feedError[0];
        }
        if (fed != null) {
            throw Functions.sneaky(fed);
        }
    }

    private static void keepTail(Process proc, ArrayDeque<String> tail) {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(proc.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                synchronized (tail) {
                    if (tail.size() == STDERR_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
            }
        } catch (IOException ignored) {
            // the process was destroyed; whatever was read is kept
        }
    }

    private void finish(Process proc, Thread feeder, Thread stderr, Throwable[] feedError, ArrayDeque<String> tail) {
        int code;
        try {
            code = proc.waitFor();
            feeder.join();
            stderr.join(10_000);
        } catch (InterruptedException e) {
            proc.destroy();
            Thread.currentThread().interrupt();
            throw new EmberException("Interrupted while waiting for pipe command " + String.join(" ", command), e);
        }
        rethrowFeedError(feedError);
        if (code != 0) {
            String err;
            synchronized (tail) {
                err = String.join("\n", tail);
            }
            throw new EmberException("Pipe command " + String.join(" ", command) + " exited with error code " + code
                    + (err.isEmpty() ? "" : "; last lines of its stderr:\n" + err));
        }
    }
}
