package io.ember.sql.sources;

import java.io.Serializable;

/**
 * Bytes {@code [start, start + length)} of one file of {@code fileLength} bytes, with the
 * values of the file's partition columns (internal values, in the partition schema's order).
 */
public record FileSplit(String path, long start, long length, long fileLength, Object[] partitionValues)
        implements Serializable {
    public long end() {
        return start + length;
    }

    @Override
    public String toString() {
        return path + ":" + start + "+" + length;
    }
}
