package io.ember.sql.sources;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * One file format (csv, json, text, parquet): how its schema is found, how a task reads a
 * split of a file as column batches, and how a task writes rows into a new file. Stateless and
 * serializable: the scan carries it to executors. Schema inference runs on the driver; reading
 * and writing run in tasks, one thread per reader or writer.
 */
public interface FileFormat extends Serializable {
    /** The name used in {@code format(...)}: {@code csv}, {@code json}, {@code text}, {@code parquet}. */
    String shortName();

    /** True when a file may be cut into byte ranges read by different tasks. */
    boolean splittable(SourceOptions options);

    /** The schema of the data in {@code files} (at least one), from their contents. */
    StructType inferSchema(List<Path> files, SourceOptions options, SqlConf conf);

    /**
     * Reads one split as batches holding the fields of {@code required} (a sub-list of
     * {@code dataSchema}, in its own order). {@code filters} are conjuncts over data columns
     * the reader may use to skip data (rows it returns are still filtered above the scan).
     * The iterator closes its file when exhausted; {@code close} lets a task end it early.
     */
    CloseableIterator<ColumnBatch> read(FileSplit split, StructType dataSchema, StructType required,
            List<Expression> filters, SourceOptions options) throws IOException;

    /** Throws {@link io.ember.sql.AnalysisException} when a write lacks an option the format needs (on the driver). */
    default void checkWriteOptions(SourceOptions options) {
    }

    /** Throws {@link io.ember.sql.AnalysisException} when the format cannot store {@code schema}. */
    void checkWritable(StructType schema);

    /** The file name ending of written files: {@code .csv}, {@code .snappy.parquet}. */
    String extension(SourceOptions options);

    /** A writer of one new file with the columns of {@code schema}. */
    RowWriter newWriter(OutputStream out, StructType schema, SourceOptions options) throws IOException;

    /** An iterator holding an open file. */
    /**
     * Row and column statistics of {@code files} from their metadata alone, or null when the
     * format keeps none (or reading it now would be too slow). Called on the driver while planning.
     */
    default FileStats fileStats(List<Path> files, StructType dataSchema) {
        return null;
    }

    interface CloseableIterator<T> extends Iterator<T>, java.io.Closeable {
        @Override
        void close();
    }
}
