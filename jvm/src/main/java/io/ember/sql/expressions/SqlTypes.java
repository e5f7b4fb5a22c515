package io.ember.sql.expressions;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.Locale;

/** Type facts the kernels and coercion rules share: SQL names and type families. */
public final class SqlTypes {
    private SqlTypes() {}

    /** The upper-case SQL name Spark prints in casts and messages: {@code INT}, {@code STRUCT<a: INT>}. */
    public static String sqlName(DataType t) {
        if (t instanceof ArrayType a) {
            return "ARRAY<" + sqlName(a.elementType()) + ">";
        }
        if (t instanceof MapType m) {
            return "MAP<" + sqlName(m.keyType()) + ", " + sqlName(m.valueType()) + ">";
        }
        if (t instanceof StructType s) {
            StringBuilder b = new StringBuilder("STRUCT<");
            for (int i = 0; i < s.size(); i++) {
                StructField f = s.field(i);
                b.append(i == 0 ? "" : ", ").append(f.name()).append(": ").append(sqlName(f.dataType()));
            }
            return b.append('>').toString();
        }
        if (t == DataTypes.NullType || t.equals(DataTypes.NullType)) {
            return "VOID";
        }
        return t.simpleString().toUpperCase(Locale.ROOT);
    }

    public static boolean isIntegral(DataType t) {
        return t.equals(DataTypes.ByteType) || t.equals(DataTypes.ShortType) || t.equals(DataTypes.IntegerType)
                || t.equals(DataTypes.LongType);
    }

    public static boolean isFractional(DataType t) {
        return t.equals(DataTypes.FloatType) || t.equals(DataTypes.DoubleType);
    }

    public static boolean isNumeric(DataType t) {
        return DataTypes.isNumeric(t);
    }

    public static boolean isString(DataType t) {
        return t.equals(DataTypes.StringType);
    }

    public static boolean isNull(DataType t) {
        return t.equals(DataTypes.NullType);
    }

    public static boolean isDatetime(DataType t) {
        return t.equals(DataTypes.DateType) || t.equals(DataTypes.TimestampType) || t.equals(DataTypes.TimestampNTZType);
    }

    /** Atomic: not array, map or struct. */
    public static boolean isAtomic(DataType t) {
        return !(t instanceof ArrayType || t instanceof MapType || t instanceof StructType) && !isNull(t);
    }

    /** Types whose values can be ordered (everything but maps, and complex types holding maps). */
    public static boolean isOrderable(DataType t) {
        if (t instanceof MapType) {
            return false;
        }
        if (t instanceof ArrayType a) {
            return isOrderable(a.elementType());
        }
        if (t instanceof StructType s) {
            return s.fields().stream().allMatch(f -> isOrderable(f.dataType()));
        }
        return true;
    }
}
