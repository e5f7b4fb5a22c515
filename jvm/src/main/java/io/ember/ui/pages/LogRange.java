package io.ember.ui.pages;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * A byte range of an executor's log file, as Spark's worker shows it: {@code byteLength}
 * (default and at most {@value #DEFAULT_LENGTH}) bytes from {@code offset}, or the file's tail
 * when no offset is given; the range is clamped to the file. {@code requested} is the length
 * asked for (the step of the previous and next links). Immutable.
 */
record LogRange(String appId, String executorId, String logType, long start, long end, long total, long requested,
                byte[] bytes) {
    static final long DEFAULT_LENGTH = 100 * 1024;

    /** @param offset first byte, -1 for the tail; @param byteLength -1 for the default */
    static LogRange read(File f, String appId, String executorId, String logType, long offset, long byteLength)
            throws IOException {
        long length = byteLength < 0 ? DEFAULT_LENGTH : Math.min(byteLength, DEFAULT_LENGTH);
        try (RandomAccessFile in = new RandomAccessFile(f, "r")) {
            long total = in.length();
            long start = offset < 0 ? Math.max(0, total - length) : Math.min(offset, total);
            long end = Math.min(total, start + length);
            byte[] bytes = new byte[(int) (end - start)];
            in.seek(start);
            in.readFully(bytes);
            return new LogRange(appId, executorId, logType, start, end, total, length, bytes);
        }
    }

    long length() {
        return end - start;
    }
}
