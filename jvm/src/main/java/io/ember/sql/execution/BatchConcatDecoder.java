package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes several {@link BatchCodec} batches of one schema straight into one batch of all their
 * rows, in order: the reduce side of an exchange joins the small blocks it reads into batches of
 * about {@link ColumnBatch#DEFAULT_ROWS} rows, and decoding each block and then concatenating
 * copied every value twice. A column whose blocks all carry the same fixed-width kind (or
 * strings, plain or dictionary-coded) is read into one array at each block's offset; any other
 * column (values written one by one, or kinds that differ from block to block) is decoded block
 * by block and concatenated as before. The result holds the same vector classes and values as
 * {@code VectorOps.concat} of the decoded blocks. Stateless.
 */
final class BatchConcatDecoder {
    private BatchConcatDecoder() {}

    static ColumnBatch decode(List<byte[]> blocks, List<DataType> types) {
        if (blocks.size() == 1) {
            return BatchCodec.decode(blocks.get(0), types);
        }
        ByteBuffer[] in = new ByteBuffer[blocks.size()];
        int[] rows = new int[in.length];
        int total = 0;
        for (int b = 0; b < in.length; b++) {
            in[b] = ByteBuffer.wrap(blocks.get(b)).order(ByteOrder.LITTLE_ENDIAN);
            rows[b] = in[b].getInt();
            int cols = in[b].getInt();
            if (cols != types.size()) {
                throw new IllegalStateException("encoded batch has " + cols + " columns, schema " + types.size());
            }
            total += rows[b];
        }
        ColumnVector[] out = new ColumnVector[types.size()];
        for (int c = 0; c < out.length; c++) {
            byte kind = sameKind(in);
            out[c] = kind < 0 ? concatenated(in, rows, types.get(c)) : direct(in, rows, total, types.get(c), kind);
        }
        return new ColumnBatch(out, total);
    }

    /** The kind byte every block's next column starts with, if they agree on a directly decodable one; else -1. */
    private static byte sameKind(ByteBuffer[] in) {
        byte kind = in[0].get(in[0].position());
        for (ByteBuffer b : in) {
            byte k = b.get(b.position());
            boolean strings = (k == BatchCodec.STRING || k == BatchCodec.STRING_DICT)
                    && (kind == BatchCodec.STRING || kind == BatchCodec.STRING_DICT);
            if (k != kind && !strings) {
                return -1;
            }
        }
        return kind == BatchCodec.OBJECT ? -1 : kind;
    }

    /** The next column of every block, decoded block by block and concatenated. */
    private static ColumnVector concatenated(ByteBuffer[] in, int[] rows, DataType type) {
        List<ColumnBatch> parts = new ArrayList<>(in.length);
        for (int b = 0; b < in.length; b++) {
            parts.add(new ColumnBatch(new ColumnVector[] {BatchCodec.readColumn(in[b], type, rows[b])}, rows[b]));
        }
        return VectorOps.concat(parts, List.of(type)).column(0);
    }

    /** The next column of every block, read into one vector of {@code total} rows. */
    private static ColumnVector direct(ByteBuffer[] in, int[] rows, int total, DataType type, byte kind) {
        boolean[] nulls = null;
        long[] longs = kind == BatchCodec.LONG || kind == BatchCodec.DECIMAL ? new long[total] : null;
        int[] ints = kind == BatchCodec.INT ? new int[total] : null;
        double[] doubles = kind == BatchCodec.DOUBLE ? new double[total] : null;
        float[] floats = kind == BatchCodec.FLOAT ? new float[total] : null;
        boolean[] bools = kind == BatchCodec.BOOL ? new boolean[total] : null;
        String[] strings = kind == BatchCodec.STRING || kind == BatchCodec.STRING_DICT ? new String[total] : null;
        int off = 0;
        for (int b = 0; b < in.length; b++) {
            ByteBuffer buf = in[b];
            int n = rows[b];
            byte k = buf.get();
            boolean blockNulls = buf.get() != 0;
            if (blockNulls) {
                if (nulls == null) {
                    nulls = new boolean[total];
                }
                BatchCodec.readBits(buf, n, nulls, off);
            }
            switch (k) {
                case BatchCodec.LONG, BatchCodec.DECIMAL -> PackedInts.readLongs(buf, n, longs, off);
                case BatchCodec.INT -> PackedInts.readInts(buf, n, ints, off);
                case BatchCodec.DOUBLE -> {
                    buf.asDoubleBuffer().get(doubles, off, n);
                    buf.position(buf.position() + 8 * n);
                }
                case BatchCodec.FLOAT -> {
                    buf.asFloatBuffer().get(floats, off, n);
                    buf.position(buf.position() + 4 * n);
                }
                case BatchCodec.BOOL -> BatchCodec.readBits(buf, n, bools, off);
                case BatchCodec.STRING -> {
                    for (int i = 0; i < n; i++) {
                        if (!blockNulls || !nulls[off + i]) {
                            strings[off + i] = ByteSink.getCompactString(buf);
                        }
                    }
                }
                case BatchCodec.STRING_DICT -> {
                    String[] dict = new String[ByteSink.getVarint(buf)];
                    for (int i = 0; i < dict.length; i++) {
                        dict[i] = ByteSink.getCompactString(buf);
                    }
                    int[] codes = PackedInts.readInts(buf, n);
                    for (int i = 0; i < n; i++) {
                        if (!blockNulls || !nulls[off + i]) {
                            strings[off + i] = dict[codes[i]];
                        }
                    }
                }
                default -> throw new IllegalStateException("unknown column kind " + k);
            }
            off += n;
        }
        return switch (kind) {
            case BatchCodec.LONG -> new LongVector(type, longs, nulls);
            case BatchCodec.DECIMAL -> new DecimalVector((DecimalType) type, longs, nulls);
            case BatchCodec.INT -> new IntVector(type, ints, nulls);
            case BatchCodec.DOUBLE -> new DoubleVector(type, doubles, nulls);
            case BatchCodec.FLOAT -> new FloatVector(type, floats, nulls);
            case BatchCodec.BOOL -> new BooleanVector(type, bools, nulls);
            default -> new StringVector(type, strings);
        };
    }
}
