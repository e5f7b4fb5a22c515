package io.ember.sql.sources;

import io.ember.sql.AnalysisException;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.ByteType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.IntegerType;
import io.ember.sql.types.LongType;
import io.ember.sql.types.ShortType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Spark types to Parquet columns and back, as Spark maps them: ints with their width
 * annotations, dates as annotated int32, timestamps as int64 microseconds (int96 read too,
 * as Spark writes by default), decimals as int32/int64/fixed bytes by precision, strings as
 * UTF-8 binary. Ember reads and writes flat schemas; nested columns are refused clearly.
 */
final class ParquetSchemas {
    static final String ROOT = "spark_schema";

    private ParquetSchemas() {}

    /** The footer key under which Spark (and Ember) store the writer's schema in Spark's JSON. */
    static final String SPARK_ROW_METADATA = "org.apache.spark.sql.parquet.row.metadata";

    /**
     * {@code fromFooter} with each field's metadata taken from the writer's Spark schema (the
     * {@link #SPARK_ROW_METADATA} JSON, null when absent), for fields of the same name; the
     * types stay the footer's, except ANSI intervals, which Parquet stores as plain int32/int64.
     */
    static StructType withSparkMetadata(StructType fromFooter, String sparkSchemaJson) {
        if (sparkSchemaJson == null) {
            return fromFooter;
        }
        StructType written;
        try {
            written = (StructType) io.ember.sql.types.DataTypeJson.fromJson(sparkSchemaJson);
        } catch (RuntimeException e) {
            return fromFooter;   // a schema this version cannot read: only the metadata is lost
        }
        java.util.Map<String, StructField> byName = new java.util.HashMap<>();
        for (StructField f : written.fields()) {
            byName.put(f.name(), f);
        }
        List<StructField> out = new ArrayList<>();
        for (StructField f : fromFooter.fields()) {
            StructField w = byName.get(f.name());
            DataType type = w != null && storedAs(w.dataType(), f.dataType()) ? w.dataType() : f.dataType();
            out.add(new StructField(f.name(), type, f.nullable(), w == null ? f.metadata() : w.metadata()));
        }
        return new StructType(out);
    }

    /** Whether {@code written} is a type Parquet stores as plain {@code physical} (ANSI intervals, as Spark writes them). */
    private static boolean storedAs(DataType written, DataType physical) {
        return written instanceof io.ember.sql.types.DayTimeIntervalType && physical instanceof LongType
                || written instanceof io.ember.sql.types.YearMonthIntervalType && physical instanceof IntegerType;
    }

    static MessageType toParquet(StructType schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (StructField f : schema.fields()) {
            b.addField(column(f));
        }
        return b.named(ROOT);
    }

    private static Type column(StructField f) {
        DataType t = f.dataType();
        Types.PrimitiveBuilder<PrimitiveType> p;
        if (t instanceof BooleanType) {
            p = Types.optional(PrimitiveTypeName.BOOLEAN);
        } else if (t instanceof ByteType) {
            p = Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, true));
        } else if (t instanceof ShortType) {
            p = Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(16, true));
        } else if (t instanceof IntegerType) {
            p = Types.optional(PrimitiveTypeName.INT32);
        } else if (t instanceof DateType) {
            p = Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType());
        } else if (t instanceof LongType || t instanceof io.ember.sql.types.DayTimeIntervalType) {
            p = Types.optional(PrimitiveTypeName.INT64);   // an interval's type lives in the Spark schema
        } else if (t instanceof io.ember.sql.types.YearMonthIntervalType) {
            p = Types.optional(PrimitiveTypeName.INT32);
        } else if (t instanceof TimestampType) {
            p = Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
        } else if (t instanceof TimestampNTZType) {
            p = Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS));
        } else if (t instanceof FloatType) {
            p = Types.optional(PrimitiveTypeName.FLOAT);
        } else if (t instanceof DoubleType) {
            p = Types.optional(PrimitiveTypeName.DOUBLE);
        } else if (t instanceof StringType) {
            p = Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType());
        } else if (t instanceof BinaryType) {
            p = Types.optional(PrimitiveTypeName.BINARY);
        } else if (t instanceof DecimalType d) {
            LogicalTypeAnnotation a = LogicalTypeAnnotation.decimalType(d.scale(), d.precision());
            if (d.precision() <= 9) {
                p = Types.optional(PrimitiveTypeName.INT32).as(a);
            } else if (d.precision() <= 18) {
                p = Types.optional(PrimitiveTypeName.INT64).as(a);
            } else {
                p = Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(bytesFor(d.precision())).as(a);
            }
        } else {
            throw unsupported(f.name(), t);
        }
        return p.named(f.name());
    }

    static int bytesFor(int precision) {
        int bytes = 1;
        while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
            bytes++;
        }
        return bytes;
    }

    static AnalysisException unsupported(String column, DataType t) {
        return new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "The Parquet datasource doesn't support"
                + " the column `" + column + "` of the type \"" + t.simpleString().toUpperCase() + "\" (Ember reads and"
                + " writes flat Parquet schemas).", Map.of("columnName", "`" + column + "`",
                "columnType", t.simpleString(), "format", "Parquet"));
    }

    static StructType toSpark(MessageType message) {
        List<StructField> fields = new ArrayList<>();
        for (Type f : message.getFields()) {
            if (!f.isPrimitive() || f.isRepetition(Type.Repetition.REPEATED)) {
                throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "The Parquet column `"
                        + f.getName() + "` is nested (" + f + "); Ember reads flat Parquet schemas.",
                        Map.of("columnName", f.getName(), "format", "Parquet"));
            }
            fields.add(new StructField(f.getName(), typeOf(f.asPrimitiveType()), true));
        }
        return new StructType(fields);
    }

    static DataType typeOf(PrimitiveType p) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            return new DecimalType(d.getPrecision(), d.getScale());
        }
        switch (p.getPrimitiveTypeName()) {
            case BOOLEAN:
                return DataTypes.BooleanType;
            case INT32:
                if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return DataTypes.DateType;
                }
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && i.isSigned()) {
                    return i.getBitWidth() == 8 ? DataTypes.ByteType : i.getBitWidth() == 16 ? DataTypes.ShortType
                            : DataTypes.IntegerType;
                }
                return DataTypes.IntegerType;
            case INT64:
                if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
                    return ts.isAdjustedToUTC() ? DataTypes.TimestampType : DataTypes.TimestampNTZType;
                }
                return DataTypes.LongType;
            case INT96:
                return DataTypes.TimestampType;
            case FLOAT:
                return DataTypes.FloatType;
            case DOUBLE:
                return DataTypes.DoubleType;
            case BINARY:
                return a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
                        ? DataTypes.StringType : DataTypes.BinaryType;
            default:
                return DataTypes.BinaryType;
        }
    }
}
