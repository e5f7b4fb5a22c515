package io.ember.api;

import io.ember.core.EmberConf;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The application's environment as the UI's environment page shows it: runtime versions,
 * settings, system properties and class path, with the value of every key that looks secret
 * (matching {@code secret|password|token}, case-insensitively) redacted as Spark does.
 */
final class AppEnvironment {
    static final String REDACTED = "*********(redacted)";
    private static final Pattern SECRET = Pattern.compile("(?i)secret|password|token");

    private AppEnvironment() {}

    static Map<String, Map<String, String>> of(EmberConf conf) {
        Map<String, String> runtime = new LinkedHashMap<>();
        runtime.put("javaVersion", System.getProperty("java.version", "") + " (" + System.getProperty("java.vendor", "")
                + ")");
        runtime.put("javaHome", System.getProperty("java.home", ""));
        runtime.put("emberVersion", EmberContext.VERSION);
        Map<String, String> settings = redacted(conf.getAll());
        Map<String, String> system = new TreeMap<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            system.put(key, System.getProperty(key));
        }
        Map<String, String> classpath = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                classpath.put(entry, "System Classpath");
            }
        }
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        sections.put("runtime", runtime);
        sections.put("sparkProperties", settings);
        sections.put("systemProperties", redacted(system));
        sections.put("classpathEntries", classpath);
        return sections;
    }

    /** A sorted copy in which secret-looking keys have their values replaced. */
    static Map<String, String> redacted(Map<String, String> in) {
        Map<String, String> out = new TreeMap<>();
        in.forEach((k, v) -> out.put(k, SECRET.matcher(k).find() ? REDACTED : v));
        return out;
    }
}
