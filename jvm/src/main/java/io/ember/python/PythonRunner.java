package io.ember.python;

import static io.ember.python.PythonWorkerProtocol.*;

import io.ember.core.TaskMetric;
import io.ember.core.Tuple2;
import io.ember.rdd.FileSource;
import io.ember.rdd.TaskContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One task's conversation with a Python worker. The input is written on a writer thread
 * (the worker reads lazily while it writes), the output read on the task thread as the
 * returned iterator advances. A worker that ends the task cleanly goes back to the idle pool;
 * one abandoned mid-task (e.g. by take) is closed by the task's completion listener.
 *
 * <p>Failures: an EXCEPTION frame becomes {@link PythonException}; a connection that ends
 * mid-task becomes {@link PythonWorkerCrashedException} with the worker's exit status and the
 * daemon's last stderr lines (unless the writer failed first: then the parent's error).
 *
 * <p>Public for the sql layer's Python UDF operator ({@code io.ember.python.sql}), which feeds
 * it pickled batches of argument rows.
 */
public final class PythonRunner {
    /** Bytes of strings per input frame in MODE_UTF8_BATCHES. */
    static final int UTF8_BATCH_BYTES = 64 * 1024;

    private final PythonRDD.PythonFunction fn;
    private final TaskContext ctx;
    private final PythonWorkerFactory factory;
    private final AtomicReference<Throwable> writerError = new AtomicReference<>();
    private PythonWorker worker;
    private Thread writer;
    private volatile boolean finished;
    /** Set once the worker has said it is done (END_OF_DATA or EXCEPTION), before waiting for the writer. */
    private volatile boolean outputEnded;
    private final int partition;

    /** {@code partition} is this RDD's partition, which differs from the task's under a union. */
    public PythonRunner(PythonRDD.PythonFunction fn, TaskContext ctx, int partition) {
        this.fn = fn;
        this.ctx = ctx;
        this.partition = partition;
        this.factory = PythonWorkers.of(ctx.env()).factory(fn.pythonExec(), fn.pythonVersion(), fn.pythonPath(),
                PythonWorkerFactory.daemonEnvironment(ctx.env().conf()));
    }

    /**
     * Starts the task: {@code input} is consumed on a writer thread (so its work runs there);
     * the returned iterator reads the worker's output on the calling thread.
     */
    public Iterator<Object> run(Iterator<Object> input) {
        long started = System.nanoTime();
        try {
            worker = factory.create();
        } catch (IOException e) {
            throw new PythonWorkerCrashedException("Cannot start a Python worker: " + e.getMessage(), e);
        } finally {
            ctx.metrics().addNanos(TaskMetric.PYTHON_WORKER_TIME, System.nanoTime() - started);
        }
        ctx.addCompletionListener(() -> {
            if (!finished) {
                worker.close();
            }
        });
        ctx.addKillListener(() -> {
            if (!finished) {
                factory.kill(worker);
            }
        });
        TaskHeader header = header();
        worker.broadcasts.removeAll(header.broadcastRemovals());
        for (BroadcastAddition b : header.broadcastAdditions()) {
            worker.broadcasts.add(b.id());
        }
        writer = new Thread(() -> writeInput(header, input), "python-writer-" + partition);
        writer.setDaemon(true);
        writer.start();
        return new OutputIterator();
    }

    /**
     * True once the worker has ended its output (finished or failed): an input that paces
     * itself by the output read so far must stop waiting then, since the worker reads (and
     * discards) the rest of the input before the task ends.
     */
    public boolean outputEnded() {
        return outputEnded;
    }

    private TaskHeader header() {
        List<BroadcastAddition> additions = new ArrayList<>();
        FileSource files = ctx.env().files();
        for (Map.Entry<Long, String> b : fn.broadcasts().entrySet()) {
            if (!worker.broadcasts.contains(b.getKey())) {
                additions.add(new BroadcastAddition(b.getKey(), files.get(b.getValue()).getPath()));
            }
        }
        // As PySpark: a reused worker keeps only the broadcasts this task reads, so values of
        // broadcasts that are gone (or unused) do not pile up in its memory.
        List<Long> removals = new ArrayList<>();
        for (long id : worker.broadcasts) {
            if (!fn.broadcasts().containsKey(id)) {
                removals.add(id);
            }
        }
        String spillDir = System.getProperty("java.io.tmpdir");
        // Strings travel many to a frame (MODE_UTF8_BATCHES): one frame per line costs the
        // worker several calls per line.
        int inputMode = fn.inputMode() == MODE_UTF8_STRINGS ? MODE_UTF8_BATCHES : fn.inputMode();
        return new TaskHeader(ctx.stageId(), partition, ctx.attemptNumber(), ctx.taskAttemptId(),
                fn.memoryLimitMb(), spillDir, files.root().getPath(), fn.includes(), additions, removals,
                ctx.localProperties(),
                inputMode, fn.outputMode(), fn.command());
    }

    private void writeInput(TaskHeader header, Iterator<Object> input) {
        DataOutputStream out = worker.out;
        try {
            header.write(out);
            if (header.inputMode() == MODE_UTF8_BATCHES) {
                Utf8BatchWriter strings = new Utf8BatchWriter(out, UTF8_BATCH_BYTES);
                while (input.hasNext() && !finished) {
                    strings.write((String) input.next());
                }
                strings.flush();
            } else {
                while (input.hasNext() && !finished) {
                    writeFrame(out, (byte[]) input.next());
                }
            }
            out.writeInt(END_OF_DATA);
            out.flush();
        } catch (Throwable t) {
            if (!worker.isClosed()) {
                writerError.set(t);
                worker.close();   // the worker sees EOF; the reader reports writerError
            }
        }
    }

    /**
     * The worker's output on the task thread. The time spent in {@link #read} (blocked on the
     * worker, then reading its frame) is the task's Python worker time.
     */
    private final class OutputIterator implements Iterator<Object> {
        private Object next;
        private boolean done;

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                long started = System.nanoTime();
                try {
                    next = read();
                } finally {
                    ctx.metrics().addNanos(TaskMetric.PYTHON_WORKER_TIME, System.nanoTime() - started);
                }
                done = next == null;
            }
            return next != null;
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object item = next;
            next = null;
            return item;
        }
    }

    /** Reads the next output item, or finishes the task and returns null. */
    private Object read() {
        DataInputStream in = worker.in;
        try {
            int n = in.readInt();
            if (n >= 0) {
                if (fn.outputMode() == MODE_PARTITIONED_BATCHES) {
                    return new Tuple2<>(n, readFrame(in));
                }
                byte[] data = readBody(in, n);
                return fn.outputMode() == MODE_UTF8_STRINGS ? new String(data, StandardCharsets.UTF_8) : data;
            }
            switch (n) {
                case END_OF_DATA -> {
                    finishTask(in);
                    return null;
                }
                case EXCEPTION -> {
                    outputEnded = true;   // the worker now only drains its input
                    WorkerException e = WorkerException.readAfterCode(in);
                    expectControl(in, END_OF_STREAM);
                    joinWriter();
                    finished = true;
                    factory.release(worker);
                    throw new PythonException(e);
                }
                default -> throw new ProtocolException("unexpected " + controlName(n) + " in Python output");
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void finishTask(DataInputStream in) throws IOException {
        outputEnded = true;
        expectControl(in, ACCUMULATORS);
        byte[] updates = readFrame(in);
        expectControl(in, TIMING);
        Timing.readAfterCode(in);
        expectControl(in, END_OF_STREAM);
        if (fn.accumulator() != null) {
            fn.accumulator().add(updates);
        }
        joinWriter();
        finished = true;
        factory.release(worker);
    }

    private void joinWriter() {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RuntimeException failure(IOException e) {
        worker.close();
        joinWriter();
        Throwable w = writerError.get();
        if (w instanceof RuntimeException re) {
            return re;
        }
        if (w instanceof Error err) {
            throw err;
        }
        if (ctx.isInterrupted()) {
            return new io.ember.rdd.TaskKilledException(ctx.killReason());
        }
        if (!(e instanceof EOFException) && !(e instanceof java.net.SocketException)) {
            return new PythonWorkerCrashedException("Lost the connection to Python worker " + worker.pid
                    + ": " + e, e);
        }
        String status = null;
        long deadline = System.currentTimeMillis() + 3000;
        while (status == null && System.currentTimeMillis() < deadline) {
            status = factory.exitStatusOf(worker.pid);
            if (status == null) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        String how;
        if (status == null) {
            how = ProcessHandle.of(worker.pid).map(p -> p.isAlive()).orElse(false)
                    ? "closed its connection" : "exited unexpectedly";
        } else {
            int code = Integer.parseInt(status);
            how = "exited unexpectedly (" + (code < 0 ? "signal " + (-code) : "exit code " + code) + ")";
        }
        return new PythonWorkerCrashedException("Python worker " + worker.pid + " " + how
                + "; last stderr lines:\n" + factory.stderrTail(), e);
    }
}
