package io.ember.python;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The executor &lt;-&gt; Python worker protocol, declared once for Java. Its twin is
 * {@code python/ember/wire.py}: same constant names, same layouts; both are tested against
 * the byte transcripts in {@code tests/protocol/}.
 *
 * <p>Encoding: int32/int64 big-endian (what {@link DataOutputStream} writes). A <em>frame</em>
 * is an int32 length and that many bytes. A negative int32 where a length is expected is a
 * named control code. A <em>string</em> is a frame of UTF-8, or {@link #NULL} for null.
 *
 * <p>Conversation on one socket (E = executor, W = worker):
 * <pre>
 * E: MAGIC, PROTOCOL_VERSION, secret, driver Python "major.minor"        ({@link Handshake})
 * W: HANDSHAKE_OK, worker pid | HANDSHAKE_REFUSED, message          ({@link HandshakeReply})
 * per task (the worker is reused):
 *   E: START_TASK, header ({@link TaskHeader}), input frames..., END_OF_DATA
 *   W: output..., END_OF_DATA, ACCUMULATORS, frame(pickled [(id, update)]),
 *      TIMING + 5 int64 ({@link Timing}), END_OF_STREAM
 *      or, on failure at any point: EXCEPTION + body ({@link WorkerException}), END_OF_STREAM
 * E: SHUTDOWN (or close)
 * </pre>
 * Input items: {@link #MODE_PICKLED_BATCHES} and {@link #MODE_UTF8_STRINGS} send one frame per
 * item; {@link #MODE_UTF8_BATCHES} sends many strings per frame, joined by '\n' (NULL is one
 * null; a string holding '\n' goes alone after {@link #SINGLE_STRING}). Output items:
 * {@link #MODE_PICKLED_BATCHES} and {@link #MODE_UTF8_STRINGS} write one frame per item;
 * {@link #MODE_PARTITIONED_BATCHES} writes an int32 partition id (&gt;= 0) then a frame holding
 * one pickled batch.
 *
 * <p>Threading: the worker reads input lazily while writing output, so the executor writes
 * input on one thread and reads output on another. Input always ends with END_OF_DATA; once
 * the worker has sent EXCEPTION or its END_OF_DATA, the writer may stop at the next frame
 * boundary and send END_OF_DATA early. The worker discards unread input before END_OF_STREAM.
 * Set TCP_NODELAY on worker sockets: the worker flushes once per task.
 */
public final class PythonWorkerProtocol {

    /** First int32 on every worker connection: ASCII "EMBR". */
    public static final int MAGIC = 0x454D4252;
    /** Bumped whenever a layout here changes. */
    public static final int PROTOCOL_VERSION = 2;
    /** Longest secret / version string a worker reads before authentication. */
    public static final int MAX_HANDSHAKE_FIELD_BYTES = 4096;

    /** Ends a data section: the input (E to W) or the output (W to E). */
    public static final int END_OF_DATA = -1;
    /** W to E: the task failed; a {@link WorkerException} body follows. */
    public static final int EXCEPTION = -2;
    /** W to E: a {@link Timing} body (5 int64) follows. */
    public static final int TIMING = -3;
    /** W to E: the task is over; the worker waits for START_TASK or SHUTDOWN. */
    public static final int END_OF_STREAM = -4;
    /** A null string where a string is expected. */
    public static final int NULL = -5;
    /** W to E: one frame follows, a pickled list of (accumulator id, update) pairs. */
    public static final int ACCUMULATORS = -6;
    /** W to E: handshake accepted; the worker's pid (int32) follows. */
    public static final int HANDSHAKE_OK = -7;
    /** W to E: handshake refused; a message string saying what differs follows. */
    public static final int HANDSHAKE_REFUSED = -8;
    /** E to W: a {@link TaskHeader} follows. */
    public static final int START_TASK = -9;
    /** E to W: instead of START_TASK, asks the worker to exit. */
    public static final int SHUTDOWN = -10;
    /**
     * E to W, in {@link #MODE_UTF8_BATCHES} input: one string frame follows, a record on its own
     * (one holding '\n', which cannot share a newline-joined batch).
     */
    public static final int SINGLE_STRING = -11;

    /** Each frame one pickled list of records (pickle protocol {@link #PICKLE_PROTOCOL}). */
    public static final int MODE_PICKLED_BATCHES = 0;
    /** Each frame one UTF-8 string; NULL is None. */
    public static final int MODE_UTF8_STRINGS = 1;
    /** Output only: int32 partition id, then a frame with one pickled batch (shuffle map side). */
    public static final int MODE_PARTITIONED_BATCHES = 2;
    /** Input only: each frame one or more UTF-8 strings joined by '\n' (see the class doc). */
    public static final int MODE_UTF8_BATCHES = 3;

    /** Pickle protocol of data batches. */
    public static final int PICKLE_PROTOCOL = 5;

    private PythonWorkerProtocol() {}

    /** The constant name of a control code, or a description of a non-negative length. */
    public static String controlName(int code) {
        switch (code) {
            case END_OF_DATA: return "END_OF_DATA";
            case EXCEPTION: return "EXCEPTION";
            case TIMING: return "TIMING";
            case END_OF_STREAM: return "END_OF_STREAM";
            case NULL: return "NULL";
            case ACCUMULATORS: return "ACCUMULATORS";
            case HANDSHAKE_OK: return "HANDSHAKE_OK";
            case HANDSHAKE_REFUSED: return "HANDSHAKE_REFUSED";
            case START_TASK: return "START_TASK";
            case SHUTDOWN: return "SHUTDOWN";
            case SINGLE_STRING: return "SINGLE_STRING";
            default: return code >= 0 ? "length " + code : "unknown code " + code;
        }
    }

    /** The peer broke the protocol; the connection cannot be used any more. */
    public static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        public ProtocolException(String message) {
            super(message);
        }
    }

    // ---- primitives ------------------------------------------------------------------------

    public static void writeFrame(DataOutputStream out, byte[] data) throws IOException {
        out.writeInt(data.length);
        out.write(data);
    }

    /** Writes a UTF-8 string frame, or NULL for null. */
    public static void writeString(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(NULL);
        } else {
            writeFrame(out, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Reads {@code length} bytes (a frame body whose length was already read). */
    public static byte[] readBody(DataInputStream in, int length) throws IOException {
        byte[] data = new byte[length];
        in.readFully(data);
        return data;
    }

    /** Reads a frame; a control code here is a protocol error. */
    public static byte[] readFrame(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new ProtocolException("expected a frame, got " + controlName(n));
        }
        return readBody(in, n);
    }

    /** Reads a frame, or returns null for NULL. */
    public static byte[] readFrameOrNull(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == NULL) {
            return null;
        }
        if (n < 0) {
            throw new ProtocolException("expected a frame or NULL, got " + controlName(n));
        }
        return readBody(in, n);
    }

    /** Reads a string frame; NULL gives null. */
    public static String readString(DataInputStream in) throws IOException {
        byte[] data = readFrameOrNull(in);
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }

    /** Reads an int32 and fails unless it is {@code code}. */
    public static void expectControl(DataInputStream in, int code) throws IOException {
        int got = in.readInt();
        if (got != code) {
            throw new ProtocolException(
                    "expected " + controlName(code) + ", got " + controlName(got));
        }
    }

    private static int readCount(DataInputStream in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new ProtocolException("negative " + what + " count " + n);
        }
        return n;
    }

    // ---- messages -------------------------------------------------------------------------------

    /** E to W, first on every connection. */
    public record Handshake(int magic, int version, String secret, String pythonVersion) {
        public static Handshake of(String secret, String pythonVersion) {
            return new Handshake(MAGIC, PROTOCOL_VERSION, secret, pythonVersion);
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeInt(magic);
            out.writeInt(version);
            writeString(out, secret);
            writeString(out, pythonVersion);
        }

        public static Handshake read(DataInputStream in) throws IOException {
            return new Handshake(in.readInt(), in.readInt(), readString(in), readString(in));
        }
    }

    /** W to E: accepted with the worker's pid, or refused with a message. */
    public record HandshakeReply(boolean accepted, int workerPid, String message) {
        public void write(DataOutputStream out) throws IOException {
            if (accepted) {
                out.writeInt(HANDSHAKE_OK);
                out.writeInt(workerPid);
            } else {
                out.writeInt(HANDSHAKE_REFUSED);
                writeString(out, message);
            }
        }

        public static HandshakeReply read(DataInputStream in) throws IOException {
            int code = in.readInt();
            if (code == HANDSHAKE_OK) {
                return new HandshakeReply(true, in.readInt(), null);
            }
            if (code == HANDSHAKE_REFUSED) {
                return new HandshakeReply(false, 0, readString(in));
            }
            throw new ProtocolException("expected a handshake reply, got " + controlName(code));
        }
    }

    /**
     * Writes strings in {@link #MODE_UTF8_BATCHES}: buffers them joined by '\n' and writes the
     * batch as one frame once it holds {@code batchBytes} (and on {@link #flush}); a null or a
     * string holding '\n' ends the batch and goes alone (NULL, or SINGLE_STRING and a string).
     * Not thread-safe.
     */
    public static final class Utf8BatchWriter {
        private final DataOutputStream out;
        private final int batchBytes;
        private byte[] buf;
        private int length;
        private boolean empty = true;   // a batch of one "" has length 0 but is not empty

        public Utf8BatchWriter(DataOutputStream out, int batchBytes) {
            this.out = out;
            this.batchBytes = batchBytes;
            this.buf = new byte[batchBytes + 1024];
        }

        public void write(String s) throws IOException {
            if (s == null || s.indexOf('\n') >= 0) {
                flush();
                if (s == null) {
                    out.writeInt(NULL);
                } else {
                    out.writeInt(SINGLE_STRING);
                    writeString(out, s);
                }
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int need = length + b.length + 1;
            if (need > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
            }
            if (!empty) {
                buf[length++] = '\n';
            }
            System.arraycopy(b, 0, buf, length, b.length);
            length += b.length;
            empty = false;
            if (length >= batchBytes) {
                flush();
            }
        }

        /** Writes the buffered batch, if any, as one frame. */
        public void flush() throws IOException {
            if (!empty) {
                out.writeInt(length);
                out.write(buf, 0, length);
                length = 0;
                empty = true;
            }
        }
    }

    /** A broadcast the worker must load: its id and the file holding its pickled value. */
    public record BroadcastAddition(long id, String path) {}

    /**
     * E to W after START_TASK, in this order: int32 stageId, int32 partitionId, int32
     * attemptNumber, int64 taskAttemptId, int32 memoryLimitMb (ember.python.worker.memory;
     * &lt;= 0: none), string spillDir ("" = temp dir), string filesDir ("" = none), int32 n + n
     * strings pythonIncludes, int32 n + n x (int64 id, string path) broadcastAdditions, int32 n +
     * n x int64 broadcastRemovals, int32 n + n x (string key, string value) properties, int32
     * inputMode, int32 outputMode, frame command (cloudpickled {@code f(partition, iterator)}).
     */
    public record TaskHeader(int stageId, int partitionId, int attemptNumber, long taskAttemptId,
            int memoryLimitMb, String spillDir, String filesDir, List<String> pythonIncludes,
            List<BroadcastAddition> broadcastAdditions, List<Long> broadcastRemovals,
            Map<String, String> properties, int inputMode, int outputMode, byte[] command) {

        public TaskHeader {
            pythonIncludes = List.copyOf(pythonIncludes);
            broadcastAdditions = List.copyOf(broadcastAdditions);
            broadcastRemovals = List.copyOf(broadcastRemovals);
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
            Objects.requireNonNull(command, "command");
        }

        /** Writes START_TASK and the header. */
        public void write(DataOutputStream out) throws IOException {
            out.writeInt(START_TASK);
            out.writeInt(stageId);
            out.writeInt(partitionId);
            out.writeInt(attemptNumber);
            out.writeLong(taskAttemptId);
            out.writeInt(memoryLimitMb);
            writeString(out, spillDir);
            writeString(out, filesDir);
            out.writeInt(pythonIncludes.size());
            for (String path : pythonIncludes) {
                writeString(out, path);
            }
            out.writeInt(broadcastAdditions.size());
            for (BroadcastAddition b : broadcastAdditions) {
                out.writeLong(b.id());
                writeString(out, b.path());
            }
            out.writeInt(broadcastRemovals.size());
            for (long id : broadcastRemovals) {
                out.writeLong(id);
            }
            out.writeInt(properties.size());
            for (Map.Entry<String, String> e : properties.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            out.writeInt(inputMode);
            out.writeInt(outputMode);
            writeFrame(out, command);
        }

        /** Reads the header that follows START_TASK (the code already consumed). */
        public static TaskHeader readAfterStart(DataInputStream in) throws IOException {
            int stageId = in.readInt();
            int partitionId = in.readInt();
            int attemptNumber = in.readInt();
            long taskAttemptId = in.readLong();
            int memoryLimitMb = in.readInt();
            String spillDir = readString(in);
            String filesDir = readString(in);
            List<String> includes = new ArrayList<>();
            for (int i = readCount(in, "include"); i > 0; i--) {
                includes.add(readString(in));
            }
            List<BroadcastAddition> additions = new ArrayList<>();
            for (int i = readCount(in, "broadcast addition"); i > 0; i--) {
                additions.add(new BroadcastAddition(in.readLong(), readString(in)));
            }
            List<Long> removals = new ArrayList<>();
            for (int i = readCount(in, "broadcast removal"); i > 0; i--) {
                removals.add(in.readLong());
            }
            Map<String, String> properties = new LinkedHashMap<>();
            for (int i = readCount(in, "property"); i > 0; i--) {
                properties.put(readString(in), readString(in));
            }
            int inputMode = in.readInt();
            int outputMode = in.readInt();
            return new TaskHeader(stageId, partitionId, attemptNumber, taskAttemptId,
                    memoryLimitMb, spillDir, filesDir, includes, additions, removals, properties,
                    inputMode, outputMode, readFrame(in));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TaskHeader h
                    && stageId == h.stageId && partitionId == h.partitionId
                    && attemptNumber == h.attemptNumber && taskAttemptId == h.taskAttemptId
                    && memoryLimitMb == h.memoryLimitMb
                    && Objects.equals(spillDir, h.spillDir) && Objects.equals(filesDir, h.filesDir)
                    && pythonIncludes.equals(h.pythonIncludes)
                    && broadcastAdditions.equals(h.broadcastAdditions)
                    && broadcastRemovals.equals(h.broadcastRemovals)
                    && properties.equals(h.properties)
                    && inputMode == h.inputMode && outputMode == h.outputMode
                    && Arrays.equals(command, h.command);
        }

        @Override
        public int hashCode() {
            return Objects.hash(stageId, partitionId, attemptNumber, taskAttemptId, pythonIncludes,
                    Arrays.hashCode(command));
        }
    }

    /**
     * W to E after EXCEPTION: string typeName ("ValueError", "mymodule.MyError"), string message,
     * string traceback (formatted, starting at the user's code), int32 partitionId, and the
     * pickled exception as a frame or NULL (null here) when it could not be pickled.
     */
    public record WorkerException(String typeName, String message, String traceback,
            int partitionId, byte[] pickled) {

        /** Writes EXCEPTION and the body. */
        public void write(DataOutputStream out) throws IOException {
            out.writeInt(EXCEPTION);
            writeString(out, typeName);
            writeString(out, message);
            writeString(out, traceback);
            out.writeInt(partitionId);
            if (pickled == null) {
                out.writeInt(NULL);
            } else {
                writeFrame(out, pickled);
            }
        }

        /** Reads the body that follows EXCEPTION. */
        public static WorkerException readAfterCode(DataInputStream in) throws IOException {
            return new WorkerException(readString(in), readString(in), readString(in), in.readInt(),
                    readFrameOrNull(in));
        }
    }

    /** W to E after TIMING: epoch milliseconds and the task's spill counters. */
    public record Timing(long startMs, long commandLoadedMs, long endMs, long memoryBytesSpilled,
            long diskBytesSpilled) {

        /** Writes TIMING and the body. */
        public void write(DataOutputStream out) throws IOException {
            out.writeInt(TIMING);
            out.writeLong(startMs);
            out.writeLong(commandLoadedMs);
            out.writeLong(endMs);
            out.writeLong(memoryBytesSpilled);
            out.writeLong(diskBytesSpilled);
        }

        /** Reads the body that follows TIMING. */
        public static Timing readAfterCode(DataInputStream in) throws IOException {
            return new Timing(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                    in.readLong());
        }
    }
}
