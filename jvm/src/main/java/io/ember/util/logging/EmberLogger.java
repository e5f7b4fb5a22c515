package io.ember.util.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A logger of {@link EmberLogging}: checks the process-wide level and writes one line (and a stack trace). */
final class EmberLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    EmberLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return EmberLogging.enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return EmberLogging.enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return EmberLogging.enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return EmberLogging.enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return EmberLogging.enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                                               Throwable t) {
        StringBuilder line = new StringBuilder(128).append(level).append(' ').append(name).append(" - ")
                .append(MessageFormatter.basicArrayFormat(pattern, args)).append(System.lineSeparator());
        if (t != null) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        System.err.print(line); // one call, so lines of concurrent threads do not interleave
    }
}
