package io.ember.sql;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session's SQL settings ({@code spark.conf.set("spark.sql.shuffle.partitions", "8")}).
 * Mutable from the driver; operators read a {@link #snapshot()} taken when a query is planned,
 * so a change never affects a query already running.
 */
public final class SqlConf implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    public static final String AUTO_BROADCAST_THRESHOLD = "spark.sql.autoBroadcastJoinThreshold";
    public static final String CASE_SENSITIVE = "spark.sql.caseSensitive";
    public static final String SESSION_TIME_ZONE = "spark.sql.session.timeZone";
    public static final String ADAPTIVE_ENABLED = "spark.sql.adaptive.enabled";
    public static final String PREFER_SORT_MERGE_JOIN = "spark.sql.join.preferSortMergeJoin";
    public static final String ANSI_ENABLED = "spark.sql.ansi.enabled";
    public static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";

    private final Map<String, String> settings;

    public SqlConf(Map<String, String> settings) {
        this.settings = new ConcurrentHashMap<>(settings);
    }

    public SqlConf() {
        this(Map.of());
    }

    public void set(String key, String value) {
        settings.put(key, value);
    }

    public void unset(String key) {
        settings.remove(key);
    }

    public String get(String key, String defaultValue) {
        return settings.getOrDefault(key, defaultValue);
    }

    public Map<String, String> all() {
        return Map.copyOf(settings);
    }

    public SqlConf snapshot() {
        return new SqlConf(settings);
    }

    public int shufflePartitions() {
        return Integer.parseInt(get(SHUFFLE_PARTITIONS, "200"));
    }

    /** Bytes under which a join side is broadcast; -1 turns broadcast joins off. */
    public long autoBroadcastJoinThreshold() {
        return Long.parseLong(get(AUTO_BROADCAST_THRESHOLD, String.valueOf(10L * 1024 * 1024)));
    }

    /** Whether equi-joins too large to broadcast are sort-merge joins (else shuffled hash joins). */
    public boolean preferSortMergeJoin() {
        return Boolean.parseBoolean(get(PREFER_SORT_MERGE_JOIN, "true"));
    }

    public boolean caseSensitive() {
        return Boolean.parseBoolean(get(CASE_SENSITIVE, "false"));
    }

    public String sessionTimeZone() {
        return get(SESSION_TIME_ZONE, TimeZone.getDefault().getID());
    }

    public boolean adaptiveEnabled() {
        return Boolean.parseBoolean(get(ADAPTIVE_ENABLED, "true"));
    }

    public boolean ansiEnabled() {
        return Boolean.parseBoolean(get(ANSI_ENABLED, "false"));
    }

    public long maxPartitionBytes() {
        return Long.parseLong(get(MAX_PARTITION_BYTES, String.valueOf(128L * 1024 * 1024)));
    }

    /** Compares names as the session does: case-insensitively unless {@code spark.sql.caseSensitive}. */
    public boolean sameName(String a, String b) {
        return caseSensitive() ? a.equals(b) : a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
