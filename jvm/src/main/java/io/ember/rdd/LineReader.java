package io.ember.rdd;

import io.ember.core.TaskMetric;
import io.ember.core.TaskMetrics;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads the lines of one byte range {@code [start, end)} of a UTF-8 file. Lines end at '\n'; a
 * '\r' before it (or before end of file) is dropped; a trailing newline does not start an empty
 * last line. The range owns exactly the lines whose first byte lies in it: a range not starting
 * at 0 skips through the first '\n' at or after {@code start - 1}, and the last owned line is
 * read to its end even past {@code end}. Adjacent ranges thus read every line exactly once.
 * A UTF-8 byte order mark at offset 0 is skipped.
 *
 * <p>Bytes are scanned in a large buffer and each line decoded with one String constructor
 * call; the buffer grows only for lines longer than itself. Not thread-safe; closes its file at
 * the end or on {@link #close}.
 *
 * <p>Made inside a task, it adds the bytes it reads and the lines it returns to the task's
 * input counters (lines are counted locally and added at each buffer refill and at the end,
 * so counting costs no atomic operation per line). The task is the one running on the thread
 * that makes the reader; reading may then go on on another thread (a Python writer thread).
 */
public final class LineReader implements Iterator<String>, Closeable {
    static final int DEFAULT_BUFFER = 256 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final long end;
    private byte[] buf;
    private int pos;
    private int limit;
    private long bufOffset;
    private boolean eof;
    private boolean done;
    private boolean atFirstLine;
    private String next;
    /** The task's counters, or null outside tasks. */
    private final TaskMetrics metrics;
    private long uncountedLines;

    public LineReader(Path file, long start, long end) throws IOException {
        this(file, start, end, DEFAULT_BUFFER);
    }

    LineReader(Path file, long start, long end, int bufferSize) throws IOException {
        this.file = file;
        this.end = end;
        TaskContext task = TaskContext.get();
        this.metrics = task == null ? null : task.metrics();
        this.buf = new byte[Math.max(1, bufferSize)];
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            if (start >= end) {
                close();
            } else if (start > 0) {
                bufOffset = start - 1;
                channel.position(bufOffset);
                int nl = scanLine();
                if (nl < 0 || nl == limit) {
                    close(); // no line starts at or after start
                } else {
                    pos = nl + 1;
                }
            } else {
                atFirstLine = true; // owned even when a byte order mark pushes it past end
                skipByteOrderMark();
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void skipByteOrderMark() throws IOException {
        while (!eof && limit < 3) {
            fill();
        }
        if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            if (bufOffset + pos >= end && !atFirstLine) {
                close();
                return false;
            }
            int nl = scanLine();
            if (nl < 0) {
                close();
                return false;
            }
            int len = nl - pos;
            if (len > 0 && buf[nl - 1] == '\r') {
                len--;
            }
            next = new String(buf, pos, len, StandardCharsets.UTF_8);
            atFirstLine = false;
            pos = nl < limit ? nl + 1 : limit;
            return true;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String line = next;
        next = null;
        uncountedLines++;
        return line;
    }

    /**
     * The index of the '\n' ending the line that starts at {@code pos}, refilling (which may move
     * the line to the front of the buffer); {@code limit} for a last line without newline; -1 when
     * no bytes are left.
     */
    private int scanLine() throws IOException {
        int from = pos;
        while (true) {
            byte[] b = buf;
            for (int i = from, n = limit; i < n; i++) {
                if (b[i] == '\n') {
                    return i;
                }
            }
            if (eof) {
                return limit > pos ? limit : -1;
            }
            int scanned = limit - pos;
            fill();
            from = pos + scanned;
        }
    }

    /** Moves unread bytes to the front (growing the buffer if it is full) and reads more. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufOffset += pos;
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit));
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
            if (metrics != null) {
                metrics.add(TaskMetric.INPUT_BYTES_READ, n);
            }
        }
        countLines();
    }

    private void countLines() {
        if (metrics != null && uncountedLines > 0) {
            metrics.add(TaskMetric.INPUT_RECORDS_READ, uncountedLines);
        }
        uncountedLines = 0;
    }

    @Override
    public void close() {
        countLines();
        done = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // reading is finished; nothing to recover
        }
    }
}
