package io.ember.python.sql;

import io.ember.core.EmberException;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import java.io.IOException;
import java.util.Iterator;

/** {@link PythonFrameDecoder#PICKLED_ROWS}: each frame one pickled list of row tuples (one {@link RowUnpickler} per task). */
final class PickledRowsDecoder implements PythonFrameDecoder {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<ColumnBatch> decode(Iterator<byte[]> frames, StructType schema) {
        RowUnpickler unpickler = new RowUnpickler();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return frames.hasNext();
            }

            @Override
            public ColumnBatch next() {
                try {
                    return unpickler.batch(frames.next(), schema);
                } catch (IOException e) {
                    throw new EmberException("Cannot read a batch of Python rows: " + e, e);
                }
            }
        };
    }

    private Object readResolve() {
        return PythonFrameDecoder.PICKLED_ROWS;
    }
}
