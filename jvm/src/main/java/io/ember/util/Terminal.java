package io.ember.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this JVM's standard error is an interactive terminal, which decides the console
 * progress bar's default for a Java driver (a Python driver decides for its JVM and says so
 * in the conf). Java 17 has no isatty: {@code System.console()} only says that stdin and
 * stdout are terminals, so on Linux the target of {@code /proc/self/fd/2} is asked instead.
 */
public final class Terminal {
    private Terminal() {}

    /** True when stderr is a terminal; without /proc, when the JVM has a console. */
    public static boolean stderrIsTerminal() {
        return isTerminalDevice(Path.of("/proc/self/fd/2"), System.console() != null);
    }

    /** Whether {@code fdLink} (a /proc fd link) names a terminal; {@code fallback} without it. */
    static boolean isTerminalDevice(Path fdLink, boolean fallback) {
        try {
            String target = Files.readSymbolicLink(fdLink).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
                    || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return fallback;
        }
    }
}
