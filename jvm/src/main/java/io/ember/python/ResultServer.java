package io.ember.python;

import static io.ember.python.DriverDataProtocol.*;

import io.ember.api.EmberContext;
import io.ember.core.ErrorCondition;
import io.ember.rdd.RDD;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-shot loopback server streaming a job's pickled batches to the Python driver, in the
 * result stream of {@link DriverDataProtocol}.
 *
 * <p>The client first sends the secret; anything else is refused, logged, and nothing more is
 * read from it (the server keeps waiting for the right client until the accept timeout). Then
 * the job runs and each partition's batches are written in partition order as partitions
 * finish (later ones buffered), then END_OF_DATA. A failed job ends the stream with the
 * {@link DriverDataProtocol.ResultError} built by {@link #errorOf}.
 *
 * <p>Threading: one server thread per job accepts and writes; the job runs on its own thread
 * and hands finished partitions over through a queue.
 */
final class ResultServer {
    private static final Logger LOG = LoggerFactory.getLogger(ResultServer.class);
    private static final int ACCEPT_TIMEOUT_MS = 30_000;

    private record Done(Throwable error) {}

    private ResultServer() {}

    /** Starts serving; returns {port, secret}. */
    static String[] serve(EmberContext ctx, RDD<byte[]> rdd, int[] partitions, String jobGroup, String secret)
            throws IOException {
        return serve(ctx, rdd, partitions, jobGroup, secret, error -> { });
    }

    /**
     * As {@link #serve(EmberContext, RDD, int[], String, String)}, calling {@code onJobDone} once
     * when the job ended (with its failure, or null), or when the stream ended without it.
     */
    static String[] serve(EmberContext ctx, RDD<byte[]> rdd, int[] partitions, String jobGroup, String secret,
                          java.util.function.Consumer<Throwable> onJobDone) throws IOException {
        java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.function.Consumer<Throwable> once = error -> {
            if (reported.compareAndSet(false, true)) {
                onJobDone.accept(error);
            }
        };
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(ACCEPT_TIMEOUT_MS);
        Thread t = new Thread(() -> {
            try (server) {
                Socket client = acceptAuthenticated(server, secret);
                if (client != null) {
                    try (client) {
                        stream(ctx, rdd, partitions, jobGroup, client, once);
                    }
                }
            } catch (IOException e) {
                LOG.warn("Result stream to the Python driver failed: {}", e.toString());
            } finally {
                once.accept(null);
            }
        }, "python-result-server");
        t.setDaemon(true);
        t.start();
        return new String[] {String.valueOf(server.getLocalPort()), secret};
    }

    private static Socket acceptAuthenticated(ServerSocket server, String secret) throws IOException {
        byte[] expected = secret.getBytes(StandardCharsets.UTF_8);
        while (true) {
            Socket s = server.accept();
            s.setSoTimeout(10_000);
            try {
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] got = readResultSecret(in);
                if (got != null && MessageDigest.isEqual(expected, got)) {
                    s.setSoTimeout(0);
                    return s;
                }
            } catch (IOException e) {
                // fall through: refused
            }
            LOG.warn("Refused a connection to the result server from {}: wrong secret", s.getRemoteSocketAddress());
            s.close();
        }
    }

    private static void stream(EmberContext ctx, RDD<byte[]> rdd, int[] partitions, String jobGroup, Socket client,
                               java.util.function.Consumer<Throwable> onJobDone) throws IOException {
        LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Thread job = new Thread(() -> {
            try {
                PythonBridge.joinGroup(ctx, jobGroup);
                ctx.runJob(rdd, (tc, it) -> {
                    ArrayList<byte[]> out = new ArrayList<>();
                    it.forEachRemaining(out::add);
                    return out;
                }, partitions, (p, r) -> queue.add(Map.entry(p, r)));
                onJobDone.accept(null);
                queue.add(new Done(null));
            } catch (Throwable e) {
                onJobDone.accept(e);
                queue.add(new Done(e));
            }
        }, "python-job");
        job.setDaemon(true);
        job.start();
        int nextIdx = 0;
        TreeMap<Integer, List<byte[]>> buffered = new TreeMap<>();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream(), 1 << 16));
        InputStream watch = client.getInputStream();
        try {
            while (true) {
                Object msg = queue.take();
                if (msg instanceof Done done) {
                    if (done.error() != null) {
                        writeResultError(out, errorOf(done.error()));
                        out.flush();
                        return;
                    }
                    break;
                }
                @SuppressWarnings("unchecked")
                Map.Entry<Integer, List<byte[]>> e = (Map.Entry<Integer, List<byte[]>>) msg;
                buffered.put(e.getKey(), e.getValue());
                while (buffered.containsKey(nextIdx)) {   // keys are output ids: positions in partitions
                    for (byte[] batch : buffered.remove(nextIdx)) {
                        writeResultBatch(out, batch);
                    }
                    nextIdx++;
                }
                out.flush();
            }
            writeResultEnd(out);
            out.flush();
            watch.read();   // wait for the client to close, so the last bytes are not reset away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The result stream's error message for a failed job: the Python failure in its chain, if any,
     * else the error condition in its chain, if any.
     */
    static ResultError errorOf(Throwable error) {
        Throwable t = error;
        while (t != null && !(t instanceof PythonException)) {
            t = t.getCause();
        }
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            error.printStackTrace(w);
        }
        String javaMessage = String.valueOf(error.getMessage());
        if (t instanceof PythonException p) {
            return new ResultError(p.typeName(), p.pythonMessage(), p.traceback(), p.pickled(),
                    error.getClass().getName(), javaMessage, trace.toString());
        }
        ErrorCondition c = ErrorCondition.find(error);
        if (c != null) {
            return new ResultError(error.getClass().getSimpleName(), javaMessage, "", null, error.getClass().getName(),
                    javaMessage, trace.toString(), c.getErrorClass(), c.getSqlState(), c.errorKind().pythonName(),
                    c.getMessageParameters());
        }
        return new ResultError(error.getClass().getSimpleName(), javaMessage, "", null,
                error.getClass().getName(), javaMessage, trace.toString());
    }
}
