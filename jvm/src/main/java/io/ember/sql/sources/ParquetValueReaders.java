package io.ember.sql.sources;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import java.io.IOException;

/** The {@link ParquetValues} variants for primitive vectors and binaries, one per vector class. */
final class ParquetValueReaders {
    private ParquetValueReaders() {}

    /**
     * INT32 into ints (bytes, shorts, ints, dates), and FLOAT as the same four little-endian
     * bytes, turned into floats when the vector is built.
     */
    static final class Ints extends ParquetValues {
        private final DataType type;
        private int[] dict = new int[0];
        private int[] values;

        Ints(DataType type) {
            this.type = type;
        }

        @Override
        void start(int n) {
            values = new int[n];
        }

        @Override
        void dictionary(ParquetPlainDecoder page, int count) throws IOException {
            dict = new int[count];
            page.readInts(dict, 0, count);
        }

        @Override
        int dictionarySize() {
            return dict.length;
        }

        @Override
        void plain(ParquetPlainDecoder in, int at, int count) throws IOException {
            in.readInts(values, at, count);
        }

        @Override
        void skipPlain(ParquetPlainDecoder in, int count) throws IOException {
            in.skipFixed(count, 4);
        }

        @Override
        void lookup(int[] ids, int at, int count) {
            for (int i = 0; i < count; i++) {
                values[at + i] = dict[ids[i]];
            }
        }

        @Override
        void spread(boolean[] nulls, int at, int k, int m) {
            for (int r = at + k - 1, src = at + m - 1; r > src; r--) {
                if (!nulls[r]) {
                    values[r] = values[src--];
                }
            }
        }

        @Override
        ColumnVector build(boolean[] nulls, int n) {
            if (type instanceof FloatType) {
                float[] floats = new float[values.length];
                for (int i = 0; i < floats.length; i++) {
                    floats[i] = Float.intBitsToFloat(values[i]);
                }
                return new FloatVector(type, floats, nulls);
            }
            return new IntVector(type, values, nulls);
        }
    }

    /**
     * INT64 into longs (longs, timestamps in microseconds), and DOUBLE as the same eight
     * little-endian bytes, turned into doubles when the vector is built.
     */
    static final class Longs extends ParquetValues {
        private final DataType type;
        private long[] dict = new long[0];
        private long[] values;

        Longs(DataType type) {
            this.type = type;
        }

        @Override
        void start(int n) {
            values = new long[n];
        }

        @Override
        void dictionary(ParquetPlainDecoder page, int count) throws IOException {
            dict = new long[count];
            page.readLongs(dict, 0, count);
        }

        @Override
        int dictionarySize() {
            return dict.length;
        }

        @Override
        void plain(ParquetPlainDecoder in, int at, int count) throws IOException {
            in.readLongs(values, at, count);
        }

        @Override
        void skipPlain(ParquetPlainDecoder in, int count) throws IOException {
            in.skipFixed(count, 8);
        }

        @Override
        void lookup(int[] ids, int at, int count) {
            for (int i = 0; i < count; i++) {
                values[at + i] = dict[ids[i]];
            }
        }

        @Override
        void spread(boolean[] nulls, int at, int k, int m) {
            for (int r = at + k - 1, src = at + m - 1; r > src; r--) {
                if (!nulls[r]) {
                    values[r] = values[src--];
                }
            }
        }

        @Override
        ColumnVector build(boolean[] nulls, int n) {
            if (type instanceof DoubleType) {
                double[] doubles = new double[values.length];
                for (int i = 0; i < doubles.length; i++) {
                    doubles[i] = Double.longBitsToDouble(values[i]);
                }
                return new DoubleVector(type, doubles, nulls);
            }
            return new LongVector(type, values, nulls);
        }
    }

    /**
     * Decimals whose unscaled values fit a long, from INT32, INT64, or big-endian bytes
     * (FIXED_LEN_BYTE_ARRAY of {@code source} bytes, or BINARY when {@code source} is -1),
     * into a compact {@link DecimalVector}.
     */
    static final class Decimals extends ParquetValues {
        static final int INT32 = -32;
        static final int INT64 = -64;

        private final DecimalType type;
        private final int source;
        private long[] dict = new long[0];
        private long[] values;

        Decimals(DecimalType type, int source) {
            this.type = type;
            this.source = source;
        }

        @Override
        void start(int n) {
            values = new long[n];
        }

        @Override
        void dictionary(ParquetPlainDecoder page, int count) throws IOException {
            dict = new long[count];
            read(page, dict, 0, count);
        }

        private void read(ParquetPlainDecoder in, long[] out, int at, int count) throws IOException {
            if (source == INT32) {
                in.readIntsAsLongs(out, at, count);
            } else if (source == INT64) {
                in.readLongs(out, at, count);
            } else {
                in.readDecimalBytes(out, at, count, source);
            }
        }

        @Override
        int dictionarySize() {
            return dict.length;
        }

        @Override
        void plain(ParquetPlainDecoder in, int at, int count) throws IOException {
            read(in, values, at, count);
        }

        @Override
        void skipPlain(ParquetPlainDecoder in, int count) throws IOException {
            if (source == INT32) {
                in.skipFixed(count, 4);
            } else if (source == INT64) {
                in.skipFixed(count, 8);
            } else if (source < 0) {
                in.skipBinaries(count);
            } else {
                in.skipFixed(count, source);
            }
        }

        @Override
        void lookup(int[] ids, int at, int count) {
            for (int i = 0; i < count; i++) {
                values[at + i] = dict[ids[i]];
            }
        }

        @Override
        void spread(boolean[] nulls, int at, int k, int m) {
            for (int r = at + k - 1, src = at + m - 1; r > src; r--) {
                if (!nulls[r]) {
                    values[r] = values[src--];
                }
            }
        }

        @Override
        ColumnVector build(boolean[] nulls, int n) {
            return new DecimalVector(type, values, nulls);
        }
    }

    /**
     * Booleans: PLAIN bit-packed, or RLE-encoded (data page v2), which the chunk reader hands
     * over as ids into the fixed dictionary {false, true}.
     */
    static final class Booleans extends ParquetValues {
        private final DataType type;
        private boolean[] values;

        Booleans(DataType type) {
            this.type = type;
        }

        @Override
        void start(int n) {
            values = new boolean[n];
        }

        @Override
        void dictionary(ParquetPlainDecoder page, int count) throws IOException {
            throw new IOException("a dictionary page for a boolean column");
        }

        @Override
        int dictionarySize() {
            return 2;
        }

        @Override
        void plain(ParquetPlainDecoder in, int at, int count) throws IOException {
            in.readBooleans(values, at, count);
        }

        @Override
        void skipPlain(ParquetPlainDecoder in, int count) throws IOException {
            in.skipBits(count);
        }

        @Override
        void lookup(int[] ids, int at, int count) {
            for (int i = 0; i < count; i++) {
                values[at + i] = ids[i] != 0;
            }
        }

        @Override
        void spread(boolean[] nulls, int at, int k, int m) {
            for (int r = at + k - 1, src = at + m - 1; r > src; r--) {
                if (!nulls[r]) {
                    values[r] = values[src--];
                }
            }
        }

        @Override
        ColumnVector build(boolean[] nulls, int n) {
            return new BooleanVector(type, values, nulls);
        }
    }

    /** Byte arrays (BINARY, or FIXED_LEN_BYTE_ARRAY of {@code fixed} bytes) as {@code byte[]} objects. */
    static final class Binaries extends ParquetValues {
        private final DataType type;
        private final int fixed;
        private byte[][] dict = new byte[0][];
        private Object[] values;
        private byte[][] scratch = new byte[0][];

        Binaries(DataType type, int fixed) {
            this.type = type;
            this.fixed = fixed;
        }

        @Override
        void start(int n) {
            values = new Object[n];
        }

        @Override
        void dictionary(ParquetPlainDecoder page, int count) throws IOException {
            dict = new byte[count][];
            page.readBinaries(dict, 0, count, fixed);
        }

        @Override
        int dictionarySize() {
            return dict.length;
        }

        @Override
        void plain(ParquetPlainDecoder in, int at, int count) throws IOException {
            if (scratch.length < count) {
                scratch = new byte[count][];
            }
            in.readBinaries(scratch, 0, count, fixed);
            System.arraycopy(scratch, 0, values, at, count);
        }

        @Override
        void skipPlain(ParquetPlainDecoder in, int count) throws IOException {
            if (fixed < 0) {
                in.skipBinaries(count);
            } else {
                in.skipFixed(count, fixed);
            }
        }

        @Override
        void lookup(int[] ids, int at, int count) {
            for (int i = 0; i < count; i++) {
                values[at + i] = dict[ids[i]].clone(); // consumers may keep or change their arrays
            }
        }

        @Override
        void spread(boolean[] nulls, int at, int k, int m) {
            for (int r = at + k - 1, src = at + m - 1; r > src; r--) {
                values[r] = nulls[r] ? null : values[src--];
            }
        }

        @Override
        ColumnVector build(boolean[] nulls, int n) {
            return new ObjectVector(type, values);
        }
    }
}
