package io.ember.sql.expressions.json;

import com.fasterxml.jackson.databind.JsonNode;

/** The subset of JSONPath {@code get_json_object} accepts: {@code $}, then {@code .name}, {@code ['name']} or {@code [i]} steps. */
final class JsonPath {
    private JsonPath() {}

    /** The node {@code path} selects in {@code root}, or null when the path is invalid or leads nowhere. */
    static JsonNode select(JsonNode root, String path) {
        if (path == null || !path.startsWith("$")) return null;
        JsonNode n = root;
        int i = 1;
        while (i < path.length() && n != null) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') end++;
                if (end == i + 1) return null;
                n = n.isObject() ? n.get(path.substring(i + 1, end)) : null;
                i = end;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) return null;
                String key = path.substring(i + 1, end);
                if (key.startsWith("'") && key.endsWith("'") && key.length() >= 2) {
                    n = n.isObject() ? n.get(key.substring(1, key.length() - 1)) : null;
                } else {
                    try {
                        int idx = Integer.parseInt(key.trim());
                        n = n.isArray() ? n.get(idx) : null;
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                i = end + 1;
            } else {
                return null;
            }
        }
        return n;
    }
}
