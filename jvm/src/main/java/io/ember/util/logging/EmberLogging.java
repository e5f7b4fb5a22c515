package io.ember.util.logging;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Ember's SLF4J backend: one process-wide level that can change while the engine runs
 * ({@code setLogLevel}), and lines {@code LEVEL logger - message} on standard error. The level
 * starts from the system property {@code ember.log.level}, else
 * {@code org.slf4j.simpleLogger.defaultLogLevel}, else WARN. Found by SLF4J through
 * {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}.
 */
public final class EmberLogging implements SLF4JServiceProvider, ILoggerFactory {
    /** The names setLogLevel accepts (PySpark's), with the SLF4J level each maps to; OFF is null. */
    private static final Map<String, Level> LEVELS = Map.of("ALL", Level.TRACE, "TRACE", Level.TRACE,
            "DEBUG", Level.DEBUG, "INFO", Level.INFO, "WARN", Level.WARN, "ERROR", Level.ERROR, "FATAL", Level.ERROR);
    private static final int OFF = Integer.MAX_VALUE;

    private static volatile int threshold = initialThreshold();

    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /**
     * Sets the level of every logger in this JVM: ALL, TRACE, DEBUG, INFO, WARN, ERROR, FATAL or
     * OFF, in any case; throws IllegalArgumentException naming the accepted levels otherwise.
     */
    public static void setLevel(String level) {
        threshold = parse(level);
    }

    static boolean enabled(Level level) {
        return level.toInt() >= threshold;
    }

    private static int parse(String level) {
        String name = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
        if (name.equals("OFF")) {
            return OFF;
        }
        Level l = LEVELS.get(name);
        if (l == null) {
            throw new IllegalArgumentException("Unknown log level '" + level
                    + "'; use one of ALL, TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF");
        }
        return l.toInt();
    }

    private static int initialThreshold() {
        String level = System.getProperty("ember.log.level",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "WARN"));
        try {
            return parse(level);
        } catch (IllegalArgumentException e) {
            System.err.println("WARN " + EmberLogging.class.getName() + " - " + e.getMessage() + "; logging at WARN");
            return Level.WARN.toInt();
        }
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, EmberLogger::new);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return this;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up: the level was read when the class loaded
    }
}
