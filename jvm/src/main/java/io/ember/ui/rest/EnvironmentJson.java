package io.ember.ui.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Spark's environment object: {@code runtime} as an object, the other sections as [key, value] pairs. Stateless. */
final class EnvironmentJson {
    private EnvironmentJson() {}

    static ObjectNode of(Map<String, Map<String, String>> sections) {
        ObjectNode n = ApiJson.MAPPER.createObjectNode();
        ObjectNode runtime = n.putObject("runtime");
        sections.getOrDefault("runtime", Map.of()).forEach(runtime::put);
        for (String name : new String[] {"sparkProperties", "hadoopProperties", "systemProperties",
                "metricsProperties", "classpathEntries"}) {
            ArrayNode pairs = n.putArray(name);
            sections.getOrDefault(name, Map.of()).forEach((k, v) -> pairs.addArray().add(k).add(v));
        }
        n.putArray("resourceProfiles");
        return n;
    }
}
