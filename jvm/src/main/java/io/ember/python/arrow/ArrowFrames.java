package io.ember.python.arrow;

import io.ember.core.EmberException;
import io.ember.rdd.RDD;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import net.razorvine.pickle.Unpickler;

/**
 * Arrow streams as records of a Python RDD. The worker protocol carries pickled frames; an
 * Arrow record here is a frame holding a one-element pickled list whose element is the
 * {@code bytes} of one Arrow IPC stream (one record batch of at most
 * {@code spark.sql.execution.arrow.maxRecordsPerBatch} rows), so unpickling it in Python is a
 * single copy and no row is ever pickled. Python answers with frames of pickled lists of such
 * {@code bytes} ({@code ember.sql.pandas.arrow_stream}).
 *
 * <p>Stateless; the iterators it returns belong to one task thread.
 */
public final class ArrowFrames {
    private ArrowFrames() {}

    /** Each partition of {@code batches} as frames of Arrow streams of at most {@code maxRecords} rows. */
    public static RDD<byte[]> toPython(RDD<ColumnBatch> batches, StructType schema, int maxRecords) {
        if (maxRecords <= 0) {
            maxRecords = Integer.MAX_VALUE;
        }
        int limit = maxRecords;
        return batches.mapPartitions(it -> frames(it, schema, limit), false);
    }

    /** One partition's batches regrouped into frames of at most {@code maxRecords} rows, lazily. */
    static Iterator<byte[]> frames(Iterator<ColumnBatch> batches, StructType schema, int maxRecords) {
        ArrowBatchWriter writer = new ArrowBatchWriter(schema);
        return new Iterator<>() {
            ColumnBatch current;
            int next;

            private boolean advance() {
                while (current == null || next >= current.numRows()) {
                    if (!batches.hasNext()) {
                        return false;
                    }
                    current = batches.next();
                    next = 0;
                }
                return true;
            }

            @Override
            public boolean hasNext() {
                return advance();
            }

            @Override
            public byte[] next() {
                if (!advance()) {
                    throw new NoSuchElementException();
                }
                List<ArrowBatchWriter.Slice> slices = new ArrayList<>();
                int rows = 0;
                while (rows < maxRecords && advance()) {
                    int to = (int) Math.min(current.numRows(), (long) next + maxRecords - rows);
                    slices.add(new ArrowBatchWriter.Slice(current, next, to));
                    rows += to - next;
                    next = to;
                }
                return frame(writer, slices);
            }
        };
    }

    /** A pickled one-element list of the bytes of one Arrow stream of {@code slices}. */
    public static byte[] frame(ArrowBatchWriter writer, List<ArrowBatchWriter.Slice> slices) {
        LeBuffer out = new LeBuffer(1 << 12);
        out.putByte(0x80);   // PROTO 4
        out.putByte(4);
        out.putByte(']');    // EMPTY_LIST
        out.putByte('B');    // BINBYTES, 4-byte length
        int lengthAt = out.reserve(4);
        int start = out.size();
        writer.writeStream(slices, out);
        out.setInt(lengthAt, out.size() - start);
        out.putByte('a');    // APPEND
        out.putByte('.');    // STOP
        return out.toByteArray();
    }

    /** The column batches of one partition's frames from Python (pickled lists of Arrow stream bytes), lazily. */
    public static Iterator<ColumnBatch> fromPython(Iterator<byte[]> frames, StructType schema) {
        ArrowBatchReader reader = new ArrowBatchReader(schema);
        return new Iterator<>() {
            Iterator<ColumnBatch> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!frames.hasNext()) {
                        return false;
                    }
                    current = decode(frames.next(), reader).iterator();
                }
                return true;
            }

            @Override
            public ColumnBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }

        };
    }

    /** The record batches of one frame from Python: a pickled list of Arrow stream bytes. */
    public static List<ColumnBatch> decode(byte[] frame, ArrowBatchReader reader) {
        Object items;
        try {
            items = new Unpickler().loads(frame);
        } catch (IOException e) {
            throw new EmberException("Cannot read a frame of Arrow streams from Python: " + e, e);
        }
        if (!(items instanceof List<?> list)) {
            throw new EmberException("a frame of Arrow streams from Python must be a list");
        }
        List<ColumnBatch> out = new ArrayList<>();
        for (Object stream : list) {
            if (!(stream instanceof byte[] bytes)) {
                throw new EmberException("an Arrow stream from Python must be bytes, not "
                        + (stream == null ? "None" : stream.getClass().getSimpleName()));
            }
            out.addAll(reader.read(bytes));
        }
        return out;
    }
}
