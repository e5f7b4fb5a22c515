package io.ember.python;

import static io.ember.python.PythonWorkerProtocol.END_OF_DATA;
import static io.ember.python.PythonWorkerProtocol.EXCEPTION;
import static io.ember.python.PythonWorkerProtocol.NULL;
import static io.ember.python.PythonWorkerProtocol.readBody;
import static io.ember.python.PythonWorkerProtocol.readFrame;
import static io.ember.python.PythonWorkerProtocol.readFrameOrNull;
import static io.ember.python.PythonWorkerProtocol.readString;
import static io.ember.python.PythonWorkerProtocol.writeFrame;
import static io.ember.python.PythonWorkerProtocol.writeString;

import io.ember.python.PythonWorkerProtocol.ProtocolException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python driver's data plane with its JVM, declared once for Java. Its twin is
 * {@code python/ember/driver_wire.py}: same constant and function names, same layouts. Both
 * use the encoding and control codes of {@link PythonWorkerProtocol}; both are tested against
 * the byte transcripts {@code tests/protocol/result_*.hex} and {@code parallelize.file.hex}.
 *
 * <p>Result stream (one job's results on a one-shot loopback socket; D = driver, J = JVM):
 * <pre>
 * D: secret (string, at most MAX_SECRET_BYTES)   -- J closes the socket on a wrong secret
 * J: batch frames..., END_OF_DATA                -- each a pickled list, in partition order
 *    or, when the job fails (possibly after some batches): EXCEPTION, {@link ResultError}
 * </pre>
 * Parallelize file (D writes it, J reads it once): {@code (int32 slice index, frame holding one
 * pickled list)*} to the end of the file; a slice's batches in order, slices may be empty.
 *
 * <p>Stateless helpers; callers own the streams and their threads.
 */
public final class DriverDataProtocol {

    /** Longest secret the result server reads before the client is authenticated. */
    public static final int MAX_SECRET_BYTES = 4096;

    private DriverDataProtocol() {}

    // ---- result stream ---------------------------------------------------------------------

    /** D to J, first on a result connection. */
    public static void writeResultSecret(DataOutputStream out, String secret) throws IOException {
        writeString(out, secret);
    }

    /**
     * The secret's UTF-8 bytes, or null when the client sent NULL, a control code or more than
     * {@link #MAX_SECRET_BYTES} (nothing past the length is read then).
     */
    public static byte[] readResultSecret(DataInputStream in) throws IOException {
        int n = in.readInt();
        return n >= 0 && n <= MAX_SECRET_BYTES ? readBody(in, n) : null;
    }

    /** J to D: one frame holding a pickled list of records. */
    public static void writeResultBatch(DataOutputStream out, byte[] pickledBatch) throws IOException {
        writeFrame(out, pickledBatch);
    }

    /** J to D: the job succeeded and every batch has been sent. */
    public static void writeResultEnd(DataOutputStream out) throws IOException {
        out.writeInt(END_OF_DATA);
    }

    /**
     * Body of the result stream's EXCEPTION message, in this order. The Python side of the
     * failure as the worker reported it ({@link PythonWorkerProtocol.WorkerException} without
     * the partition): string typeName, string message, string traceback ("" when the failure
     * did not come from Python code, e.g. a cancelled job; typeName is then the Java class's
     * simple name), frame-or-NULL pickled exception (null here). Then the JVM side: string
     * javaClass (fully qualified), string javaMessage, string javaStackTrace (printed, with
     * causes). Then Spark's error condition of the failure, when its cause chain carries one
     * ({@link io.ember.core.ErrorCondition}), else NULL for each: string errorClass, string
     * sqlState (NULL when the class has none), string errorKind (the Python class's name), int32
     * count of message parameters (0 without a condition), then count x (string key, string value).
     */
    public record ResultError(String typeName, String message, String traceback, byte[] pickled,
            String javaClass, String javaMessage, String javaStackTrace, String errorClass, String sqlState,
            String errorKind, Map<String, String> messageParameters) {
        public ResultError {
            messageParameters = Collections.unmodifiableMap(new LinkedHashMap<>(messageParameters));
        }

        /** A failure without an error condition. */
        public ResultError(String typeName, String message, String traceback, byte[] pickled,
                String javaClass, String javaMessage, String javaStackTrace) {
            this(typeName, message, traceback, pickled, javaClass, javaMessage, javaStackTrace, null, null, null,
                    Map.of());
        }
    }

    /** J to D: writes EXCEPTION and the body; the stream ends there. */
    public static void writeResultError(DataOutputStream out, ResultError e) throws IOException {
        out.writeInt(EXCEPTION);
        writeString(out, e.typeName());
        writeString(out, e.message());
        writeString(out, e.traceback());
        if (e.pickled() == null) {
            out.writeInt(NULL);
        } else {
            writeFrame(out, e.pickled());
        }
        writeString(out, e.javaClass());
        writeString(out, e.javaMessage());
        writeString(out, e.javaStackTrace());
        writeString(out, e.errorClass());
        writeString(out, e.sqlState());
        writeString(out, e.errorKind());
        out.writeInt(e.messageParameters().size());
        for (Map.Entry<String, String> p : e.messageParameters().entrySet()) {
            writeString(out, p.getKey());
            writeString(out, p.getValue());
        }
    }

    /** Reads the body that follows EXCEPTION. */
    public static ResultError readResultError(DataInputStream in) throws IOException {
        String typeName = readString(in);
        String message = readString(in);
        String traceback = readString(in);
        byte[] pickled = readFrameOrNull(in);
        String javaClass = readString(in);
        String javaMessage = readString(in);
        String javaStackTrace = readString(in);
        String errorClass = readString(in);
        String sqlState = readString(in);
        String errorKind = readString(in);
        int n = in.readInt();
        if (n < 0) {
            throw new ProtocolException("negative message parameter count " + n);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            parameters.put(readString(in), readString(in));
        }
        return new ResultError(typeName, message, traceback, pickled, javaClass, javaMessage, javaStackTrace,
                errorClass, sqlState, errorKind, parameters);
    }

    // ---- parallelize file ------------------------------------------------------------------

    /** Appends one batch of slice {@code sliceIndex} to a parallelize file. */
    public static void writeParallelizeBatch(DataOutputStream out, int sliceIndex, byte[] pickledBatch)
            throws IOException {
        out.writeInt(sliceIndex);
        writeFrame(out, pickledBatch);
    }

    /** The batches of each of {@code numSlices} slices, read to the end of the file. */
    public static List<List<byte[]>> readParallelizeFile(DataInputStream in, int numSlices) throws IOException {
        List<List<byte[]>> slices = new ArrayList<>(numSlices);
        for (int i = 0; i < numSlices; i++) {
            slices.add(new ArrayList<>());
        }
        while (true) {
            int first = in.read();
            if (first < 0) {
                return slices;
            }
            int index = (first << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8)
                    | in.readUnsignedByte();
            if (index < 0 || index >= numSlices) {
                throw new ProtocolException(
                        "slice index " + index + " out of range 0.." + (numSlices - 1));
            }
            slices.get(index).add(readFrame(in));
        }
    }
}
