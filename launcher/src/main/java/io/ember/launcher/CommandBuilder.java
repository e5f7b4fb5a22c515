package io.ember.launcher;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Turns {@link SubmitArguments} into the command that runs the application.
 *
 * <p>Configuration is merged in this order, later winning: the defaults file
 * ({@code $EMBER_CONF_DIR/ember-defaults.conf}, else {@code $EMBER_HOME/conf/ember-defaults.conf};
 * {@code KEY=VALUE} lines in {@link Properties} syntax), then each {@code --conf}, then the
 * dedicated flags ({@code --master}, {@code --name}, {@code --driver-memory}, {@code --files},
 * {@code --jars}, {@code --py-files}). The application itself is shipped to executors too: a
 * Python script joins {@code ember.files}, a Java application's jar {@code ember.jars}. Every key must start with {@code ember.}
 * or {@code spark.} (renamed to its {@code ember.} twin, as PySpark users write them); the master defaults to
 * {@code local[*]}.
 *
 * <p>A Java application ({@code app.jar}) becomes
 * {@code java -XX:+UseParallelGC [-Xmx<mem>] -cp <engine jar>:<app jar> -Dember.master=... -D<key>=<value>... MAIN args},
 * where the engine jar is {@code $EMBER_ENGINE_JAR} when set, else
 * {@code $EMBER_HOME/jvm/target/ember-engine-0.1.0-all.jar}, and MAIN is {@code --class} or the
 * jar's {@code Main-Class}. Java comes from {@code $JAVA_HOME/bin/java}, else {@code java} on PATH.
 *
 * <p>A Python application ({@code app.py}) becomes
 * {@code env EMBER_SUBMIT_ARGS=<settings> EMBER_MASTER=<url> [EMBER_APP_NAME=<name>]
 * [EMBER_ENGINE_JAR=<jar>] [PYTHONPATH=$EMBER_HOME/python:...] <python> app.py args}, with
 * python from {@code $PYSPARK_PYTHON}, else {@code python3}. {@code EMBER_SUBMIT_ARGS} carries
 * the merged configuration, one {@code key=value} per line (split at the first {@code =}; keys
 * hold no {@code =} and values no line breaks), for the Python client to read.
 *
 * <p>The environment is passed in, so tests need no real one. Not thread-safe.
 */
public final class CommandBuilder {
    public static final String ENGINE_JAR = "ember-engine-0.1.0-all.jar";
    public static final String DEFAULTS_FILE = "ember-defaults.conf";
    static final String BUILD_COMMAND = "mvn -q -DskipTests package";
    static final String MASTER = "ember.master";
    static final String APP_NAME = "ember.app.name";
    static final String DRIVER_MEMORY = "ember.driver.memory";
    static final String FILES = "ember.files";
    static final String PY_FILES = "ember.submit.pyFiles";
    static final String JARS = "ember.jars";

    private final Map<String, String> env;

    /** A builder reading EMBER_HOME, EMBER_ENGINE_JAR, EMBER_CONF_DIR, JAVA_HOME, PYSPARK_PYTHON, PYTHONPATH from {@code env}. */
    public CommandBuilder(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The command line for the application, program first. */
    public List<String> build(SubmitArguments args) {
        if (args.application() == null) {
            throw new SubmitException("Missing application: give --class MAIN app.jar or app.py");
        }
        Map<String, String> conf = effectiveConf(args);
        return args.isPython() ? pythonCommand(args, conf) : javaCommand(args, conf);
    }

    /** The merged configuration: defaults file, then --conf, then flags; ember.master first. */
    Map<String, String> effectiveConf(SubmitArguments args) {
        Map<String, String> merged = new LinkedHashMap<>();
        Path defaults = defaultsFile();
        if (defaults != null && Files.isRegularFile(defaults)) {
            for (Map.Entry<String, String> e : readDefaults(defaults).entrySet()) {
                merged.put(checkKey(e.getKey(), "in " + defaults), e.getValue());
            }
        }
        for (Map.Entry<String, String> e : args.conf().entrySet()) {
            merged.put(checkKey(e.getKey(), "given to --conf"), e.getValue());
        }
        putIfNotNull(merged, MASTER, args.master());
        putIfNotNull(merged, APP_NAME, args.name());
        putIfNotNull(merged, DRIVER_MEMORY, args.driverMemory());
        putIfNotNull(merged, FILES, joined(args.files(), args.isPython() ? args.application() : null));
        putIfNotNull(merged, JARS, joined(args.jars(), args.isPython() ? null : args.application()));
        putIfNotNull(merged, PY_FILES, args.pyFiles().isEmpty() ? null : String.join(",", args.pyFiles()));
        for (Map.Entry<String, String> e : merged.entrySet()) {
            if (e.getValue().contains("\n") || e.getValue().contains("\r")) {
                throw new SubmitException("The value of " + e.getKey() + " must be on one line");
            }
        }
        String memory = merged.get(DRIVER_MEMORY);
        if (memory != null && !SubmitArguments.isMemorySize(memory.trim())) {
            throw new SubmitException(DRIVER_MEMORY + " expects a size like 512m or 2g, got '" + memory + "'");
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put(MASTER, merged.getOrDefault(MASTER, "local[*]"));
        out.putAll(merged);
        return out;
    }

    /**
     * The entries (and the application itself, which is shipped too), as absolute paths joined
     * with commas; null when there are none.
     */
    private static String joined(List<String> entries, String application) {
        List<String> all = new ArrayList<>(entries);
        if (application != null) {
            all.add(application);
        }
        List<String> absolute = new ArrayList<>();
        for (String e : all) {
            absolute.add(e.contains(":") ? e : Path.of(e).toAbsolutePath().toString());
        }
        return absolute.isEmpty() ? null : String.join(",", absolute);
    }

    private static void putIfNotNull(Map<String, String> conf, String key, String value) {
        if (value != null) {
            conf.put(key, value);
        }
    }

    /**
     * The key as the engine names it: {@code ember.*}, or a {@code spark.*} key renamed to its
     * {@code ember.*} twin (as the engine's EmberConf does); anything else is refused.
     */
    private static String checkKey(String key, String where) {
        String name = key.startsWith("spark.") ? "ember." + key.substring("spark.".length()) : key;
        if (!name.startsWith("ember.") || name.length() == "ember.".length()) {
            throw new SubmitException("Configuration key '" + key + "' " + where
                    + " must start with 'ember.' or 'spark.'");
        }
        if (key.contains("=") || key.contains("\n") || key.contains("\r")) {
            throw new SubmitException("Configuration key '" + key + "' " + where + " must not contain '=' or line breaks");
        }
        return name;
    }

    private Path defaultsFile() {
        String confDir = env.get("EMBER_CONF_DIR");
        if (confDir != null && !confDir.isEmpty()) {
            return Path.of(confDir, DEFAULTS_FILE);
        }
        String home = env.get("EMBER_HOME");
        return home == null || home.isEmpty() ? null : Path.of(home, "conf", DEFAULTS_FILE);
    }

    private static Map<String, String> readDefaults(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new SubmitException("Cannot read the defaults file " + file + ": " + e.getMessage());
        }
        Map<String, String> sorted = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            sorted.put(name.trim(), p.getProperty(name).trim());
        }
        return sorted;
    }

    // ---- Java applications ----

    private List<String> javaCommand(SubmitArguments args, Map<String, String> conf) {
        Path engine = engineJar();
        Path app = Path.of(args.application());
        if (!Files.isRegularFile(app)) {
            throw new SubmitException("Application jar not found: " + app);
        }
        String mainClass = args.mainClass() != null ? args.mainClass() : manifestMainClass(app);
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        // The throughput collector: on few cores G1's concurrent work costs batch jobs dearly
        // (a 200 MB word count runs about 1.6x faster with it here).
        cmd.add("-XX:+UseParallelGC");
        if (conf.containsKey(DRIVER_MEMORY)) {
            cmd.add("-Xmx" + conf.get(DRIVER_MEMORY).trim());
        }
        cmd.add("-cp");
        StringBuilder cp = new StringBuilder(engine + File.pathSeparator + app);
        for (String jar : args.jars()) {
            cp.append(File.pathSeparator).append(jar);
        }
        cmd.add(cp.toString());
        for (Map.Entry<String, String> e : conf.entrySet()) {
            cmd.add("-D" + e.getKey() + "=" + e.getValue());
        }
        cmd.add(mainClass);
        cmd.addAll(args.appArgs());
        return cmd;
    }

    /** The engine jar: $EMBER_ENGINE_JAR, else the one built under $EMBER_HOME; an error telling how to build it. */
    Path engineJar() {
        String explicit = env.get("EMBER_ENGINE_JAR");
        if (explicit != null && !explicit.isEmpty()) {
            Path jar = Path.of(explicit);
            if (!Files.isRegularFile(jar)) {
                throw new SubmitException("Engine jar not found at " + jar + " (from EMBER_ENGINE_JAR); fix"
                        + " EMBER_ENGINE_JAR or unset it and build the engine with `" + BUILD_COMMAND + "`");
            }
            return jar;
        }
        String home = env.get("EMBER_HOME");
        if (home == null || home.isEmpty()) {
            throw new SubmitException("Cannot find the engine jar: neither EMBER_HOME nor EMBER_ENGINE_JAR is set");
        }
        Path jar = Path.of(home, "jvm", "target", ENGINE_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new SubmitException("Engine jar not found at " + jar + "; build it first: cd " + home + " && "
                    + BUILD_COMMAND);
        }
        return jar;
    }

    private String javaExecutable() {
        String javaHome = env.get("JAVA_HOME");
        return javaHome == null || javaHome.isEmpty() ? "java" : Path.of(javaHome, "bin", "java").toString();
    }

    private static String manifestMainClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (main == null || main.isBlank()) {
                throw new SubmitException("No --class given and " + jar + " has no Main-Class in its manifest;"
                        + " add --class MAIN");
            }
            return main.trim();
        } catch (IOException e) {
            throw new SubmitException("Cannot read the application jar " + jar + ": " + e.getMessage());
        }
    }

    // ---- Python applications ----

    private List<String> pythonCommand(SubmitArguments args, Map<String, String> conf) {
        Path app = Path.of(args.application());
        if (!Files.isRegularFile(app)) {
            throw new SubmitException("Application script not found: " + app);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add("env");
        cmd.add("EMBER_SUBMIT_ARGS=" + encodeSubmitArgs(conf));
        cmd.add("EMBER_MASTER=" + conf.get(MASTER));
        if (conf.containsKey(APP_NAME)) {
            cmd.add("EMBER_APP_NAME=" + conf.get(APP_NAME));
        }
        String home = env.get("EMBER_HOME");
        if (home != null && !home.isEmpty()) {
            Path jar = Path.of(home, "jvm", "target", ENGINE_JAR);
            if (!env.containsKey("EMBER_ENGINE_JAR") && Files.isRegularFile(jar)) {
                cmd.add("EMBER_ENGINE_JAR=" + jar);
            }
            Path client = Path.of(home, "python");
            if (Files.isDirectory(client.resolve("ember"))) {
                String old = env.get("PYTHONPATH");
                cmd.add("PYTHONPATH=" + client + (old == null || old.isEmpty() ? "" : File.pathSeparator + old));
            }
        }
        String python = env.get("PYSPARK_PYTHON");
        cmd.add(python == null || python.isEmpty() ? "python3" : python);
        cmd.add(args.application());
        cmd.addAll(args.appArgs());
        return cmd;
    }

    /** The EMBER_SUBMIT_ARGS encoding: one {@code key=value} per line, in the given order. */
    public static String encodeSubmitArgs(Map<String, String> conf) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : conf.entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return sb.toString();
    }
}
