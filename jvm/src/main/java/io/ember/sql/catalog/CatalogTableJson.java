package io.ember.sql.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ember.sql.sources.BucketSpec;
import io.ember.sql.types.DataTypeJson;
import io.ember.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CatalogTable} as the JSON file the warehouse keeps (schema in Spark's JSON schema
 * format). {@code "format": 1} versions the layout; a reader refuses one it does not know.
 */
final class CatalogTableJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    private CatalogTableJson() {}

    static byte[] write(CatalogTable t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("database", t.database());
        o.put("name", t.name());
        o.put("provider", t.provider());
        o.set("schema", DataTypeJson.toNode(t.schema()));
        ArrayNode parts = o.putArray("partitionColumns");
        t.partitionColumns().forEach(parts::add);
        ObjectNode options = o.putObject("options");
        t.options().forEach(options::put);
        o.put("location", t.location());
        o.put("tableType", t.tableType());
        o.put("comment", t.comment());
        o.put("createTime", t.createTime());
        if (t.stats() != null) {
            ObjectNode s = o.putObject("stats");
            s.put("sizeInBytes", t.stats().sizeInBytes());
            if (t.stats().rowCount() != null) {
                s.put("rowCount", t.stats().rowCount());
            }
        }
        o.put("version", t.version());
        if (t.bucketSpec() != null) {
            ObjectNode b = o.putObject("bucketSpec");
            b.put("numBuckets", t.bucketSpec().numBuckets());
            t.bucketSpec().bucketColumns().forEach(b.putArray("bucketColumns")::add);
            t.bucketSpec().sortColumns().forEach(b.putArray("sortColumns")::add);
        }
        if (!t.properties().isEmpty()) {
            ObjectNode props = o.putObject("properties");
            t.properties().forEach(props::put);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CatalogTable read(byte[] bytes, String source) {
        JsonNode o;
        try {
            o = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt table metadata " + source + ": " + e.getMessage(), e);
        }
        if (o.path("format").asInt() != FORMAT) {
            throw new IllegalStateException("table metadata " + source + " has format " + o.path("format")
                    + ", this Ember reads " + FORMAT);
        }
        List<String> parts = new ArrayList<>();
        o.path("partitionColumns").forEach(n -> parts.add(n.asText()));
        Map<String, String> options = new LinkedHashMap<>();
        o.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        Map<String, String> properties = new LinkedHashMap<>();
        o.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
        TableStats stats = null;
        if (o.hasNonNull("stats")) {
            JsonNode s = o.get("stats");
            stats = new TableStats(s.get("sizeInBytes").asLong(), s.hasNonNull("rowCount") ? s.get("rowCount").asLong() : null);
        }
        return new CatalogTable(o.get("database").asText(), o.get("name").asText(), o.get("provider").asText(),
                (StructType) DataTypeJson.fromNode(o.get("schema")), parts, options, o.get("location").asText(),
                o.get("tableType").asText(), o.hasNonNull("comment") ? o.get("comment").asText() : null,
                o.path("createTime").asLong(), stats, o.path("version").asLong(), bucketSpec(o.path("bucketSpec")), properties);
    }

    /** The bucket spec a table's JSON keeps, or null (tables written before buckets existed have none). */
    private static BucketSpec bucketSpec(JsonNode b) {
        if (b.isMissingNode() || b.isNull()) {
            return null;
        }
        List<String> by = new ArrayList<>();
        b.path("bucketColumns").forEach(n -> by.add(n.asText()));
        List<String> sort = new ArrayList<>();
        b.path("sortColumns").forEach(n -> sort.add(n.asText()));
        return new BucketSpec(b.get("numBuckets").asInt(), by, sort);
    }
}
