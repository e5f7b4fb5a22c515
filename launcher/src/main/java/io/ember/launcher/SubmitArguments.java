package io.ember.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parsed command line of {@code ember-submit}:
 * <pre>
 * ember-submit [--master URL] [--conf k=v]... [--name NAME] [--driver-memory 2g]
 *              [--py-files a,b] [--files f] [--jars a.jar,b.jar] [--class MAIN app.jar | app.py] [app args...]
 * </pre>
 * Options come first, as {@code --opt value} or {@code --opt=value}; the first argument that
 * is not an option is the application, and everything after it belongs to the application.
 * Parsing checks the shape of the command line only; {@link CommandBuilder} checks files and
 * configuration keys. Errors are {@link SubmitException}s naming the bad argument. Immutable.
 */
public final class SubmitArguments {
    public static final String USAGE = String.join("\n",
            "Usage: ember-submit [options] <app.jar | app.py> [app arguments]",
            "",
            "Options:",
            "  --master URL          Where to run (default: local[*]):",
            "                          local             one task thread in the driver",
            "                          local[N]          N task threads",
            "                          local[*]          one task thread per core",
            "                          local[N,F]        N threads, F attempts per task",
            "                          local[*,F]        one thread per core, F attempts per task",
            "                          ember://HOST:PORT a standalone master (ember-master)",
            "                          local-cluster[W,C,M]  W worker JVMs of C cores and M MB, started",
            "                                            by the driver (for tests)",
            "  --conf KEY=VALUE      An ember.* configuration setting (repeatable)",
            "  --name NAME           Application name",
            "  --driver-memory MEM   Driver heap, like 512m or 2g",
            "  --py-files FILES      Comma-separated .py/.zip/.egg files for Python applications",
            "  --files FILES         Comma-separated files shipped to every executor (SparkFiles.get finds them)",
            "  --jars JARS           Comma-separated jars for the driver and every executor's classpath",
            "  --class MAIN          Main class of a Java application (default: the jar's Main-Class)",
            "  -h, --help            Show this message",
            "",
            "Defaults come from $EMBER_HOME/conf/ember-defaults.conf (KEY=VALUE lines), overridden by --conf.");

    private static final Pattern MEMORY = Pattern.compile("\\d+[kKmMgGtT]?");
    private static final List<String> VALUED = List.of(
            "--master", "--conf", "--name", "--driver-memory", "--py-files", "--files", "--jars", "--class");

    private final boolean help;
    private final String master;
    private final Map<String, String> conf;
    private final String name;
    private final String driverMemory;
    private final List<String> pyFiles;
    private final List<String> files;
    private final List<String> jars;
    private final String mainClass;
    private final String application;
    private final List<String> appArgs;

    private SubmitArguments(Builder b) {
        this.help = b.help;
        this.master = b.master;
        this.conf = Collections.unmodifiableMap(new LinkedHashMap<>(b.conf));
        this.name = b.name;
        this.driverMemory = b.driverMemory;
        this.pyFiles = List.copyOf(b.pyFiles);
        this.files = List.copyOf(b.files);
        this.jars = List.copyOf(b.jars);
        this.mainClass = b.mainClass;
        this.application = b.application;
        this.appArgs = List.copyOf(b.appArgs);
    }

    /** Parses an ember-submit command line. */
    public static SubmitArguments parse(String... args) {
        return parse(Arrays.asList(args));
    }

    /** Parses an ember-submit command line. */
    public static SubmitArguments parse(List<String> args) {
        Builder b = new Builder();
        int i = 0;
        while (i < args.size() && isOption(args.get(i))) {
            String arg = args.get(i++);
            int eq = arg.indexOf('=');
            String option = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String inline = option.equals(arg) ? null : arg.substring(eq + 1);
            if (option.equals("--help") || option.equals("-h")) {
                if (inline != null) {
                    throw new SubmitException("Option " + option + " takes no value, got '" + arg + "'");
                }
                b.help = true;
                continue;
            }
            if (!VALUED.contains(option)) {
                throw new SubmitException("Unknown option '" + option + "' (see ember-submit --help)");
            }
            String value = inline;
            if (value == null) {
                if (i >= args.size() || args.get(i).startsWith("--")) {
                    throw new SubmitException("Option " + option + " needs a value"
                            + (i < args.size() ? ", got the option '" + args.get(i) + "'" : ""));
                }
                value = args.get(i++);
            }
            b.set(option, value);
        }
        if (i < args.size()) {
            b.application = args.get(i++);
            b.appArgs.addAll(args.subList(i, args.size()));
        } else if (!b.help) {
            throw new SubmitException("Missing application: give --class MAIN app.jar or app.py"
                    + " (see ember-submit --help)");
        }
        if (b.application != null) {
            checkApplication(b);
        }
        return new SubmitArguments(b);
    }

    /** Whether {@code value} is a JVM heap size like 512m or 2g. */
    static boolean isMemorySize(String value) {
        return MEMORY.matcher(value).matches();
    }

    private static boolean isOption(String arg) {
        return arg.startsWith("-") && arg.length() > 1;
    }

    private static void checkApplication(Builder b) {
        String app = b.application;
        if (app.endsWith(".py")) {
            if (b.mainClass != null) {
                throw new SubmitException("--class " + b.mainClass + " is for Java applications (app.jar), not "
                        + app);
            }
        } else if (!app.endsWith(".jar")) {
            throw new SubmitException("The application must be a .jar (with --class MAIN) or a .py file, got '"
                    + app + "'");
        }
    }

    /** Collects options while parsing. */
    private static final class Builder {
        boolean help;
        String master;
        final Map<String, String> conf = new LinkedHashMap<>();
        String name;
        String driverMemory;
        final List<String> pyFiles = new ArrayList<>();
        final List<String> files = new ArrayList<>();
        final List<String> jars = new ArrayList<>();
        String mainClass;
        String application;
        final List<String> appArgs = new ArrayList<>();

        void set(String option, String value) {
            switch (option) {
                case "--master" -> master = nonEmpty(option, value);
                case "--name" -> name = nonEmpty(option, value);
                case "--class" -> mainClass = nonEmpty(option, value);
                case "--driver-memory" -> {
                    if (!isMemorySize(value)) {
                        throw new SubmitException("--driver-memory expects a size like 512m or 2g, got '" + value + "'");
                    }
                    driverMemory = value;
                }
                case "--py-files" -> pyFiles.addAll(splitList(option, value));
                case "--files" -> files.addAll(splitList(option, value));
                case "--jars" -> jars.addAll(splitList(option, value));
                case "--conf" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new SubmitException("--conf expects KEY=VALUE, got '" + value + "'");
                    }
                    conf.put(value.substring(0, eq).trim(), value.substring(eq + 1));
                }
                default -> throw new IllegalStateException(option);
            }
        }

        private static String nonEmpty(String option, String value) {
            if (value.isBlank()) {
                throw new SubmitException("Option " + option + " needs a non-empty value");
            }
            return value;
        }

        private static List<String> splitList(String option, String value) {
            List<String> out = new ArrayList<>();
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            if (out.isEmpty()) {
                throw new SubmitException("Option " + option + " needs a comma-separated list of files, got '"
                        + value + "'");
            }
            return out;
        }
    }

    /** Whether --help was given. */
    public boolean help() {
        return help;
    }

    /** The --master URL, or null when not given. */
    public String master() {
        return master;
    }

    /** The --conf settings in command-line order (a repeated key keeps its last value). */
    public Map<String, String> conf() {
        return conf;
    }

    /** The --name, or null. */
    public String name() {
        return name;
    }

    /** The --driver-memory size, or null. */
    public String driverMemory() {
        return driverMemory;
    }

    /** The --py-files entries. */
    public List<String> pyFiles() {
        return pyFiles;
    }

    /** The --files entries. */
    public List<String> files() {
        return files;
    }

    /** The --jars entries. */
    public List<String> jars() {
        return jars;
    }

    /** The --class, or null (a Java application then needs a Main-Class in its manifest). */
    public String mainClass() {
        return mainClass;
    }

    /** The application: a .jar or .py path; null only with --help. */
    public String application() {
        return application;
    }

    /** Whether the application is a Python script. */
    public boolean isPython() {
        return application != null && application.endsWith(".py");
    }

    /** The arguments passed to the application. */
    public List<String> appArgs() {
        return appArgs;
    }
}
