package io.ember.python;

import static io.ember.python.DriverDataProtocol.*;
import static io.ember.python.PythonWorkerProtocol.EXCEPTION;
import static io.ember.python.PythonWorkerProtocolTest.assertAtEnd;
import static io.ember.python.PythonWorkerProtocolTest.bytes;
import static io.ember.python.PythonWorkerProtocolTest.in;
import static io.ember.python.PythonWorkerProtocolTest.readFrames;
import static io.ember.python.PythonWorkerProtocolTest.transcript;
import static io.ember.python.PythonWorkerProtocolTest.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.JobCancelledException;
import io.ember.core.JobFailedException;
import io.ember.core.TaskFailedException;
import io.ember.python.PythonWorkerProtocol.ProtocolException;
import io.ember.python.PythonWorkerProtocol.WorkerException;
import io.ember.sql.expressions.ExpressionEvalException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the Java side of the driver's data plane against the byte transcripts shared with
 * {@code tests/test_driver_wire.py} ({@code tests/protocol/result_*.hex},
 * {@code parallelize.file.hex}), its constants against {@code python/ember/driver_wire.py},
 * and that {@link ResultServer#errorOf} fills the error message as the transcripts show.
 */
class DriverDataProtocolTest {

    private static final String SECRET = "s3cr3t-token";

    @Test
    void constantsMatchDriverWirePy() throws Exception {
        String source = Files.readString(Path.of("..", "python/ember/driver_wire.py"));
        Matcher m = Pattern.compile("(?m)^([A-Z][A-Z0-9_]*) = (-?\\d+)$").matcher(source);
        Map<String, Integer> python = new HashMap<>();
        while (m.find()) {
            python.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        Map<String, Integer> java = new HashMap<>();
        for (Field f : DriverDataProtocol.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                java.put(f.getName(), f.getInt(null));
            }
        }
        assertEquals(Map.of("MAX_SECRET_BYTES", 4096), java);
        assertEquals(python, java);
    }

    @Test
    void resultStreamTranscripts() throws IOException {
        byte[] toEngine = transcript("result_stream.to_engine");
        DataInputStream request = in(toEngine);
        assertEquals(SECRET, utf8(readResultSecret(request)));
        assertAtEnd(request);
        assertArrayEquals(toEngine, bytes(out -> writeResultSecret(out, SECRET)));

        byte[] fromEngine = transcript("result_stream.from_engine");
        DataInputStream reply = in(fromEngine);
        List<byte[]> batches = readFrames(reply);
        assertAtEnd(reply);
        assertEquals(2, batches.size());
        assertArrayEquals(fromEngine, bytes(out -> {
            for (byte[] batch : batches) {
                writeResultBatch(out, batch);
            }
            writeResultEnd(out);
        }));
    }

    @Test
    void resultSecretReaderStopsAtABadLength() throws IOException {
        byte[] tooLong = new byte[4 + 5000];
        tooLong[2] = 0x10;   // length 0x00001001 = MAX_SECRET_BYTES + 1
        tooLong[3] = 0x01;
        DataInputStream in = in(tooLong);
        assertNull(readResultSecret(in));
        assertEquals(5000, in.available());
        assertNull(readResultSecret(in(bytes(out -> out.writeInt(PythonWorkerProtocol.NULL)))));
    }

    /** Reads a result stream that ends with EXCEPTION: the batches before it, then the error. */
    private static ResultError readFailedStream(DataInputStream in, int batches) throws IOException {
        for (int i = 0; i < batches; i++) {
            PythonWorkerProtocol.readFrame(in);
        }
        PythonWorkerProtocol.expectControl(in, EXCEPTION);
        ResultError e = readResultError(in);
        assertAtEnd(in);
        return e;
    }

    @Test
    void resultErrorTranscriptFromAPythonFailure() throws IOException {
        byte[] data = transcript("result_error.from_engine");
        ResultError sample = readFailedStream(in(data), 1);
        assertEquals("TypeError", sample.typeName());
        assertTrue(sample.traceback().startsWith("Traceback (most recent call last):"));
        assertEquals("io.ember.core.JobFailedException", sample.javaClass());

        // what the server builds for a job failed by a Python task, with the sample stack trace
        PythonException python = new PythonException(new WorkerException(sample.typeName(),
                sample.message(), sample.traceback(), 2, sample.pickled()));
        ResultError built = ResultServer.errorOf(new JobFailedException(sample.javaMessage(), python));
        assertTrue(built.javaStackTrace().startsWith(
                "io.ember.core.JobFailedException: " + sample.javaMessage()));
        assertTrue(built.javaStackTrace().contains("Caused by: io.ember.python.PythonException"));
        ResultError withSampleTrace = withStackTrace(built, sample.javaStackTrace());
        byte[] oneBatch = Arrays.copyOf(data, 4 + readLength(data));
        assertArrayEquals(data, concat(oneBatch, bytes(out -> writeResultError(out, withSampleTrace))));
    }

    @Test
    void resultErrorTranscriptFromAnEngineFailure() throws IOException {
        byte[] data = transcript("result_cancelled.from_engine");
        ResultError sample = readFailedStream(in(data), 0);
        assertNull(sample.pickled());
        assertEquals("", sample.traceback());

        ResultError built = ResultServer.errorOf(new JobCancelledException(sample.message()));
        assertTrue(built.javaStackTrace().startsWith(
                "io.ember.core.JobCancelledException: " + sample.message() + "\n"));
        assertArrayEquals(data, bytes(out ->
                writeResultError(out, withStackTrace(built, sample.javaStackTrace()))));
    }

    @Test
    void resultErrorTranscriptWithAnErrorCondition() throws IOException {
        byte[] data = transcript("result_condition.from_engine");
        ResultError sample = readFailedStream(in(data), 0);
        assertEquals("DIVIDE_BY_ZERO", sample.errorClass());
        assertEquals(Map.of("config", "\"spark.sql.ansi.enabled\""), sample.messageParameters());

        // what the server builds for a task failed by an expression's error condition
        ExpressionEvalException cause = new ExpressionEvalException("DIVIDE_BY_ZERO", "Division by zero.",
                Map.of("config", "\"spark.sql.ansi.enabled\""));
        ResultError built = ResultServer.errorOf(new TaskFailedException(2, 0, 1, cause));
        assertEquals("22012", built.sqlState());
        assertEquals("ArithmeticException", built.errorKind());
        assertArrayEquals(data, bytes(out ->
                writeResultError(out, withStackTrace(built, sample.javaStackTrace()))));
    }

    @Test
    void parallelizeFileTranscript() throws IOException {
        byte[] data = transcript("parallelize.file");
        List<List<byte[]>> slices = readParallelizeFile(in(data), 3);
        assertEquals(List.of(2, 0, 1), slices.stream().map(List::size).toList());
        assertTrue(utf8(slices.get(2).get(0)).contains("d\u00e9"));
        assertArrayEquals(data, bytes(out -> {
            for (int i = 0; i < slices.size(); i++) {
                for (byte[] batch : slices.get(i)) {
                    writeParallelizeBatch(out, i, batch);
                }
            }
        }));
    }

    @Test
    void parallelizeFileRejectsABadIndexAndATruncatedFile() throws IOException {
        ProtocolException e = assertThrows(ProtocolException.class, () -> readParallelizeFile(
                in(bytes(out -> writeParallelizeBatch(out, 3, new byte[] {1}))), 3));
        assertEquals("slice index 3 out of range 0..2", e.getMessage());
        byte[] data = transcript("parallelize.file");
        assertThrows(EOFException.class,
                () -> readParallelizeFile(in(Arrays.copyOf(data, data.length - 1)), 3));
        assertThrows(EOFException.class,
                () -> readParallelizeFile(in(new byte[] {0, 0}), 3));
    }

    private static ResultError withStackTrace(ResultError e, String stackTrace) {
        return new ResultError(e.typeName(), e.message(), e.traceback(), e.pickled(),
                e.javaClass(), e.javaMessage(), stackTrace, e.errorClass(), e.sqlState(), e.errorKind(),
                e.messageParameters());
    }

    private static int readLength(byte[] data) throws IOException {
        return in(data).readInt();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
