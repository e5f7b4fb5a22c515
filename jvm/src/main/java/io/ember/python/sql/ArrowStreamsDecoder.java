package io.ember.python.sql;

import io.ember.python.arrow.ArrowFrames;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import java.util.Iterator;

/** {@link PythonFrameDecoder#ARROW_STREAMS}: frames of Arrow streams from pandas and Arrow functions. */
final class ArrowStreamsDecoder implements PythonFrameDecoder {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<ColumnBatch> decode(Iterator<byte[]> frames, StructType schema) {
        return ArrowFrames.fromPython(frames, schema);
    }

    private Object readResolve() {
        return PythonFrameDecoder.ARROW_STREAMS;
    }
}
