package io.ember.python.sql;

import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.Pickler;

/**
 * Writes the rows of a {@link ColumnBatch} as one Python pickle: a list of tuples, one tuple
 * per row, values in their internal representation (docs/sql.md, "Rows to Python"). Columns
 * of primitives and strings are written straight from the vectors' arrays; other values
 * (decimals, binary, arrays, maps, structs) go through Pyrolite's {@link Pickler}: BigDecimal
 * becomes {@code decimal.Decimal}, List a list, Map a dict, Object[] (a struct) a tuple, and
 * {@code byte[]} Python {@code bytes} (Pyrolite's own choice would be a bytearray); a calendar
 * interval is the tuple {@code (months, days, microseconds)}.
 *
 * <p>Not thread-safe: one instance per thread (tasks and the result server make their own).
 */
public final class BatchPickler extends Pickler {
    public BatchPickler() {
        super(false);
    }

    /** Rows {@code [from, to)} of {@code batch} as a pickled list of tuples. */
    public byte[] pickle(ColumnBatch batch, int from, int to) throws IOException {
        PickleBuffer bytes = new PickleBuffer(64 + 16 * (to - from) * Math.max(1, batch.numColumns()));
        out = bytes;
        recurse = 0;
        bytes.write(Opcodes.PROTO);
        bytes.write(2);
        bytes.write(Opcodes.EMPTY_LIST);
        if (to > from) {
            bytes.write(Opcodes.MARK);
            int width = batch.numColumns();
            for (int row = from; row < to; row++) {
                if (width > 3) {
                    bytes.write(Opcodes.MARK);
                }
                for (int c = 0; c < width; c++) {
                    writeValue(batch.column(c), row);
                }
                bytes.write(switch (width) {
                    case 0 -> Opcodes.EMPTY_TUPLE;
                    case 1 -> Opcodes.TUPLE1;
                    case 2 -> Opcodes.TUPLE2;
                    case 3 -> Opcodes.TUPLE3;
                    default -> Opcodes.TUPLE;
                });
            }
            bytes.write(Opcodes.APPENDS);
        }
        bytes.write(Opcodes.STOP);
        out = null;
        return bytes.toByteArray();
    }

    private void writeValue(ColumnVector v, int i) throws IOException {
        if (v.isNull(i)) {
            out.write(Opcodes.NONE);
        } else if (v instanceof IntVector n) {
            writeInt(n.values[i]);
        } else if (v instanceof LongVector n) {
            writeLong(n.values[i]);
        } else if (v instanceof DoubleVector n) {
            writeDouble(n.values[i]);
        } else if (v instanceof FloatVector n) {
            writeDouble(n.values[i]);
        } else if (v instanceof BooleanVector n) {
            out.write(n.values[i] ? Opcodes.NEWTRUE : Opcodes.NEWFALSE);
        } else if (v instanceof StringVector n) {
            writeString(n.values[i]);
        } else {
            save(v.get(i));
        }
    }

    private void writeInt(int n) throws IOException {
        out.write(Opcodes.BININT);
        out.write(n);
        out.write(n >> 8);
        out.write(n >> 16);
        out.write(n >> 24);
    }

    private void writeLong(long n) throws IOException {
        if (n == (int) n) {
            writeInt((int) n);
            return;
        }
        out.write(Opcodes.LONG1);
        out.write(8);
        for (int b = 0; b < 8; b++) {
            out.write((int) (n >> (8 * b)));
        }
    }

    private void writeDouble(double d) throws IOException {
        out.write(Opcodes.BINFLOAT);
        long bits = Double.doubleToRawLongBits(d);
        for (int b = 7; b >= 0; b--) {
            out.write((int) (bits >> (8 * b)));
        }
    }

    private void writeString(String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.write(Opcodes.BINUNICODE);
        writeLittleEndianInt(out, utf8.length);
        out.write(utf8);
    }

    private static void writeBytes(OutputStream out, byte[] data) throws IOException {
        if (data.length < 256) {
            out.write(Opcodes.SHORT_BINBYTES);
            out.write(data.length);
        } else {
            out.write(Opcodes.BINBYTES);
            writeLittleEndianInt(out, data.length);
        }
        out.write(data);
    }

    private static void writeLittleEndianInt(OutputStream out, int n) throws IOException {
        out.write(n);
        out.write(n >> 8);
        out.write(n >> 16);
        out.write(n >> 24);
    }

    /** Pyrolite's {@code save}, except that {@code byte[]} (at any depth) becomes {@code bytes}. */
    @Override
    public void save(Object o) throws IOException {
        if (o instanceof byte[] data) {
            writeBytes(out, data);
        } else if (o instanceof io.ember.sql.types.CalendarInterval c) {
            super.save(new Object[] {c.months(), c.days(), c.micros()});
        } else {
            super.save(o);
        }
    }
}
