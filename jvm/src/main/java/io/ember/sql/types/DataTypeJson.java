package io.ember.sql.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's JSON schema format, both ways: atomic types are strings ({@code "integer"},
 * {@code "decimal(10,2)"}), complex types objects:
 * <pre>
 * {"type":"struct","fields":[{"name":"a","type":"integer","nullable":true,"metadata":{}}]}
 * {"type":"array","elementType":"string","containsNull":true}
 * {"type":"map","keyType":"string","valueType":"long","valueContainsNull":true}
 * </pre>
 * Keys are written in Spark's order and read in any order. This is what Python's
 * {@code StructType.json()} / {@code fromJson} speak, and what Parquet files written by
 * Spark carry. Stateless; thread-safe.
 */
public final class DataTypeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DECIMAL = Pattern.compile("decimal\\(\\s*(\\d+)\\s*,\\s*(-?\\d+)\\s*\\)");
    private static final Pattern CHARS = Pattern.compile("(var)?char\\(\\s*\\d+\\s*\\)");

    private DataTypeJson() {}

    /** The type as Spark's JSON text. */
    public static String toJson(DataType type) {
        try {
            return MAPPER.writeValueAsString(toNode(type));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the schema of " + type.simpleString() + " as JSON", e);
        }
    }

    /** The type in Spark's JSON text; IllegalArgumentException names what is wrong. */
    public static DataType fromJson(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON schema: " + e.getOriginalMessage(), e);
        }
        return fromNode(node);
    }

    /** The type as a Jackson tree (for callers embedding a schema in larger JSON). */
    public static JsonNode toNode(DataType type) {
        if (type instanceof StructType s) {
            ObjectNode o = NODES.objectNode();
            o.put("type", "struct");
            ArrayNode fields = o.putArray("fields");
            for (StructField f : s.fields()) {
                ObjectNode field = fields.addObject();
                field.put("name", f.name());
                field.set("type", toNode(f.dataType()));
                field.put("nullable", f.nullable());
                field.set("metadata", MAPPER.valueToTree(f.metadata()));
            }
            return o;
        }
        if (type instanceof ArrayType a) {
            ObjectNode o = NODES.objectNode();
            o.put("type", "array");
            o.set("elementType", toNode(a.elementType()));
            o.put("containsNull", a.containsNull());
            return o;
        }
        if (type instanceof MapType m) {
            ObjectNode o = NODES.objectNode();
            o.put("type", "map");
            o.set("keyType", toNode(m.keyType()));
            o.set("valueType", toNode(m.valueType()));
            o.put("valueContainsNull", m.valueContainsNull());
            return o;
        }
        return NODES.textNode(type.typeName());
    }

    /** The type of a Jackson tree in Spark's JSON schema format. */
    public static DataType fromNode(JsonNode node) {
        if (node.isTextual()) {
            return atomic(node.asText());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("a JSON data type is a string or an object, not " + node);
        }
        String kind = required(node, "type").asText();
        switch (kind) {
            case "struct": {
                List<StructField> fields = new ArrayList<>();
                JsonNode list = required(node, "fields");
                if (!list.isArray()) {
                    throw new IllegalArgumentException("\"fields\" of a struct must be a list: " + node);
                }
                for (JsonNode f : list) {
                    fields.add(field(f));
                }
                return new StructType(fields);
            }
            case "array":
                return new ArrayType(fromNode(required(node, "elementType")), required(node, "containsNull").asBoolean());
            case "map":
                return new MapType(fromNode(required(node, "keyType")), fromNode(required(node, "valueType")),
                        required(node, "valueContainsNull").asBoolean());
            case "udt":
                throw new IllegalArgumentException("user-defined types are not supported: " + node);
            default:
                throw new IllegalArgumentException("unknown JSON data type \"" + kind + "\" in " + node);
        }
    }

    private static StructField field(JsonNode f) {
        String name = required(f, "name").asText();
        DataType type = fromNode(required(f, "type"));
        boolean nullable = required(f, "nullable").asBoolean();
        return new StructField(name, type, nullable, metadata(f.get("metadata")));
    }

    /** A field's metadata from its JSON object (null or missing: empty; null values dropped). */
    public static Map<String, Object> metadata(JsonNode m) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (m != null && !m.isNull()) {
            metadata = MAPPER.convertValue(m, new TypeReference<LinkedHashMap<String, Object>>() {});
            metadata.values().removeIf(v -> v == null);
        }
        return metadata;
    }

    private static DataType atomic(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        Matcher d = DECIMAL.matcher(n);
        if (d.matches()) {
            return new DecimalType(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)));
        }
        if (n.equals("decimal")) {
            return DecimalType.USER_DEFAULT;
        }
        if (CHARS.matcher(n).matches()) {
            return DataTypes.StringType;
        }
        if (n.startsWith("interval")) {
            return DdlParser.parseType(n);
        }
        DataType t = switch (n) {
            case "null" -> DataTypes.NullType;
            default -> DdlParser.atomic(n);
        };
        if (t == null) {
            throw new IllegalArgumentException("unknown JSON data type \"" + name + "\"");
        }
        return t;
    }

    private static JsonNode required(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing \"" + key + "\" in the JSON data type " + node);
        }
        return v;
    }
}
