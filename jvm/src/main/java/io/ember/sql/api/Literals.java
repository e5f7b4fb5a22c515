package io.ember.sql.api;

import io.ember.sql.expressions.Literal;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A Java value as a typed literal, with the type Spark's {@code lit} gives it. */
final class Literals {
    private Literals() {}

    static Literal of(Object v) {
        DataType t = typeOf(v);
        return new Literal(ExternalValues.toInternal(v, t), t);
    }

    static DataType typeOf(Object v) {
        if (v == null) return DataTypes.NullType;
        if (v instanceof Integer) return DataTypes.IntegerType;
        if (v instanceof Long) return DataTypes.LongType;
        if (v instanceof Double) return DataTypes.DoubleType;
        if (v instanceof Float) return DataTypes.FloatType;
        if (v instanceof Short) return DataTypes.ShortType;
        if (v instanceof Byte) return DataTypes.ByteType;
        if (v instanceof String) return DataTypes.StringType;
        if (v instanceof Boolean) return DataTypes.BooleanType;
        if (v instanceof byte[]) return DataTypes.BinaryType;
        if (v instanceof BigDecimal d) {
            int scale = Math.max(d.scale(), 0);
            int precision = Math.max(d.precision() - d.scale() + scale, scale);
            return DecimalType.bounded(Math.max(precision, 1), scale);
        }
        if (v instanceof Date || v instanceof LocalDate) return DataTypes.DateType;
        if (v instanceof Timestamp || v instanceof Instant) return DataTypes.TimestampType;
        if (v instanceof LocalDateTime) return DataTypes.TimestampNTZType;
        if (v instanceof List<?> l) {
            DataType element = l.isEmpty() ? DataTypes.NullType : typeOf(l.get(0));
            return new ArrayType(element, l.contains(null));
        }
        throw new IllegalArgumentException("[UNSUPPORTED_FEATURE.LITERAL_TYPE] The feature is not supported: Literal for '"
                + v + "' of " + v.getClass() + ".");
    }
}
