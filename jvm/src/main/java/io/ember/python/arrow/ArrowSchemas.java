package io.ember.python.arrow;

import com.google.flatbuffers.FlatBufferBuilder;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.ByteType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.IntegerType;
import io.ember.sql.types.LongType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.ShortType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import org.apache.arrow.flatbuf.Binary;
import org.apache.arrow.flatbuf.Bool;
import org.apache.arrow.flatbuf.Date;
import org.apache.arrow.flatbuf.DateUnit;
import org.apache.arrow.flatbuf.Decimal;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.FloatingPoint;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.Null;
import org.apache.arrow.flatbuf.Precision;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Struct_;
import org.apache.arrow.flatbuf.TimeUnit;
import org.apache.arrow.flatbuf.Timestamp;
import org.apache.arrow.flatbuf.Type;

/**
 * Spark types as Arrow types, exactly as the Python side maps them
 * ({@code ember.sql.pandas.arrow_types}): timestamps are microseconds ({@code timestamp} with
 * time zone UTC, {@code timestamp_ntz} without), dates {@code date32}, decimals
 * {@code decimal128(p, s)}, arrays lists with an {@code element} field, maps Arrow maps of
 * {@code entries} structs ({@code key}, {@code value}). Types outside this list (intervals,
 * ...) are not {@link #supported}: callers keep the pickled-rows path for them.
 *
 * <p>Stateless; thread-safe.
 */
public final class ArrowSchemas {
    private ArrowSchemas() {}

    /** Whether every column of {@code schema} has an Arrow type here. */
    public static boolean supported(StructType schema) {
        for (StructField f : schema.fields()) {
            if (!supported(f.dataType())) {
                return false;
            }
        }
        return true;
    }

    static boolean supported(DataType t) {
        if (t instanceof ArrayType a) {
            return supported(a.elementType());
        }
        if (t instanceof MapType m) {
            return supported(m.keyType()) && supported(m.valueType());
        }
        if (t instanceof StructType s) {
            return supported(s);
        }
        return t instanceof BooleanType || t instanceof ByteType || t instanceof ShortType
                || t instanceof IntegerType || t instanceof LongType || t instanceof FloatType
                || t instanceof DoubleType || t instanceof StringType || t instanceof BinaryType
                || t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType
                || t instanceof DecimalType || t instanceof NullType;
    }

    /** The encapsulated IPC message of {@code schema} (metadata only, no body). */
    static byte[] schemaMessage(StructType schema) {
        FlatBufferBuilder b = new FlatBufferBuilder(256);
        int[] fields = new int[schema.size()];
        for (int i = 0; i < fields.length; i++) {
            StructField f = schema.field(i);
            fields[i] = field(b, f.name(), f.dataType(), f.nullable());
        }
        int fieldsOffset = Schema.createFieldsVector(b, fields);
        int schemaOffset = Schema.createSchema(b, Endianness.Little, fieldsOffset, 0, 0);
        return IpcMessages.encapsulate(b, MessageHeader.Schema, schemaOffset, 0);
    }

    private static int field(FlatBufferBuilder b, String name, DataType t, boolean nullable) {
        int nameOffset = b.createString(name);
        int[] children = new int[0];
        if (t instanceof ArrayType a) {
            children = new int[] {field(b, "element", a.elementType(), a.containsNull())};
        } else if (t instanceof MapType m) {
            int key = field(b, "key", m.keyType(), false);
            int value = field(b, "value", m.valueType(), m.valueContainsNull());
            int entries = Field.createChildrenVector(b, new int[] {key, value});
            int entriesName = b.createString("entries");
            Struct_.startStruct_(b);
            int struct = Struct_.endStruct_(b);
            children = new int[] {Field.createField(b, entriesName, false, Type.Struct_, struct, 0, entries, 0)};
        } else if (t instanceof StructType s) {
            children = new int[s.size()];
            for (int i = 0; i < children.length; i++) {
                StructField f = s.field(i);
                children[i] = field(b, f.name(), f.dataType(), f.nullable());
            }
        }
        int childrenOffset = Field.createChildrenVector(b, children);
        byte typeType = typeType(t);
        int typeOffset = typeTable(b, t);
        return Field.createField(b, nameOffset, nullable, typeType, typeOffset, 0, childrenOffset, 0);
    }

    private static byte typeType(DataType t) {
        if (t instanceof BooleanType) return Type.Bool;
        if (t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType) {
            return Type.Int;
        }
        if (t instanceof FloatType || t instanceof DoubleType) return Type.FloatingPoint;
        if (t instanceof StringType) return Type.Utf8;
        if (t instanceof BinaryType) return Type.Binary;
        if (t instanceof DateType) return Type.Date;
        if (t instanceof TimestampType || t instanceof TimestampNTZType) return Type.Timestamp;
        if (t instanceof DecimalType) return Type.Decimal;
        if (t instanceof NullType) return Type.Null;
        if (t instanceof ArrayType) return Type.List;
        if (t instanceof MapType) return Type.Map;
        if (t instanceof StructType) return Type.Struct_;
        throw new IllegalArgumentException("no Arrow type for " + t.simpleString());
    }

    private static int typeTable(FlatBufferBuilder b, DataType t) {
        if (t instanceof ByteType) return Int.createInt(b, 8, true);
        if (t instanceof ShortType) return Int.createInt(b, 16, true);
        if (t instanceof IntegerType) return Int.createInt(b, 32, true);
        if (t instanceof LongType) return Int.createInt(b, 64, true);
        if (t instanceof FloatType) return FloatingPoint.createFloatingPoint(b, Precision.SINGLE);
        if (t instanceof DoubleType) return FloatingPoint.createFloatingPoint(b, Precision.DOUBLE);
        if (t instanceof DateType) return Date.createDate(b, DateUnit.DAY);
        if (t instanceof TimestampType) {
            return Timestamp.createTimestamp(b, TimeUnit.MICROSECOND, b.createString("UTC"));
        }
        if (t instanceof TimestampNTZType) return Timestamp.createTimestamp(b, TimeUnit.MICROSECOND, 0);
        if (t instanceof DecimalType d) return Decimal.createDecimal(b, d.precision(), d.scale(), 128);
        if (t instanceof MapType) return org.apache.arrow.flatbuf.Map.createMap(b, false);
        if (t instanceof ArrayType) {
            org.apache.arrow.flatbuf.List.startList(b);
            return org.apache.arrow.flatbuf.List.endList(b);
        }
        if (t instanceof StructType) {
            Struct_.startStruct_(b);
            return Struct_.endStruct_(b);
        }
        if (t instanceof BooleanType) {
            Bool.startBool(b);
            return Bool.endBool(b);
        }
        if (t instanceof StringType) {
            org.apache.arrow.flatbuf.Utf8.startUtf8(b);
            return org.apache.arrow.flatbuf.Utf8.endUtf8(b);
        }
        if (t instanceof BinaryType) {
            Binary.startBinary(b);
            return Binary.endBinary(b);
        }
        Null.startNull(b);
        return Null.endNull(b);
    }
}
