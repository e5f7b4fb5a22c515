package io.ember.sql.sources;

import io.ember.sql.vector.ColumnVector;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes rows into one output file of a format; the columns handed to {@link #write} are the
 * file's columns in the writer's schema order. {@link #close} finishes the file (footer,
 * flush) and closes the stream. Used by one task thread.
 */
public interface RowWriter extends Closeable {
    void write(ColumnVector[] columns, int row) throws IOException;
}
