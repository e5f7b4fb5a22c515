package io.ember.python.arrow;

import com.google.flatbuffers.FlatBufferBuilder;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.ByteType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.ShortType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;

/**
 * Writes rows of {@link ColumnBatch}es as Arrow IPC streams (a schema message, one record
 * batch, end of stream) that pyarrow reads with {@code pa.ipc.open_stream}. Primitive and
 * string columns go straight from the vectors' arrays into the body; decimals, binary,
 * arrays, maps and structs from their internal values ({@code BigDecimal}, {@code byte[]},
 * {@code List}, {@code Map}, {@code Object[]}). The schema must be {@link ArrowSchemas#supported}.
 *
 * <p>Not thread-safe: one instance per task (it reuses its body buffer).
 */
public final class ArrowBatchWriter {
    private final StructType schema;
    private final byte[] schemaMessage;
    private final LeBuffer body = new LeBuffer(1 << 16);
    private final List<long[]> nodes = new ArrayList<>();
    private final List<long[]> buffers = new ArrayList<>();
    private int bufferStart;

    public ArrowBatchWriter(StructType schema) {
        if (!ArrowSchemas.supported(schema)) {
            throw new IllegalArgumentException("no Arrow form for " + schema.simpleString());
        }
        this.schema = schema;
        this.schemaMessage = ArrowSchemas.schemaMessage(schema);
    }

    /** Rows {@code [from, to)} of a batch: one piece of a record batch written from several. */
    public record Slice(ColumnBatch batch, int from, int to) {
        int rows() {
            return to - from;
        }
    }

    /** The rows of {@code slices}, in order, as one IPC stream (one record batch) written to {@code out}. */
    public void writeStream(List<Slice> slices, LeBuffer out) {
        body.clear();
        nodes.clear();
        buffers.clear();
        int rows = 0;
        for (Slice s : slices) {
            rows += s.rows();
        }
        for (int c = 0; c < schema.size(); c++) {
            column(schema.field(c).dataType(), slices, c, rows);
        }
        out.putBytes(schemaMessage, 0, schemaMessage.length);
        byte[] meta = batchMessage(rows);
        out.putBytes(meta, 0, meta.length);
        out.putBuffer(body);
        out.putBytes(IpcMessages.END_OF_STREAM, 0, IpcMessages.END_OF_STREAM.length);
    }

    /** Rows {@code [from, to)} of {@code batch} as one IPC stream. */
    public byte[] stream(ColumnBatch batch, int from, int to) {
        LeBuffer out = new LeBuffer(256 + 16 * (to - from) * Math.max(1, batch.numColumns()));
        writeStream(List.of(new Slice(batch, from, to)), out);
        return out.toByteArray();
    }

    private byte[] batchMessage(int rows) {
        FlatBufferBuilder b = new FlatBufferBuilder(128 + 32 * (nodes.size() + buffers.size()));
        RecordBatch.startNodesVector(b, nodes.size());
        for (int i = nodes.size() - 1; i >= 0; i--) {
            FieldNode.createFieldNode(b, nodes.get(i)[0], nodes.get(i)[1]);
        }
        int nodesOffset = b.endVector();
        RecordBatch.startBuffersVector(b, buffers.size());
        for (int i = buffers.size() - 1; i >= 0; i--) {
            Buffer.createBuffer(b, buffers.get(i)[0], buffers.get(i)[1]);
        }
        int buffersOffset = b.endVector();
        RecordBatch.startRecordBatch(b);
        RecordBatch.addLength(b, rows);
        RecordBatch.addNodes(b, nodesOffset);
        RecordBatch.addBuffers(b, buffersOffset);
        int batch = RecordBatch.endRecordBatch(b);
        return IpcMessages.encapsulate(b, MessageHeader.RecordBatch, batch, body.size());
    }

    private void node(int length, int nullCount) {
        nodes.add(new long[] {length, nullCount});
    }

    private void begin() {
        bufferStart = body.size();
    }

    /** Ends the buffer begun at {@link #begin}: records it and pads the body to 8 bytes. */
    private void end() {
        buffers.add(new long[] {bufferStart, body.size() - bufferStart});
        body.pad8();
    }

    private void emptyBuffer() {
        buffers.add(new long[] {body.size(), 0});
    }

    /** The validity bitmap of {@code n} values given their null flags (none: an empty buffer). */
    private void validity(boolean[] isNull, int from, int n, int nullCount) {
        if (nullCount == 0) {
            emptyBuffer();
            return;
        }
        begin();
        int at = body.reserve((n + 7) >> 3);
        for (int i = 0; i < n; i++) {
            if (!isNull[from + i]) {
                body.setBit(at, i);
            }
        }
        end();
    }

    private static int countNulls(boolean[] isNull, int from, int n) {
        int count = 0;
        if (isNull != null) {
            for (int i = 0; i < n; i++) {
                if (isNull[from + i]) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The null flags of column {@code c} over all slices, or null when no value is null. */
    private static boolean[] nullFlags(List<Slice> slices, int c, int rows) {
        boolean[] out = null;
        int at = 0;
        for (Slice s : slices) {
            ColumnVector v = s.batch().column(c);
            if (v.mayHaveNulls()) {
                for (int i = s.from(); i < s.to(); i++) {
                    if (v.isNull(i)) {
                        if (out == null) out = new boolean[rows];
                        out[at + i - s.from()] = true;
                    }
                }
            }
            at += s.rows();
        }
        return out;
    }

    /** Whether column {@code c} of every slice is a vector of class {@code kind}. */
    private static boolean all(List<Slice> slices, int c, Class<?> kind) {
        for (Slice s : slices) {
            if (!kind.isInstance(s.batch().column(c))) return false;
        }
        return true;
    }

    private void column(DataType t, List<Slice> slices, int c, int rows) {
        boolean fast = DataTypes.isIntBacked(t) && all(slices, c, IntVector.class)
                || DataTypes.isLongBacked(t) && all(slices, c, LongVector.class)
                || t instanceof DoubleType && all(slices, c, DoubleVector.class)
                || t instanceof FloatType && all(slices, c, FloatVector.class)
                || t instanceof BooleanType && all(slices, c, BooleanVector.class)
                || t instanceof DecimalType && all(slices, c, DecimalVector.class);
        if (!fast) {
            Object[] values = new Object[rows];
            int at = 0;
            for (Slice s : slices) {
                ColumnVector v = s.batch().column(c);
                if (v instanceof StringVector sv) {
                    System.arraycopy(sv.values, s.from(), values, at, s.rows());
                } else {
                    for (int i = s.from(); i < s.to(); i++) {
                        values[at + i - s.from()] = v.isNull(i) ? null : v.get(i);
                    }
                }
                at += s.rows();
            }
            values(t, values);
            return;
        }
        boolean[] isNull = nullFlags(slices, c, rows);
        int nulls = countNulls(isNull, 0, rows);
        node(rows, nulls);
        validity(isNull, 0, rows, nulls);
        begin();
        int bitmapAt = t instanceof BooleanType ? body.reserve((rows + 7) >> 3) : 0;
        int at = 0;
        for (Slice s : slices) {
            ColumnVector v = s.batch().column(c);
            int from = s.from(), n = s.rows();
            if (v instanceof IntVector iv) {
                if (t instanceof ByteType) {
                    for (int i = 0; i < n; i++) body.putByte(iv.values[from + i]);
                } else if (t instanceof ShortType) {
                    for (int i = 0; i < n; i++) body.putShort(iv.values[from + i]);
                } else {
                    body.putInts(iv.values, from, n);
                }
            } else if (v instanceof LongVector lv) {
                body.putLongs(lv.values, from, n);
            } else if (v instanceof DoubleVector dv) {
                body.putDoubles(dv.values, from, n);
            } else if (v instanceof FloatVector fv) {
                body.putFloats(fv.values, from, n);
            } else if (v instanceof BooleanVector bv) {
                for (int i = 0; i < n; i++) {
                    if (bv.values[from + i]) body.setBit(bitmapAt, at + i);
                }
            } else if (v instanceof DecimalVector dv) {
                for (int i = 0; i < n; i++) {
                    long u = dv.unscaled[from + i];
                    body.putLong(u);
                    body.putLong(u < 0 ? -1L : 0L);
                }
            }
            at += n;
        }
        end();
    }

    /** A column (or a nested child) from its internal values. */
    private void values(DataType t, Object[] values) {
        int n = values.length;
        boolean[] isNull = new boolean[n];
        int nulls = 0;
        for (int i = 0; i < n; i++) {
            if (values[i] == null) {
                isNull[i] = true;
                nulls++;
            }
        }
        node(n, nulls);
        if (t instanceof NullType) {
            return;   // Arrow's null type has no buffers
        }
        validity(isNull, 0, n, nulls);
        if (t instanceof StringType || t instanceof BinaryType) {
            begin();
            int offsetsAt = body.reserve(4 * (n + 1));
            end();
            byte[][] data = new byte[n][];
            int total = 0;
            for (int i = 0; i < n; i++) {
                if (values[i] != null) {
                    data[i] = values[i] instanceof byte[] b ? b
                            : values[i].toString().getBytes(StandardCharsets.UTF_8);
                    total += data[i].length;
                }
                body.setInt(offsetsAt + 4 * (i + 1), total);
            }
            begin();
            for (byte[] d : data) {
                if (d != null) body.putBytes(d, 0, d.length);
            }
            end();
        } else if (t instanceof ArrayType a) {
            List<Object> flat = new ArrayList<>();
            begin();
            body.putInt(0);
            for (Object v : values) {
                if (v != null) flat.addAll((List<?>) v);
                body.putInt(flat.size());
            }
            end();
            values(a.elementType(), flat.toArray());
        } else if (t instanceof MapType m) {
            List<Object> keys = new ArrayList<>();
            List<Object> items = new ArrayList<>();
            begin();
            body.putInt(0);
            for (Object v : values) {
                if (v != null) {
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                        keys.add(e.getKey());
                        items.add(e.getValue());
                    }
                }
                body.putInt(keys.size());
            }
            end();
            node(keys.size(), 0);   // the entries struct: never null
            emptyBuffer();
            values(m.keyType(), keys.toArray());
            values(m.valueType(), items.toArray());
        } else if (t instanceof StructType s) {
            for (int f = 0; f < s.size(); f++) {
                Object[] child = new Object[n];
                for (int i = 0; i < n; i++) {
                    child[i] = values[i] == null ? null : ((Object[]) values[i])[f];
                }
                values(s.field(f).dataType(), child);
            }
        } else {
            begin();
            fixedWidth(t, values);
            end();
        }
    }

    private void fixedWidth(DataType t, Object[] values) {
        if (t instanceof BooleanType) {
            int at = body.reserve((values.length + 7) >> 3);
            for (int i = 0; i < values.length; i++) {
                if (Boolean.TRUE.equals(values[i])) body.setBit(at, i);
            }
            return;
        }
        for (Object v : values) {
            Number x = v instanceof Number num ? num : 0;
            if (t instanceof ByteType) body.putByte(x.intValue());
            else if (t instanceof ShortType) body.putShort(x.intValue());
            else if (DataTypes.isIntBacked(t)) body.putInt(x.intValue());
            else if (DataTypes.isLongBacked(t)) body.putLong(x.longValue());
            else if (t instanceof FloatType) body.putInt(Float.floatToRawIntBits(x.floatValue()));
            else if (t instanceof DoubleType) body.putLong(Double.doubleToRawLongBits(x.doubleValue()));
            else if (t instanceof DecimalType d) decimal(v == null ? BigDecimal.ZERO : (BigDecimal) v, d);
            else throw new IllegalArgumentException("no Arrow writer for " + t.simpleString());
        }
    }

    /** A decimal128: the unscaled value as 16 little-endian two's-complement bytes. */
    private void decimal(BigDecimal v, DecimalType d) {
        byte[] be = v.setScale(d.scale(), RoundingMode.HALF_UP).unscaledValue().toByteArray();
        byte sign = (byte) (be[0] < 0 ? -1 : 0);
        for (int i = 0; i < 16; i++) {
            body.putByte(i < be.length ? be[be.length - 1 - i] : sign);
        }
    }
}
