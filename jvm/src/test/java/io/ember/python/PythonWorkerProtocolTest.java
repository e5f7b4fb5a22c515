package io.ember.python;

import static io.ember.python.PythonWorkerProtocol.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the Java side of the worker protocol against the byte transcripts shared with the
 * Python tests ({@code tests/protocol/*.hex}, written by {@code make_transcripts.py}) and the
 * constants against {@code python/ember/wire.py}. Pure byte checks: no worker is started.
 */
class PythonWorkerProtocolTest {

    /** Surefire runs with the jvm module as the working directory. */
    private static final Path ROOT = Path.of("..");
    private static final Path TRANSCRIPTS = ROOT.resolve("tests/protocol");

    private static final String SECRET = "s3cr3t-token";

    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    static byte[] transcript(String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : Files.readAllLines(TRANSCRIPTS.resolve(name + ".hex"),
                StandardCharsets.UTF_8)) {
            int hash = line.indexOf('#');
            String data = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (data.isEmpty()) {
                continue;
            }
            for (String token : data.split("\\s+")) {
                bytes.write(Integer.parseInt(token, 16));
            }
        }
        return bytes.toByteArray();
    }

    static DataInputStream in(byte[] data) {
        return new DataInputStream(new ByteArrayInputStream(data));
    }

    static byte[] bytes(Writer writer) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        writer.write(out);
        out.flush();
        return buffer.toByteArray();
    }

    static void assertAtEnd(DataInputStream in) throws IOException {
        assertEquals(-1, in.read(), "transcript has bytes after the last message");
    }

    static String utf8(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Reads worker output in pickled-batch or string mode up to END_OF_DATA. */
    static List<byte[]> readFrames(DataInputStream in) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        while (true) {
            int n = in.readInt();
            if (n == END_OF_DATA) {
                return frames;
            }
            frames.add(n == NULL ? null : readBody(in, n));
        }
    }

    /** The tail of a successful task's reply. */
    record TaskEnd(byte[] updates, Timing timing) {}

    /** Pickle (protocol 5) of an empty list: no accumulator updates. */
    static final byte[] NO_UPDATES = {(byte) 0x80, 5, ']', (byte) 0x94, '.'};

    /** Reads the tail after the output's END_OF_DATA: accumulators, timing, end of stream. */
    static TaskEnd readTaskEnd(DataInputStream in) throws IOException {
        expectControl(in, ACCUMULATORS);
        byte[] updates = readFrame(in);
        expectControl(in, TIMING);
        Timing timing = Timing.readAfterCode(in);
        expectControl(in, END_OF_STREAM);
        assertAtEnd(in);
        return new TaskEnd(updates, timing);
    }

    static void writeTaskEnd(DataOutputStream out, TaskEnd end) throws IOException {
        out.writeInt(END_OF_DATA);
        out.writeInt(ACCUMULATORS);
        writeFrame(out, end.updates());
        end.timing().write(out);
        out.writeInt(END_OF_STREAM);
    }

    @Test
    void constantsMatchWirePy() throws Exception {
        String source = Files.readString(ROOT.resolve("python/ember/wire.py"));
        Matcher m = Pattern.compile("(?m)^([A-Z][A-Z0-9_]*) = (-?(?:0x[0-9A-Fa-f]+|\\d+))$")
                .matcher(source);
        Map<String, Integer> python = new HashMap<>();
        while (m.find()) {
            String value = m.group(2);
            python.put(m.group(1), value.startsWith("0x")
                    ? Integer.parseInt(value.substring(2), 16) : Integer.parseInt(value));
        }
        Map<String, Integer> java = new HashMap<>();
        for (Field f : PythonWorkerProtocol.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                java.put(f.getName(), f.getInt(null));
            }
        }
        assertTrue(java.size() >= 17, "expected the protocol constants, got " + java.keySet());
        assertEquals(python, java);
    }

    @Test
    void controlCodesAreDistinctAndNamed() throws Exception {
        int[] codes = {END_OF_DATA, EXCEPTION, TIMING, END_OF_STREAM, NULL, ACCUMULATORS,
            HANDSHAKE_OK, HANDSHAKE_REFUSED, START_TASK, SHUTDOWN, SINGLE_STRING};
        for (int code : codes) {
            assertTrue(code < 0);
            Field f = PythonWorkerProtocol.class.getField(controlName(code));
            assertEquals(code, f.getInt(null));
        }
        assertEquals(codes.length, java.util.Arrays.stream(codes).distinct().count());
        assertEquals("length 7", controlName(7));
        assertEquals("unknown code -99", controlName(-99));
    }

    @Test
    void handshakeAccepted() throws IOException {
        byte[] toWorker = transcript("handshake_accepted.to_worker");
        DataInputStream in = in(toWorker);
        Handshake hs = Handshake.read(in);
        assertAtEnd(in);
        assertEquals(Handshake.of(SECRET, "3.11"), hs);
        assertEquals(0x454D4252, hs.magic());
        assertArrayEquals(toWorker, bytes(hs::write));

        byte[] fromWorker = transcript("handshake_accepted.from_worker");
        in = in(fromWorker);
        HandshakeReply reply = HandshakeReply.read(in);
        assertAtEnd(in);
        assertEquals(new HandshakeReply(true, 4242, null), reply);
        assertArrayEquals(fromWorker, bytes(reply::write));
    }

    @Test
    void handshakeRefusedForBadSecret() throws IOException {
        byte[] toWorker = transcript("handshake_refused.to_worker");
        assertEquals(Handshake.of("wrong-token", "3.11"), Handshake.read(in(toWorker)));
        assertArrayEquals(toWorker, bytes(Handshake.of("wrong-token", "3.11")::write));

        byte[] fromWorker = transcript("handshake_refused.from_worker");
        HandshakeReply reply = HandshakeReply.read(in(fromWorker));
        assertFalse(reply.accepted());
        assertEquals("bad secret", reply.message());
        assertArrayEquals(fromWorker, bytes(reply::write));
    }

    @Test
    void handshakeRefusedForPythonVersion() throws IOException {
        assertEquals(Handshake.of(SECRET, "3.10"),
                Handshake.read(in(transcript("handshake_version_mismatch.to_worker"))));
        byte[] fromWorker = transcript("handshake_version_mismatch.from_worker");
        HandshakeReply reply = HandshakeReply.read(in(fromWorker));
        assertEquals(new HandshakeReply(false, 0,
                "Python version mismatch: worker 3.11, driver 3.10"), reply);
        assertArrayEquals(fromWorker, bytes(reply::write));
    }

    @Test
    void mapTaskRequest() throws IOException {
        byte[] toWorker = transcript("map_task.to_worker");
        DataInputStream in = in(toWorker);
        expectControl(in, START_TASK);
        TaskHeader h = TaskHeader.readAfterStart(in);
        assertEquals(1, h.stageId());
        assertEquals(3, h.partitionId());
        assertEquals(0, h.attemptNumber());
        assertEquals(17L, h.taskAttemptId());
        assertEquals(512, h.memoryLimitMb());
        assertEquals("", h.spillDir());
        assertTrue(h.pythonIncludes().isEmpty() && h.broadcastAdditions().isEmpty()
                && h.broadcastRemovals().isEmpty() && h.properties().isEmpty());
        assertEquals(MODE_PICKLED_BATCHES, h.inputMode());
        assertEquals(MODE_PICKLED_BATCHES, h.outputMode());
        assertTrue(utf8(h.command()).contains("identity_command"));
        List<byte[]> batches = readFrames(in);
        assertAtEnd(in);
        assertEquals(2, batches.size());
        assertEquals((byte) 0x80, batches.get(0)[0], "pickle PROTO opcode");
        assertEquals(PICKLE_PROTOCOL, batches.get(0)[1]);

        assertArrayEquals(toWorker, bytes(out -> {
            h.write(out);
            for (byte[] b : batches) {
                writeFrame(out, b);
            }
            out.writeInt(END_OF_DATA);
        }));
    }

    @Test
    void mapTaskReply() throws IOException {
        byte[] fromWorker = transcript("map_task.from_worker");
        DataInputStream in = in(fromWorker);
        List<byte[]> batches = readFrames(in);
        assertEquals(3, batches.size());
        TaskEnd end = readTaskEnd(in);
        assertArrayEquals(NO_UPDATES, end.updates());
        assertEquals(new Timing(1700000000000L, 1700000000002L, 1700000000005L, 0, 0),
                end.timing());

        assertArrayEquals(fromWorker, bytes(out -> {
            for (byte[] b : batches) {
                writeFrame(out, b);
            }
            writeTaskEnd(out, end);
        }));
    }

    @Test
    void utf8Task() throws IOException {
        DataInputStream in = in(transcript("utf8_task.to_worker"));
        expectControl(in, START_TASK);
        TaskHeader h = TaskHeader.readAfterStart(in);
        assertEquals(MODE_UTF8_STRINGS, h.inputMode());
        List<String> lines = new ArrayList<>();
        for (byte[] frame : readFrames(in)) {
            lines.add(frame == null ? null : utf8(frame));
        }
        assertAtEnd(in);
        assertEquals(java.util.Arrays.asList("hello", null, "w\u00f6rld"), lines);

        byte[] expected = transcript("utf8_task.to_worker");
        assertArrayEquals(expected, bytes(out -> {
            h.write(out);
            for (String line : lines) {
                writeString(out, line);
            }
            out.writeInt(END_OF_DATA);
        }));
        in = in(transcript("utf8_task.from_worker"));
        assertEquals(2, readFrames(in).size());
        readTaskEnd(in);
    }

    @Test
    void utf8BatchesTask() throws IOException {
        DataInputStream in = in(transcript("utf8_batches_task.to_worker"));
        expectControl(in, START_TASK);
        TaskHeader h = TaskHeader.readAfterStart(in);
        assertEquals(MODE_UTF8_BATCHES, h.inputMode());
        List<String> records = new ArrayList<>();
        for (int n = in.readInt(); n != END_OF_DATA; n = in.readInt()) {
            if (n == NULL) {
                records.add(null);
            } else if (n == SINGLE_STRING) {
                records.add(readString(in));
            } else {
                records.addAll(java.util.Arrays.asList(utf8(readBody(in, n)).split("\n", -1)));
            }
        }
        assertAtEnd(in);
        List<String> expected = java.util.Arrays.asList("hello", "", "w\u00f6rld", null, "two\nlines", "last");
        assertEquals(expected, records);

        assertArrayEquals(transcript("utf8_batches_task.to_worker"), bytes(out -> {
            h.write(out);
            Utf8BatchWriter strings = new Utf8BatchWriter(out, 1 << 16);
            for (String s : expected.subList(0, 5)) {
                strings.write(s);
            }
            strings.flush();   // "last" goes in a frame of its own, as in the transcript
            strings.write("last");
            strings.flush();
            out.writeInt(END_OF_DATA);
        }));
        in = in(transcript("utf8_batches_task.from_worker"));
        assertEquals(3, readFrames(in).size());
        readTaskEnd(in);
    }

    @Test
    void utf8BatchWriterFillsFramesAndKeepsEmptyStrings() throws IOException {
        List<String> frames = new ArrayList<>();
        DataInputStream in = in(bytes(out -> {
            Utf8BatchWriter strings = new Utf8BatchWriter(out, 10);
            for (String s : new String[] {"", "abcd", "efghijk", "", "x"}) {
                strings.write(s);
            }
            strings.flush();
            strings.flush();   // nothing buffered: writes nothing
        }));
        while (in.available() > 0) {
            frames.add(utf8(readFrame(in)));
        }
        assertEquals(List.of("\nabcd\nefghijk", "\nx"), frames);
    }

    @Test
    void shuffleMapTaskReply() throws IOException {
        DataInputStream request = in(transcript("shuffle_map_task.to_worker"));
        expectControl(request, START_TASK);
        assertEquals(MODE_PARTITIONED_BATCHES, TaskHeader.readAfterStart(request).outputMode());

        byte[] fromWorker = transcript("shuffle_map_task.from_worker");
        DataInputStream in = in(fromWorker);
        List<Integer> partitions = new ArrayList<>();
        List<byte[]> batches = new ArrayList<>();
        for (int pid = in.readInt(); pid != END_OF_DATA; pid = in.readInt()) {
            assertTrue(pid >= 0, "partition id or END_OF_DATA expected, got " + pid);
            partitions.add(pid);
            batches.add(readFrame(in));
        }
        TaskEnd end = readTaskEnd(in);
        assertEquals(List.of(2, 0), partitions);

        assertArrayEquals(fromWorker, bytes(out -> {
            for (int i = 0; i < partitions.size(); i++) {
                out.writeInt(partitions.get(i));
                writeFrame(out, batches.get(i));
            }
            writeTaskEnd(out, end);
        }));
    }

    @Test
    void fullHeader() throws IOException {
        byte[] toWorker = transcript("full_header.to_worker");
        DataInputStream in = in(toWorker);
        expectControl(in, START_TASK);
        TaskHeader h = TaskHeader.readAfterStart(in);
        expectControl(in, END_OF_DATA);
        assertAtEnd(in);
        assertEquals(6, h.stageId());
        assertEquals(2, h.partitionId());
        assertEquals(1, h.attemptNumber());
        assertEquals(1234567890123L, h.taskAttemptId());
        assertEquals(64, h.memoryLimitMb());
        assertEquals("/tmp/ember/spill", h.spillDir());
        assertEquals("/tmp/ember/files", h.filesDir());
        assertEquals(List.of("/tmp/ember/files/deps.zip", "/tmp/ember/files/lib"),
                h.pythonIncludes());
        assertEquals(List.of(new BroadcastAddition(7, "/tmp/ember/broadcast_7")),
                h.broadcastAdditions());
        assertEquals(List.of(3L), h.broadcastRemovals());
        assertEquals(Map.of("spark.job.description", "nightly \u00e9t\u00e9 run"), h.properties());
        assertEquals(MODE_UTF8_STRINGS, h.inputMode());
        assertEquals(MODE_UTF8_STRINGS, h.outputMode());

        TaskHeader copy = new TaskHeader(6, 2, 1, 1234567890123L, 64, "/tmp/ember/spill",
                "/tmp/ember/files", h.pythonIncludes(), h.broadcastAdditions(), List.of(3L),
                h.properties(), MODE_UTF8_STRINGS, MODE_UTF8_STRINGS, h.command().clone());
        assertEquals(h, copy);
        assertArrayEquals(toWorker, bytes(out -> {
            copy.write(out);
            out.writeInt(END_OF_DATA);
        }));
    }

    @Test
    void taskException() throws IOException {
        DataInputStream request = in(transcript("task_exception.to_worker"));
        expectControl(request, START_TASK);
        assertEquals(5, TaskHeader.readAfterStart(request).partitionId());
        assertEquals(1, readFrames(request).size());

        byte[] fromWorker = transcript("task_exception.from_worker");
        DataInputStream in = in(fromWorker);
        expectControl(in, EXCEPTION);
        WorkerException e = WorkerException.readAfterCode(in);
        expectControl(in, END_OF_STREAM);
        assertAtEnd(in);
        assertEquals("TypeError", e.typeName());
        assertEquals("unsupported operand type(s) for /: 'int' and 'itertools.chain'", e.message());
        assertTrue(e.traceback().startsWith("Traceback (most recent call last):\n"));
        assertTrue(e.traceback().endsWith("TypeError: " + e.message() + "\n"));
        assertEquals(5, e.partitionId());
        assertNotNull(e.pickled());

        assertArrayEquals(fromWorker, bytes(out -> {
            e.write(out);
            out.writeInt(END_OF_STREAM);
        }));
    }

    @Test
    void exceptionWithoutPickleUsesNull() throws IOException {
        WorkerException e = new WorkerException("mod.Err", "boom", "tb", 3, null);
        byte[] data = bytes(e::write);
        DataInputStream in = in(data);
        expectControl(in, EXCEPTION);
        WorkerException back = WorkerException.readAfterCode(in);
        assertNull(back.pickled());
        assertEquals("mod.Err", back.typeName());
        assertEquals(3, back.partitionId());
        assertEquals(NULL, java.nio.ByteBuffer.wrap(data, data.length - 4, 4).getInt());
    }

    @Test
    void readersRejectMisplacedControlCodes() throws IOException {
        byte[] endOfData = bytes(out -> out.writeInt(END_OF_DATA));
        PythonWorkerProtocol.ProtocolException e = assertThrows(
                PythonWorkerProtocol.ProtocolException.class, () -> readFrame(in(endOfData)));
        assertTrue(e.getMessage().contains("END_OF_DATA"), e.getMessage());
        assertThrows(PythonWorkerProtocol.ProtocolException.class,
                () -> expectControl(in(endOfData), END_OF_STREAM));
        assertThrows(PythonWorkerProtocol.ProtocolException.class,
                () -> HandshakeReply.read(in(endOfData)));
        assertNull(readString(in(bytes(out -> out.writeInt(NULL)))));
        assertArrayEquals(new byte[] {1, 2, 3},
                readFrame(in(bytes(out -> writeFrame(out, new byte[] {1, 2, 3})))));
        assertThrows(EOFException.class, () -> readFrame(in(new byte[] {0, 0, 0, 5, 1})));
    }
}
