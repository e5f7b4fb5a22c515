package io.ember.python.arrow;

import io.ember.core.EmberException;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.ByteType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.ShortType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import io.ember.sql.vector.StringVector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;

/**
 * Reads Arrow IPC streams (what pyarrow's {@code RecordBatchStreamWriter} writes, uncompressed,
 * without dictionaries) into {@link ColumnBatch}es of a known Spark schema: primitive columns
 * into primitive vectors, strings into string vectors, decimals of up to 18 digits into
 * decimal vectors, everything else into object vectors of internal values. The stream's own
 * schema must have the expected number of columns; Python casts every column to the
 * schema's Arrow type before writing, so the buffers' layout is the one the schema implies.
 *
 * <p>Stateless per call; thread-safe.
 */
public final class ArrowBatchReader {
    private final StructType schema;

    public ArrowBatchReader(StructType schema) {
        if (!ArrowSchemas.supported(schema)) {
            throw new IllegalArgumentException("no Arrow form for " + schema.simpleString());
        }
        this.schema = schema;
    }

    /** Every record batch of the stream in {@code bytes}. */
    public List<ColumnBatch> read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<ColumnBatch> out = new ArrayList<>();
        while (in.remaining() >= 4) {
            int length = in.getInt();
            if (length == IpcMessages.CONTINUATION) {
                length = in.getInt();
            }
            if (length == 0) {
                break;
            }
            ByteBuffer meta = in.slice(in.position(), length).order(ByteOrder.LITTLE_ENDIAN);
            in.position(in.position() + length);
            Message message = Message.getRootAsMessage(meta);
            long bodyLength = message.bodyLength();
            int bodyStart = in.position();
            in.position(Math.toIntExact(bodyStart + bodyLength));
            if (message.headerType() == MessageHeader.Schema) {
                Schema s = (Schema) message.header(new Schema());
                if (s.fieldsLength() != schema.size()) {
                    throw new EmberException("an Arrow stream from Python has " + s.fieldsLength()
                            + " columns, expected " + schema.size());
                }
            } else if (message.headerType() == MessageHeader.RecordBatch) {
                RecordBatch rb = (RecordBatch) message.header(new RecordBatch());
                if (rb.compression() != null) {
                    throw new EmberException("compressed Arrow batches are not read here");
                }
                out.add(new Cursor(rb, in.slice(bodyStart, (int) bodyLength).order(ByteOrder.LITTLE_ENDIAN)).batch());
            } else {
                throw new EmberException("unexpected Arrow message type " + MessageHeader.name(message.headerType()));
            }
        }
        return out;
    }

    /** Walks one record batch's field nodes and buffers in order (depth first). */
    private final class Cursor {
        private final RecordBatch rb;
        private final ByteBuffer body;
        private final FieldNode node = new FieldNode();
        private final Buffer buffer = new Buffer();
        private int nextNode;
        private int nextBuffer;

        Cursor(RecordBatch rb, ByteBuffer body) {
            this.rb = rb;
            this.body = body;
        }

        ColumnBatch batch() {
            int rows = Math.toIntExact(rb.length());
            ColumnVector[] columns = new ColumnVector[schema.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = column(schema.field(c).dataType());
            }
            return new ColumnBatch(columns, rows);
        }

        private int[] node() {
            rb.nodes(node, nextNode++);
            return new int[] {Math.toIntExact(node.length()), Math.toIntExact(node.nullCount())};
        }

        /** The next buffer as {offset, length} within the body. */
        private int[] buffer() {
            rb.buffers(buffer, nextBuffer++);
            return new int[] {(int) buffer.offset(), (int) buffer.length()};
        }

        /** Null flags of {@code n} values, or null when none is null. */
        private boolean[] nulls(int n, int nullCount) {
            int[] b = buffer();
            if (nullCount == 0 || b[1] == 0) {
                return null;
            }
            boolean[] isNull = new boolean[n];
            for (int i = 0; i < n; i++) {
                isNull[i] = (body.get(b[0] + (i >> 3)) & (1 << (i & 7))) == 0;
            }
            return isNull;
        }

        private ColumnVector column(DataType t) {
            if (t instanceof NullType || t instanceof ArrayType || t instanceof MapType
                    || t instanceof StructType || t instanceof BinaryType
                    || t instanceof DecimalType d && d.precision() > 18) {
                return new ObjectVector(t, values(t));
            }
            int[] nd = node();
            int n = nd[0];
            boolean[] isNull = nulls(n, nd[1]);
            if (t instanceof StringType) {
                return new StringVector(t, strings(n, isNull));
            }
            int[] data = buffer();
            ByteBuffer d = body.slice(data[0], data[1]).order(ByteOrder.LITTLE_ENDIAN);
            if (t instanceof ByteType || t instanceof ShortType) {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) v[i] = t instanceof ByteType ? d.get(i) : d.getShort(2 * i);
                return new IntVector(t, v, isNull);
            }
            if (DataTypes.isIntBacked(t)) {
                int[] v = new int[n];
                d.asIntBuffer().get(v);
                return new IntVector(t, v, isNull);
            }
            if (DataTypes.isLongBacked(t)) {
                long[] v = new long[n];
                d.asLongBuffer().get(v);
                return new LongVector(t, v, isNull);
            }
            if (t instanceof DoubleType) {
                double[] v = new double[n];
                d.asDoubleBuffer().get(v);
                return new DoubleVector(t, v, isNull);
            }
            if (t instanceof FloatType) {
                float[] v = new float[n];
                d.asFloatBuffer().get(v);
                return new FloatVector(t, v, isNull);
            }
            if (t instanceof BooleanType) {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) v[i] = (d.get(i >> 3) & (1 << (i & 7))) != 0;
                return new BooleanVector(t, v, isNull);
            }
            if (t instanceof DecimalType dt) {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) v[i] = d.getLong(16 * i);
                return new DecimalVector(dt, v, isNull);
            }
            throw new EmberException("no Arrow reader for " + t.simpleString());
        }

        private String[] strings(int n, boolean[] isNull) {
            int[] offsets = buffer();
            int[] data = buffer();
            String[] out = new String[n];
            byte[] bytes = new byte[data[1]];
            body.get(data[0], bytes);
            for (int i = 0; i < n; i++) {
                if (isNull == null || !isNull[i]) {
                    int start = body.getInt(offsets[0] + 4 * i);
                    int end = body.getInt(offsets[0] + 4 * (i + 1));
                    out[i] = new String(bytes, start, end - start, StandardCharsets.UTF_8);
                }
            }
            return out;
        }

        /** A column or nested child as internal values. */
        private Object[] values(DataType t) {
            int[] nd = node();
            int n = nd[0];
            Object[] out = new Object[n];
            if (t instanceof NullType) {
                return out;
            }
            boolean[] isNull = nulls(n, nd[1]);
            if (t instanceof StringType) {
                System.arraycopy(strings(n, isNull), 0, out, 0, n);
            } else if (t instanceof BinaryType) {
                int[] offsets = buffer();
                int[] data = buffer();
                for (int i = 0; i < n; i++) {
                    if (isNull == null || !isNull[i]) {
                        int start = body.getInt(offsets[0] + 4 * i);
                        int end = body.getInt(offsets[0] + 4 * (i + 1));
                        byte[] b = new byte[end - start];
                        body.get(data[0] + start, b);
                        out[i] = b;
                    }
                }
            } else if (t instanceof ArrayType a) {
                int[] offsets = buffer();
                Object[] flat = values(a.elementType());
                for (int i = 0; i < n; i++) {
                    if (isNull == null || !isNull[i]) {
                        int start = body.getInt(offsets[0] + 4 * i);
                        int end = body.getInt(offsets[0] + 4 * (i + 1));
                        out[i] = new ArrayList<>(Arrays.asList(flat).subList(start, end));
                    }
                }
            } else if (t instanceof MapType m) {
                int[] offsets = buffer();
                node();       // the entries struct
                buffer();     // and its (empty) validity
                Object[] keys = values(m.keyType());
                Object[] items = values(m.valueType());
                for (int i = 0; i < n; i++) {
                    if (isNull == null || !isNull[i]) {
                        Map<Object, Object> map = new LinkedHashMap<>();
                        int start = body.getInt(offsets[0] + 4 * i);
                        int end = body.getInt(offsets[0] + 4 * (i + 1));
                        for (int k = start; k < end; k++) map.put(keys[k], items[k]);
                        out[i] = map;
                    }
                }
            } else if (t instanceof StructType s) {
                Object[][] children = new Object[s.size()][];
                for (int f = 0; f < children.length; f++) {
                    children[f] = values(s.field(f).dataType());
                }
                for (int i = 0; i < n; i++) {
                    if (isNull == null || !isNull[i]) {
                        Object[] row = new Object[children.length];
                        for (int f = 0; f < row.length; f++) row[f] = children[f][i];
                        out[i] = row;
                    }
                }
            } else {
                int[] data = buffer();
                for (int i = 0; i < n; i++) {
                    if (isNull == null || !isNull[i]) out[i] = fixed(t, data[0], i);
                }
            }
            return out;
        }

        private Object fixed(DataType t, int at, int i) {
            if (t instanceof BooleanType) return (body.get(at + (i >> 3)) & (1 << (i & 7))) != 0;
            if (t instanceof ByteType) return (int) body.get(at + i);
            if (t instanceof ShortType) return (int) body.getShort(at + 2 * i);
            if (DataTypes.isIntBacked(t)) return body.getInt(at + 4 * i);
            if (DataTypes.isLongBacked(t)) return body.getLong(at + 8 * i);
            if (t instanceof FloatType) return body.getFloat(at + 4 * i);
            if (t instanceof DoubleType) return body.getDouble(at + 8 * i);
            if (t instanceof DecimalType d) {
                byte[] be = new byte[16];
                for (int k = 0; k < 16; k++) be[k] = body.get(at + 16 * i + 15 - k);
                return new BigDecimal(new BigInteger(be), d.scale());
            }
            throw new EmberException("no Arrow reader for " + t.simpleString());
        }
    }
}
