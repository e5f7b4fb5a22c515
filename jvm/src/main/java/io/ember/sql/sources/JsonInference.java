package io.ember.sql.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.LongType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the schema of JSON lines files as Spark does: integers are {@code bigint} (a decimal
 * beyond that), other numbers {@code double}, objects structs with fields sorted by name,
 * arrays of the merged element type; types of a field merge across rows (bigint and double
 * make double, structs merge field by field, anything else with a string makes a string), and
 * fields seen only as null become strings. In PERMISSIVE mode a line that is not a JSON
 * object adds the corrupt-record column; FAILFAST fails. Runs on the driver over every line.
 */
final class JsonInference {
    private JsonInference() {}

    static StructType infer(List<Path> files, ParseMode mode, String corruptColumn, ObjectMapper json, boolean multiLine) {
        DataType schema = DataTypes.NullType;
        boolean corrupt = false;
        for (Path file : files) {
            try (FileFormat.CloseableIterator<String> lines = Records.json(file, 0, Files.size(file), multiLine)) {
                long lineNo = 0;
                while (lines.hasNext()) {
                    String line = lines.next();
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = parse(json, line);
                    if (node == null || !node.isObject()) {
                        if (mode == ParseMode.FAILFAST) {
                            throw MalformedRecords.failFast(file.toString(), lineNo, line, "not a JSON object");
                        }
                        corrupt |= mode == ParseMode.PERMISSIVE;
                        continue;
                    }
                    DataType row = typeOf(node);
                    if (!row.equals(schema)) { // most rows repeat the schema so far: skip rebuilding it
                        schema = merge(schema, row);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        StructType s = schema instanceof StructType st ? st : new StructType(List.of());
        if (corrupt && s.indexOf(corruptColumn) < 0) {
            s = (StructType) merge(s, new StructType(List.of(new StructField(corruptColumn, DataTypes.StringType))));
        }
        return (StructType) nullsToStrings(s);
    }

    static JsonNode parse(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    static DataType typeOf(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return DataTypes.NullType;
        }
        if (n.isBoolean()) {
            return DataTypes.BooleanType;
        }
        if (n.isIntegralNumber()) {
            if (n.canConvertToLong()) {
                return DataTypes.LongType;
            }
            int digits = n.bigIntegerValue().abs().toString().length();
            return digits <= DecimalType.MAX_PRECISION ? new DecimalType(digits, 0) : DataTypes.DoubleType;
        }
        if (n.isNumber()) {
            return DataTypes.DoubleType;
        }
        if (n.isArray()) {
            DataType element = DataTypes.NullType;
            for (JsonNode e : n) {
                element = merge(element, typeOf(e));
            }
            return new ArrayType(element, true);
        }
        if (n.isObject()) {
            TreeMap<String, DataType> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.merge(e.getKey(), typeOf(e.getValue()), JsonInference::merge);
            }
            List<StructField> out = new ArrayList<>();
            fields.forEach((k, v) -> out.add(new StructField(k, v, true)));
            return new StructType(out);
        }
        return DataTypes.StringType;
    }

    /** Spark's JSON {@code compatibleType}. */
    static DataType merge(DataType a, DataType b) {
        if (a.equals(b) || b instanceof NullType) {
            return a;
        }
        if (a instanceof NullType) {
            return b;
        }
        boolean numA = a instanceof LongType || a instanceof DoubleType || a instanceof DecimalType;
        boolean numB = b instanceof LongType || b instanceof DoubleType || b instanceof DecimalType;
        if (numA && numB) {
            if (a instanceof DoubleType || b instanceof DoubleType) {
                return DataTypes.DoubleType;
            }
            DecimalType da = a instanceof DecimalType d ? d : new DecimalType(20, 0);
            DecimalType db = b instanceof DecimalType d ? d : new DecimalType(20, 0);
            int scale = Math.max(da.scale(), db.scale());
            int intDigits = Math.max(da.precision() - da.scale(), db.precision() - db.scale());
            return intDigits + scale > DecimalType.MAX_PRECISION ? DataTypes.DoubleType
                    : new DecimalType(intDigits + scale, scale);
        }
        if (a instanceof StructType sa && b instanceof StructType sb) {
            TreeMap<String, DataType> fields = new TreeMap<>();
            for (StructField f : sa.fields()) {
                fields.put(f.name(), f.dataType());
            }
            for (StructField f : sb.fields()) {
                fields.merge(f.name(), f.dataType(), JsonInference::merge);
            }
            List<StructField> out = new ArrayList<>();
            fields.forEach((k, v) -> out.add(new StructField(k, v, true)));
            return new StructType(out);
        }
        if (a instanceof ArrayType aa && b instanceof ArrayType ab) {
            return new ArrayType(merge(aa.elementType(), ab.elementType()), true);
        }
        return DataTypes.StringType;
    }

    private static DataType nullsToStrings(DataType t) {
        if (t instanceof NullType) {
            return DataTypes.StringType;
        }
        if (t instanceof ArrayType a) {
            return new ArrayType(nullsToStrings(a.elementType()), true);
        }
        if (t instanceof StructType s) {
            List<StructField> out = new ArrayList<>();
            for (StructField f : s.fields()) {
                out.add(new StructField(f.name(), nullsToStrings(f.dataType()), true));
            }
            return new StructType(out);
        }
        return t;
    }
}
