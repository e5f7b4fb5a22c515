package io.ember.sql.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ember.sql.AnalysisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The clustering columns {@code df.write.clusterBy(cols).saveAsTable(t)} records on a v1 table,
 * kept as Spark classic keeps them: the table property {@code clusteringColumns}, a JSON array
 * of field paths ({@code [["k"],["s"]]}). DESCRIBE, SHOW CREATE TABLE and the catalog's columns
 * read them back from there; an append must ask for the same clustering. Stateless.
 */
public final class TableClustering {
    /** The table property that holds the clustering columns. */
    public static final String PROPERTY = "clusteringColumns";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TableClustering() {}

    /** The property's value for these top-level columns: {@code [["k"],["s"]]}. */
    public static String propertyValue(List<String> columns) {
        try {
            return JSON.writeValueAsString(columns.stream().map(List::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write clustering columns " + columns, e);
        }
    }

    /** {@code properties} with the clustering property set to {@code columns}. */
    public static Map<String, String> withColumns(Map<String, String> properties, List<String> columns) {
        Map<String, String> out = new TreeMap<>(properties);
        out.put(PROPERTY, propertyValue(columns));
        return out;
    }

    /** The table's clustering columns (each path's names joined by dots), empty when it is not clustered. */
    public static List<String> columns(CatalogTable table) {
        String value = table.properties().get(PROPERTY);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        try {
            for (JsonNode path : JSON.readTree(value)) {
                List<String> parts = new ArrayList<>();
                path.forEach(n -> parts.add(n.asText()));
                out.add(String.join(".", parts));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("table " + table.name() + " has malformed " + PROPERTY + ": " + value, e);
        }
        return out;
    }

    /** Spark's {@code CLUSTERING_COLUMNS_MISMATCH} unless an append asks for the table's clustering (none
     * counts: an unclustered append to a clustered table is refused, as the other way round). */
    static void checkAppend(CatalogTable table, Map<String, String> specifiedProperties) {
        String asked = specifiedProperties.getOrDefault(PROPERTY, "");
        String has = table.properties().getOrDefault(PROPERTY, "");
        if (asked.equals(has)) {
            return;
        }
        String name = String.join(".", table.qualifiedName());
        throw new AnalysisException("CLUSTERING_COLUMNS_MISMATCH", "Specified clustering does not match that of the"
                + " existing table " + name + ".\nSpecified clustering columns: [" + asked + "].\nExisting clustering"
                + " columns: [" + has + "]. SQLSTATE: 42P10", Map.of("tableName", name, "specifiedClusteringString", asked,
                        "existingClusteringString", has));
    }
}
