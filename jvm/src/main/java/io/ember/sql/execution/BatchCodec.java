package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import io.ember.sql.vector.StringVector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A compact columnar encoding of a {@link ColumnBatch}, for exchanges, spills and collected
 * results: row count, then per column a kind byte, an optional null bitmap and the values.
 * Integers and compact decimals' unscaled longs are frame-of-reference packed ({@link
 * PackedInts}), doubles raw little-endian, strings dictionary-encoded when they repeat (else
 * varint length + bytes, ASCII copied directly), other types value by value ({@link ValueCodec}). The column types are not
 * written: both ends know the schema. Stateless and thread-safe.
 */
public final class BatchCodec {
    static final byte LONG = 1, INT = 2, DOUBLE = 3, FLOAT = 4, BOOL = 5, STRING = 6, STRING_DICT = 7, OBJECT = 8, DECIMAL = 9;

    /** Rows after which a string column whose values were nearly all distinct stops trying a dictionary. */
    static final int PROBE_ROWS = 1024;

    private BatchCodec() {}

    public static byte[] encode(ColumnBatch batch) {
        ByteSink out = new ByteSink(64 + (int) Math.min(estimatedSize(batch), 1 << 24));
        writeHeader(out, batch.numRows(), batch.numColumns());
        for (ColumnVector v : batch.columns()) {
            writeColumn(out, v, batch.numRows());
        }
        return out.toByteArray();
    }

    /**
     * Starts an encoded batch of {@code rows} rows and {@code columns} columns; one column
     * writer call per column must follow, in order (callers that encode straight from their own
     * arrays, such as the exchange's per-partition appenders).
     */
    static void writeHeader(ByteSink out, int rows, int columns) {
        out.putInt(rows);
        out.putInt(columns);
    }

    /** A long-backed column's first {@code n} values; {@code nulls} null when none is null. */
    static void writeLongs(ByteSink out, long[] values, boolean[] nulls, int n) {
        header(out, LONG, nulls, n);
        PackedInts.writeLongs(out, values, n);
    }

    /** A compact decimal column's first {@code n} unscaled values. */
    static void writeDecimals(ByteSink out, long[] unscaled, boolean[] nulls, int n) {
        header(out, DECIMAL, nulls, n);
        PackedInts.writeLongs(out, unscaled, n);
    }

    static void writeInts(ByteSink out, int[] values, boolean[] nulls, int n) {
        header(out, INT, nulls, n);
        PackedInts.writeInts(out, values, n);
    }

    static void writeDoubles(ByteSink out, double[] values, boolean[] nulls, int n) {
        header(out, DOUBLE, nulls, n);
        ByteBuffer b = out.ensure(8 * n);
        b.asDoubleBuffer().put(values, 0, n);
        b.position(b.position() + 8 * n);
    }

    /** A first guess at the encoded size (the sink grows as needed): values at full width, strings at 16 bytes. */
    private static long estimatedSize(ColumnBatch batch) {
        long bytes = 0;
        for (ColumnVector v : batch.columns()) {
            bytes += (v instanceof IntVector || v instanceof FloatVector ? 4L : v instanceof BooleanVector ? 1L
                    : v instanceof LongVector || v instanceof DoubleVector || v instanceof DecimalVector ? 8L : 16L) * batch.numRows();
        }
        return bytes;
    }

    /** A vector's first {@code n} values, in the form its class allows. */
    static void writeColumn(ByteSink out, ColumnVector v, int n) {
        if (v instanceof LongVector l) {
            writeLongs(out, l.values, l.nulls, n);
        } else if (v instanceof IntVector l) {
            writeInts(out, l.values, l.nulls, n);
        } else if (v instanceof DoubleVector l) {
            writeDoubles(out, l.values, l.nulls, n);
        } else if (v instanceof FloatVector l) {
            header(out, FLOAT, l.nulls, n);
            ByteBuffer b = out.ensure(4 * n);
            b.asFloatBuffer().put(l.values, 0, n);
            b.position(b.position() + 4 * n);
        } else if (v instanceof BooleanVector l) {
            header(out, BOOL, l.nulls, n);
            out.putBits(l.values, n);
        } else if (v instanceof DecimalVector l) {
            writeDecimals(out, l.unscaled, l.nulls, n);
        } else if (v instanceof StringVector s) {
            writeStrings(out, s.values, n);
        } else if (v instanceof DictionaryVector d) {
            writeDictionary(out, d, n);
        } else {
            out.putByte(OBJECT);
            for (int i = 0; i < n; i++) {
                ValueCodec.write(out, v.dataType(), v.get(i));
            }
        }
    }

    /** The first {@code n} strings (null entries are null values): as a dictionary when they repeat. */
    static void writeStrings(ByteSink out, String[] values, int n) {
        boolean[] nulls = nullFlags(values, n);
        StringCodes dict = new StringCodes(64);
        int[] codes = new int[n];
        boolean repeats = true;
        for (int i = 0; i < n && repeats; i++) {
            if (nulls == null || !nulls[i]) {
                codes[i] = dict.code(values[i], true);
            }
            // more than half distinct, or nearly all distinct in the first rows: not worth hashing the rest
            repeats = dict.size() <= n / 2 && (i + 1 != PROBE_ROWS || dict.size() <= PROBE_ROWS * 9 / 10);
        }
        if (repeats) {
            header(out, STRING_DICT, nulls, n);
            out.putVarint(dict.size());
            for (int e = 0; e < dict.size(); e++) {
                out.putCompactString(dict.value(e));
            }
            PackedInts.writeInts(out, codes, n);
            return;
        }
        header(out, STRING, nulls, n);
        for (int i = 0; i < n; i++) {
            if (nulls == null || !nulls[i]) {
                out.putCompactString(values[i]);
            }
        }
    }

    /**
     * A dictionary vector keeps its encoding: the entries its rows use (renumbered in order of
     * first use, so a gathered slice does not carry its whole dictionary) and their codes.
     */
    private static void writeDictionary(ByteSink out, DictionaryVector d, int n) {
        ColumnVector dictionary = d.dictionary;
        int[] renumber = new int[dictionary.size()];
        int[] used = new int[Math.min(n, renumber.length)];
        int[] codes = new int[n];
        boolean[] nulls = null;
        int entries = 0;
        for (int i = 0; i < n; i++) {
            int c = d.codes[i];
            if (c < 0 || dictionary.isNull(c)) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
                continue;
            }
            if (renumber[c] == 0) {
                used[entries] = c;
                renumber[c] = ++entries;
            }
            codes[i] = renumber[c] - 1;
        }
        header(out, STRING_DICT, nulls, n);
        String[] values = new String[entries];
        for (int e = 0; e < entries; e++) {
            values[e] = dictionary.getString(used[e]);
        }
        writeEntries(out, values, entries);
        PackedInts.writeInts(out, codes, n);
    }

    private static void writeEntries(ByteSink out, String[] entries, int count) {
        out.putVarint(count);
        for (int e = 0; e < count; e++) {
            out.putCompactString(entries[e]);
        }
    }

    private static boolean[] nullFlags(String[] values, int n) {
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            if (values[i] == null) {
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

    /** The row count of an encoded batch, read from its header without decoding it. */
    static int rows(byte[] encoded) {
        return (encoded[0] & 0xFF) | (encoded[1] & 0xFF) << 8 | (encoded[2] & 0xFF) << 16 | (encoded[3] & 0xFF) << 24;
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

    static ColumnVector readColumn(ByteBuffer in, DataType type, int n) {
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
            case DECIMAL -> {
                return new DecimalVector((DecimalType) type, PackedInts.readLongs(in, n), nulls);
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
        return readBits(in, n, new boolean[n], 0);
    }

    /** Reads a bitmap of {@code n} flags into {@code out[off..off+n-1]}; returns {@code out}. */
    static boolean[] readBits(ByteBuffer in, int n, boolean[] out, int off) {
        for (int i = 0; i < n; i += 8) {
            int bits = in.get();
            for (int j = 0; j < 8 && i + j < n; j++) {
                out[off + i + j] = (bits & (1 << j)) != 0;
            }
        }
        return out;
    }
}
