package io.ember.sql.expressions.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Internal values to JSON trees and back, for {@code to_json} and {@code from_json}: structs
 * are objects (null fields left out when writing, as Spark's default), arrays are arrays, maps
 * objects; a JSON value that does not fit its type reads as null. Timestamps are not handled
 * (they read as null and are written as their internal microseconds).
 */
final class JsonValues {
    private JsonValues() {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static JsonNode write(Object v, DataType t) {
        if (v == null) return NODES.nullNode();
        if (t instanceof StructType s) {
            ObjectNode o = NODES.objectNode();
            Object[] values = (Object[]) v;
            for (int i = 0; i < s.size(); i++) {
                StructField f = s.field(i);
                if (values[i] != null) o.set(f.name(), write(values[i], f.dataType()));
            }
            return o;
        }
        if (t instanceof ArrayType a) {
            ArrayNode arr = NODES.arrayNode();
            for (Object e : (List<?>) v) arr.add(write(e, a.elementType()));
            return arr;
        }
        if (t instanceof MapType m) {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) o.set(String.valueOf(e.getKey()), write(e.getValue(), m.valueType()));
            return o;
        }
        if (v instanceof String s) return NODES.textNode(s);
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        if (t.equals(DataTypes.DateType)) return NODES.textNode(DateTimeUtils.formatDate((Integer) v));
        if (v instanceof Double d) return NODES.numberNode(d);
        if (v instanceof Float f) return NODES.numberNode(f);
        if (v instanceof Long l) return NODES.numberNode(l);
        if (v instanceof Integer i) return NODES.numberNode(i);
        if (v instanceof BigDecimal d) return NODES.numberNode(d);
        if (v instanceof byte[] b) return NODES.textNode(Base64.getEncoder().encodeToString(b));
        return NODES.textNode(String.valueOf(v));
    }

    /** The internal value of {@code n} as type {@code t}, or null when it does not fit. */
    static Object read(JsonNode n, DataType t) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        if (t instanceof StructType s) {
            if (!n.isObject()) return null;
            Object[] out = new Object[s.size()];
            for (int i = 0; i < s.size(); i++) out[i] = read(n.get(s.field(i).name()), s.field(i).dataType());
            return out;
        }
        if (t instanceof ArrayType a) {
            if (!n.isArray()) return null;
            List<Object> out = new ArrayList<>();
            for (JsonNode e : n) out.add(read(e, a.elementType()));
            return out;
        }
        if (t instanceof MapType m) {
            if (!n.isObject()) return null;
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), read(e.getValue(), m.valueType()));
            }
            return out;
        }
        if (t.equals(DataTypes.StringType)) return n.isTextual() ? n.asText() : n.toString();
        if (t.equals(DataTypes.BooleanType)) return n.isBoolean() ? n.booleanValue() : null;
        if (t.equals(DataTypes.DateType)) return n.isTextual() ? DateTimeUtils.parseDate(n.asText()) : null;
        if (!n.isNumber()) return null;
        if (t.equals(DataTypes.DoubleType)) return n.doubleValue();
        if (t.equals(DataTypes.FloatType)) return n.floatValue();
        if (t instanceof DecimalType) return n.decimalValue();
        if (!n.isIntegralNumber()) return null;
        if (t.equals(DataTypes.LongType)) return n.canConvertToLong() ? n.longValue() : null;
        if (t.equals(DataTypes.IntegerType)) return n.canConvertToInt() ? n.intValue() : null;
        if (t.equals(DataTypes.ShortType)) return n.intValue() >= Short.MIN_VALUE && n.intValue() <= Short.MAX_VALUE ? n.intValue() : null;
        if (t.equals(DataTypes.ByteType)) return n.intValue() >= Byte.MIN_VALUE && n.intValue() <= Byte.MAX_VALUE ? n.intValue() : null;
        return null;
    }

    /** Spark's JSON schema inference for one value: integers BIGINT, other numbers DOUBLE, objects with sorted fields. */
    static DataType infer(JsonNode n) {
        if (n == null || n.isNull()) return DataTypes.NullType;
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            List<StructField> fields = new ArrayList<>();
            for (String name : names) fields.add(new StructField(name, nullToString(infer(n.get(name))), true, Map.of()));
            return new StructType(fields);
        }
        if (n.isArray()) {
            DataType e = DataTypes.NullType;
            for (JsonNode x : n) e = merge(e, infer(x));
            return DataTypes.createArrayType(nullToString(e));
        }
        if (n.isIntegralNumber()) return DataTypes.LongType;
        if (n.isNumber()) return DataTypes.DoubleType;
        if (n.isBoolean()) return DataTypes.BooleanType;
        return DataTypes.StringType;
    }

    private static DataType nullToString(DataType t) {
        return t.equals(DataTypes.NullType) ? DataTypes.StringType : t;
    }

    private static DataType merge(DataType a, DataType b) {
        if (a.equals(DataTypes.NullType)) return b;
        if (b.equals(DataTypes.NullType) || a.equals(b)) return a;
        boolean numeric = (a.equals(DataTypes.LongType) || a.equals(DataTypes.DoubleType))
                && (b.equals(DataTypes.LongType) || b.equals(DataTypes.DoubleType));
        return numeric ? DataTypes.DoubleType : DataTypes.StringType;
    }
}
