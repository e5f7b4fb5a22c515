package io.ember.sql.sources;

import io.ember.sql.AnalysisException;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.IntegerType;
import io.ember.sql.types.LongType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Partition columns from {@code key=value} directory names, as Spark discovers them: the keys
 * of every leaf directory must agree; values are typed int, bigint, double, date, timestamp or
 * string (the narrowest type all of a column's values fit, {@code __HIVE_DEFAULT_PARTITION__}
 * being null), unless type inference is off or the user's schema names the column.
 */
final class PartitionDiscovery {
    static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private PartitionDiscovery() {}

    /** The {@code key=value} pairs of the directories between a root and a file, or null when one is not such a pair. */
    static List<String[]> parse(List<String> dirNames) {
        List<String[]> pairs = new ArrayList<>();
        for (String d : dirNames) {
            int eq = d.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            pairs.add(new String[] {unescape(d.substring(0, eq)), unescape(d.substring(eq + 1))});
        }
        return pairs;
    }

    static String unescape(String s) {
        return s.indexOf('%') < 0 ? s : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Escapes a value for a directory name as Spark does (characters that paths or URIs reserve become %XX). */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < ' ' || "\"#%'*/:=?\\\u007F{[]^".indexOf(c) >= 0) {
                b.append('%').append(String.format("%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The partition schema for the raw values of each leaf directory ({@code rows}, all with
     * {@code keys}); {@code userSchema} (nullable) fixes the types of the columns it names.
     */
    static StructType schema(List<String> keys, List<String[]> rows, boolean inferTypes, StructType userSchema,
            TextValues values) {
        List<StructField> fields = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            if (userSchema != null && userSchema.indexOf(key) >= 0) {
                StructField f = userSchema.field(userSchema.indexOf(key));
                fields.add(new StructField(key, f.dataType(), true));
                continue;
            }
            DataType t = DataTypes.NullType;
            for (String[] row : rows) {
                t = inferTypes ? widen(t, typeOf(row[k], values)) : DataTypes.StringType;
            }
            fields.add(new StructField(key, t instanceof NullType ? DataTypes.StringType : t, true));
        }
        return new StructType(fields);
    }

    /** The internal value of one raw partition value, or null when it is the default partition or does not fit. */
    static Object value(String raw, DataType type, TextValues values) {
        if (raw == null || raw.equals(DEFAULT_PARTITION)) {
            return null;
        }
        ColumnBuilder b = ColumnBuilder.of(type, 1, values, false);
        if (!b.setText(0, raw)) {
            if (type.equals(DataTypes.StringType)) {
                return raw;
            }
            throw new AnalysisException("PARTITION_VALUE_MISMATCH", "The partition value '" + raw
                    + "' cannot be read as " + type.simpleString() + ".", Map.of("value", raw));
        }
        return b.build(1).get(0);
    }

    private static DataType typeOf(String raw, TextValues values) {
        if (raw.equals(DEFAULT_PARTITION)) {
            return DataTypes.NullType;
        }
        DataType t = CsvInference.typeOf(raw, DataTypes.NullType, values);
        return t.equals(DataTypes.BooleanType) ? DataTypes.StringType : t;
    }

    private static DataType widen(DataType a, DataType b) {
        if (a.equals(b) || b instanceof NullType) {
            return a;
        }
        if (a instanceof NullType) {
            return b;
        }
        boolean numA = a instanceof IntegerType || a instanceof LongType || a instanceof DoubleType;
        boolean numB = b instanceof IntegerType || b instanceof LongType || b instanceof DoubleType;
        if (numA && numB) {
            return CsvInference.widen(a, b);
        }
        if ((a instanceof DateType || a instanceof TimestampType) && (b instanceof DateType || b instanceof TimestampType)) {
            return DataTypes.TimestampType;
        }
        return DataTypes.StringType;
    }
}
