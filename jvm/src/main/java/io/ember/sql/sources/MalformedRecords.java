package io.ember.sql.sources;

import io.ember.core.EmberException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The FAILFAST error of the text readers, naming the file and the 1-based line. */
final class MalformedRecords {
    private MalformedRecords() {}

    static EmberException failFast(String path, long line, String record, String reason) {
        return new EmberException("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in"
                + " record parsing: " + record + ". Parse Mode: FAILFAST. To process malformed records as null result,"
                + " try setting the option 'mode' as 'PERMISSIVE'. (file " + fileUri(path) + ", line " + line
                + (reason == null ? "" : ": " + reason) + ")");
    }

    /** The FAILFAST error of a record parsed from a value ({@code from_csv}), not a file. */
    static EmberException failFastValue(String record) {
        return new EmberException("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in"
                + " record parsing: " + record + ". Parse Mode: FAILFAST. To process malformed records as null result,"
                + " try setting the option 'mode' as 'PERMISSIVE'.");
    }

    static String fileUri(String path) {
        return "file:" + Path.of(path).toAbsolutePath();
    }

    /**
     * The 1-based number of the first line that starts at or after byte {@code start} (the
     * first line a split owns), counted from the file; only called when reporting an error.
     */
    static long firstLineOf(String path, long start) {
        if (start <= 0) {
            return 1;
        }
        long newlines = 0;
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            byte[] buf = new byte[64 * 1024];
            long pos = 0;
            long limit = start - 1; // newlines at positions [0, start - 2] end lines that start before start
            int n;
            while (pos < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - pos))) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        newlines++;
                    }
                }
                pos += n;
            }
        } catch (IOException e) {
            return -1;
        }
        return newlines + 2;
    }
}
