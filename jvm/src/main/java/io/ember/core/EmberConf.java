package io.ember.core;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Configuration of an Ember application: string keys and values, settable in code, by
 * {@code --conf k=v} on ember-submit (passed as system properties {@code ember.*}), and in a
 * defaults file ({@code ember-defaults.conf}, see {@link #loadDefaultsFile}). A {@code spark.*} key
 * is the same setting as its {@code ember.*} twin (PySpark programs and habits use them): it is
 * stored, read and removed under the {@code ember.*} name ({@link #normalizeKey}).
 * Thread-safe; setters return this for chaining.
 */
public final class EmberConf implements Serializable {
    private static final String SPARK_PREFIX = "spark.";
    private final Map<String, String> settings = new ConcurrentHashMap<>();

    /** A conf that also reads {@code ember.*} (and {@code spark.*}) system properties. */
    public EmberConf() {
        this(true);
    }

    public EmberConf(boolean loadSystemProperties) {
        if (loadSystemProperties) {
            for (String name : System.getProperties().stringPropertyNames()) {
                if (name.startsWith("ember.")) {
                    settings.put(name, System.getProperty(name));
                } else if (name.startsWith(SPARK_PREFIX)) {   // the ember.* twin wins
                    settings.putIfAbsent(normalizeKey(name), System.getProperty(name));
                }
            }
        }
    }

    public EmberConf set(String key, String value) {
        if (key == null || value == null) {
            throw new IllegalArgumentException("conf key and value must not be null (key " + key + ")");
        }
        settings.put(normalizeKey(key), value);
        return this;
    }

    /** The {@code ember.*} name of a {@code spark.*} key; other keys unchanged. */
    public static String normalizeKey(String key) {
        return key.startsWith(SPARK_PREFIX) && key.length() > SPARK_PREFIX.length()
                ? "ember." + key.substring(SPARK_PREFIX.length()) : key;
    }

    public EmberConf setIfMissing(String key, String value) {
        settings.putIfAbsent(normalizeKey(key), value);
        return this;
    }

    public EmberConf setMaster(String master) {
        return set(ConfigKeys.MASTER.name(), master);
    }

    public EmberConf setAppName(String name) {
        return set(ConfigKeys.APP_NAME.name(), name);
    }

    public EmberConf remove(String key) {
        settings.remove(normalizeKey(key));
        return this;
    }

    public boolean contains(String key) {
        return settings.containsKey(normalizeKey(key));
    }

    /** The value, or the key's declared default; empty string means "no default". */
    public String get(ConfigKey key) {
        return settings.getOrDefault(key.name(), key.defaultValue());
    }

    public String get(String key, String dflt) {
        return settings.getOrDefault(normalizeKey(key), dflt);
    }

    public String get(String key) {
        String v = settings.get(normalizeKey(key));
        if (v == null) {
            throw new java.util.NoSuchElementException(key);
        }
        return v;
    }

    public int getInt(ConfigKey key) {
        String v = get(key);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.name() + " must be an integer, got '" + v + "'");
        }
    }

    public boolean getBoolean(ConfigKey key) {
        String v = get(key).trim();
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key.name() + " must be true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    /** A comma-separated value as its non-blank, trimmed entries. */
    public List<String> getList(ConfigKey key) {
        List<String> out = new ArrayList<>();
        for (String s : get(key).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    public double getDouble(ConfigKey key) {
        String v = get(key);
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.name() + " must be a number, got '" + v + "'");
        }
    }

    /** Sizes like 64k, 5m, 1g (bytes when no suffix). */
    public long getBytes(ConfigKey key) {
        return parseBytes(key.name(), get(key));
    }

    /** Sizes in MB: like 512m or 2g, or a bare number of MB (as Spark's *.memory keys). */
    public long getMegabytes(ConfigKey key) {
        return parseMegabytes(key.name(), get(key));
    }

    public static long parseMegabytes(String name, String value) {
        String v = value.trim();
        try {
            return v.chars().allMatch(Character::isDigit) && !v.isEmpty() ? Long.parseLong(v)
                    : parseBytes(name, v) >> 20;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a size like 512m or 2g, got '" + value + "'");
        }
    }

    /** Durations like 100ms, 3s, 30min, 2h (milliseconds when no suffix). */
    public long getMillis(ConfigKey key) {
        String v = get(key).trim().toLowerCase();
        try {
            if (v.endsWith("ms")) {
                return Long.parseLong(v.substring(0, v.length() - 2));
            }
            if (v.endsWith("min")) {
                return Long.parseLong(v.substring(0, v.length() - 3)) * 60_000;
            }
            if (v.endsWith("h")) {
                return Long.parseLong(v.substring(0, v.length() - 1)) * 3_600_000;
            }
            if (v.endsWith("s")) {
                return Long.parseLong(v.substring(0, v.length() - 1)) * 1000;
            }
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.name() + " must be a duration like 100ms, 3s or 30min, got '" + v + "'");
        }
    }

    public static long parseBytes(String name, String value) {
        String v = value.trim().toLowerCase();
        long mult = 1;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        if (last == 'b') {
            v = v.substring(0, v.length() - 1);
            last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        }
        switch (last) {
            case 'k' -> mult = 1L << 10;
            case 'm' -> mult = 1L << 20;
            case 'g' -> mult = 1L << 30;
            case 't' -> mult = 1L << 40;
            default -> mult = 1;
        }
        if (mult != 1) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Long.parseLong(v.trim()) * mult;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a size like 64k or 512m, got '" + value + "'");
        }
    }

    /** Reads k=v or "k v" lines (# comments) without overriding keys already set. */
    public EmberConf loadDefaultsFile(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        for (String name : p.stringPropertyNames()) {
            setIfMissing(name.trim(), p.getProperty(name).trim());
        }
        return this;
    }

    /**
     * ember.* keys that no part of Ember declared. SQL settings ({@code ember.sql.*}, twins of
     * {@code spark.sql.*}) belong to the SQL layer's session configuration, which reads them
     * from here; they are not this layer's to judge.
     */
    public List<String> unknownKeys() {
        List<String> unknown = new ArrayList<>();
        for (String k : settings.keySet()) {
            if (k.startsWith("ember.") && !k.startsWith("ember.sql.") && !ConfigKeys.isKnown(k)) {
                unknown.add(k);
            }
        }
        unknown.sort(null);
        return unknown;
    }

    public Map<String, String> getAll() {
        return new TreeMap<>(settings);
    }

    public EmberConf copy() {
        EmberConf c = new EmberConf(false);
        c.settings.putAll(settings);
        return c;
    }

    @Override
    public String toString() {
        return "EmberConf" + getAll();
    }
}
