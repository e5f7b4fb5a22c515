package io.ember.python.sql;

import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import java.io.Serializable;
import java.util.Iterator;

/**
 * How the frames of a Python RDD become column batches in the task that scans them: pickled
 * row tuples ({@link #PICKLED_ROWS}) or Arrow streams ({@link #ARROW_STREAMS}).
 *
 * <p>Implementations are stateless; each call makes its own per-task state.
 */
public interface PythonFrameDecoder extends Serializable {
    /** One partition's frames as batches of {@code schema}, lazily. */
    Iterator<ColumnBatch> decode(Iterator<byte[]> frames, StructType schema);

    /** Frames of pickled lists of internal-value row tuples. */
    PythonFrameDecoder PICKLED_ROWS = new PickledRowsDecoder();

    /** Frames of pickled lists of Arrow IPC stream bytes. */
    PythonFrameDecoder ARROW_STREAMS = new ArrowStreamsDecoder();
}
