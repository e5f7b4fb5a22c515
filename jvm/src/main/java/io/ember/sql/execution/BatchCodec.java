package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import io.ember.sql.vector.StringVector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A compact columnar encoding of a {@link ColumnBatch}, for exchanges, spills and collected
 * results: row count, then per column a kind byte, an optional null bitmap and the values as
 * raw little-endian arrays (strings as length + UTF-8, small dictionaries kept encoded). The
 * column types are not written: both ends know the schema. Stateless and thread-safe.
 */
public final class BatchCodec {
    private static final byte LONG = 1, INT = 2, DOUBLE = 3, FLOAT = 4, BOOL = 5, STRING = 6, DICT = 7, OBJECT = 8;

    private BatchCodec() {}

    public static byte[] encode(ColumnBatch batch) {
        ByteSink out = new ByteSink(64 + (int) Math.min(batch.sizeInBytes(), 1 << 24));
        out.putInt(batch.numRows());
        out.putInt(batch.numColumns());
        for (ColumnVector v : batch.columns()) {
            writeColumn(out, v, batch.numRows());
        }
        return out.toByteArray();
    }

    private static void writeColumn(ByteSink out, ColumnVector v, int n) {
        if (v instanceof LongVector l) {
            header(out, LONG, l.nulls, n);
            ByteBuffer b = out.ensure(8 * n);
            b.asLongBuffer().put(l.values, 0, n);
            b.position(b.position() + 8 * n);
        } else if (v instanceof IntVector l) {
            header(out, INT, l.nulls, n);
            ByteBuffer b = out.ensure(4 * n);
            b.asIntBuffer().put(l.values, 0, n);
            b.position(b.position() + 4 * n);
        } else if (v instanceof DoubleVector l) {
            header(out, DOUBLE, l.nulls, n);
            ByteBuffer b = out.ensure(8 * n);
            b.asDoubleBuffer().put(l.values, 0, n);
            b.position(b.position() + 8 * n);
        } else if (v instanceof FloatVector l) {
            header(out, FLOAT, l.nulls, n);
            ByteBuffer b = out.ensure(4 * n);
            b.asFloatBuffer().put(l.values, 0, n);
            b.position(b.position() + 4 * n);
        } else if (v instanceof BooleanVector l) {
            header(out, BOOL, l.nulls, n);
            out.putBits(l.values, n);
        } else if (v instanceof DictionaryVector d && d.dictionary instanceof StringVector dict
                && dict.size() <= n) {
            out.putByte(DICT);
            out.putInt(dict.size());
            writeColumn(out, dict, dict.size());
            ByteBuffer b = out.ensure(4 * n);
            b.asIntBuffer().put(d.codes, 0, n);
            b.position(b.position() + 4 * n);
        } else if (v instanceof StringVector || v instanceof DictionaryVector) {
            boolean[] nulls = nullFlags(v, n);
            header(out, STRING, nulls, n);
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    out.putString(v.getString(i));
                }
            }
        } else {
            out.putByte(OBJECT);
            for (int i = 0; i < n; i++) {
                ValueCodec.write(out, v.dataType(), v.get(i));
            }
        }
    }

    private static boolean[] nullFlags(ColumnVector v, int n) {
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            if (v.isNull(i)) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
            }
        }
        return nulls;
    }

    private static void header(ByteSink out, byte kind, boolean[] nulls, int n) {
        out.putByte(kind);
        out.putByte(nulls == null ? 0 : 1);
        if (nulls != null) {
            out.putBits(nulls, n);
        }
    }

    public static ColumnBatch decode(byte[] bytes, List<DataType> types) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int n = in.getInt();
        int cols = in.getInt();
        if (cols != types.size()) {
            throw new IllegalStateException("encoded batch has " + cols + " columns, schema " + types.size());
        }
        ColumnVector[] out = new ColumnVector[cols];
        for (int c = 0; c < cols; c++) {
            out[c] = readColumn(in, types.get(c), n);
        }
        return new ColumnBatch(out, n);
    }

    private static ColumnVector readColumn(ByteBuffer in, DataType type, int n) {
        byte kind = in.get();
        if (kind == OBJECT) {
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                values[i] = ValueCodec.read(in, type);
            }
            return new ObjectVector(type, values);
        }
        if (kind == DICT) {
            int dictSize = in.getInt();
            ColumnVector dict = readColumn(in, type, dictSize);
            int[] codes = new int[n];
            in.asIntBuffer().get(codes);
            in.position(in.position() + 4 * n);
            return new DictionaryVector(codes, dict);
        }
        boolean[] nulls = in.get() == 0 ? null : readBits(in, n);
        switch (kind) {
            case LONG -> {
                long[] v = new long[n];
                in.asLongBuffer().get(v);
                in.position(in.position() + 8 * n);
                return new LongVector(type, v, nulls);
            }
            case INT -> {
                int[] v = new int[n];
                in.asIntBuffer().get(v);
                in.position(in.position() + 4 * n);
                return new IntVector(type, v, nulls);
            }
            case DOUBLE -> {
                double[] v = new double[n];
                in.asDoubleBuffer().get(v);
                in.position(in.position() + 8 * n);
                return new DoubleVector(type, v, nulls);
            }
            case FLOAT -> {
                float[] v = new float[n];
                in.asFloatBuffer().get(v);
                in.position(in.position() + 4 * n);
                return new FloatVector(type, v, nulls);
            }
            case BOOL -> {
                return new BooleanVector(type, readBits(in, n), nulls);
            }
            case STRING -> {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    if (nulls == null || !nulls[i]) {
                        v[i] = new String(ValueCodec.bytes(in), StandardCharsets.UTF_8);
                    }
                }
                return new StringVector(type, v);
            }
            default -> throw new IllegalStateException("unknown column kind " + kind);
        }
    }

    private static boolean[] readBits(ByteBuffer in, int n) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i += 8) {
            int bits = in.get();
            for (int j = 0; j < 8 && i + j < n; j++) {
                out[i + j] = (bits & (1 << j)) != 0;
            }
        }
        return out;
    }
}
