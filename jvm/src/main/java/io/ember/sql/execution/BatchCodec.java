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
import java.util.HashMap;
import java.util.List;

/**
 * A compact columnar encoding of a {@link ColumnBatch}, for exchanges, spills and collected
 * results: row count, then per column a kind byte, an optional null bitmap and the values.
 * Integers are frame-of-reference packed ({@link PackedInts}), doubles raw little-endian,
 * strings dictionary-encoded when they repeat (else varint length + bytes, ASCII copied
 * directly), other types value by value ({@link ValueCodec}). The column types are not
 * written: both ends know the schema. Stateless and thread-safe.
 */
public final class BatchCodec {
    private static final byte LONG = 1, INT = 2, DOUBLE = 3, FLOAT = 4, BOOL = 5, STRING = 6, STRING_DICT = 7, OBJECT = 8;

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
            PackedInts.writeLongs(out, l.values, n);
        } else if (v instanceof IntVector l) {
            header(out, INT, l.nulls, n);
            PackedInts.writeInts(out, l.values, n);
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
        } else if (v instanceof StringVector || v instanceof DictionaryVector) {
            writeStrings(out, v, n);
        } else {
            out.putByte(OBJECT);
            for (int i = 0; i < n; i++) {
                ValueCodec.write(out, v.dataType(), v.get(i));
            }
        }
    }

    private static void writeStrings(ByteSink out, ColumnVector v, int n) {
        boolean[] nulls = nullFlags(v, n);
        HashMap<String, Integer> dict = new HashMap<>();
        int[] codes = new int[n];
        int limit = n / 2;
        for (int i = 0; i < n && dict.size() <= limit; i++) {
            if (nulls == null || !nulls[i]) {
                Integer code = dict.putIfAbsent(v.getString(i), dict.size());
                codes[i] = code == null ? dict.size() - 1 : code;
            }
        }
        if (dict.size() <= limit) {
            header(out, STRING_DICT, nulls, n);
            String[] entries = new String[dict.size()];
            dict.forEach((s, c) -> entries[c] = s);
            out.putVarint(entries.length);
            for (String s : entries) {
                out.putCompactString(s);
            }
            PackedInts.writeInts(out, codes, n);
            return;
        }
        header(out, STRING, nulls, n);
        for (int i = 0; i < n; i++) {
            if (nulls == null || !nulls[i]) {
                out.putCompactString(v.getString(i));
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
        boolean[] nulls = in.get() == 0 ? null : readBits(in, n);
        switch (kind) {
            case LONG -> {
                return new LongVector(type, PackedInts.readLongs(in, n), nulls);
            }
            case INT -> {
                return new IntVector(type, PackedInts.readInts(in, n), nulls);
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
                        v[i] = ByteSink.getCompactString(in);
                    }
                }
                return new StringVector(type, v);
            }
            case STRING_DICT -> {
                String[] dict = new String[ByteSink.getVarint(in)];
                for (int i = 0; i < dict.length; i++) {
                    dict[i] = ByteSink.getCompactString(in);
                }
                int[] codes = PackedInts.readInts(in, n);
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    if (nulls == null || !nulls[i]) {
                        v[i] = dict[codes[i]];
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
