package io.ember.sql.sources;

import io.ember.sql.AnalysisException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A data source's options ({@code .option("header", "true")}), with case-insensitive keys as
 * in Spark. Immutable; travels to tasks with the scan.
 */
public final class SourceOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> options;

    public SourceOptions(Map<String, String> options) {
        Map<String, String> m = new LinkedHashMap<>();
        options.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
        this.options = m;
    }

    public String get(String key, String defaultValue) {
        String v = options.get(key.toLowerCase(Locale.ROOT));
        return v == null ? defaultValue : v;
    }

    public boolean has(String key) {
        return options.containsKey(key.toLowerCase(Locale.ROOT));
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String v = get(key, null);
        if (v == null) {
            return defaultValue;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw new AnalysisException("INVALID_OPTION_VALUE", "The value '" + v + "' of the option '" + key
                + "' should be a boolean (true or false).", Map.of("option", key, "value", v));
    }

    /** A one-character option; the empty string means "none" (the NUL character), as in Spark. */
    public char getChar(String key, char defaultValue) {
        String v = get(key, null);
        if (v == null) {
            return defaultValue;
        }
        if (v.isEmpty()) {
            return '\u0000';
        }
        if (v.length() == 2 && v.charAt(0) == '\\') {
            switch (v.charAt(1)) {
                case 't': return '\t';
                case 'n': return '\n';
                case 'r': return '\r';
                case '\\': return '\\';
                case '"': return '"';
                case '\'': return '\'';
                case 'u': return '\u0000';
                default: break;
            }
        }
        if (v.length() != 1) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "The option '" + key
                    + "' must be a single character, got '" + v + "'.", Map.of("option", key, "value", v));
        }
        return v.charAt(0);
    }

    /** These options with {@code key} set to {@code value}. */
    public SourceOptions with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(options);
        m.put(key.toLowerCase(Locale.ROOT), value);
        return new SourceOptions(m);
    }

    public Map<String, String> asMap() {
        return Map.copyOf(options);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceOptions s && s.options.equals(options);
    }

    @Override
    public int hashCode() {
        return options.hashCode();
    }

    @Override
    public String toString() {
        return options.toString();
    }
}
