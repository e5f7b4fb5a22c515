package io.ember.util;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalTest {
    @TempDir
    Path dir;

    /** Asks about a link to {@code target}, as /proc/self/fd/2 would be one. */
    private boolean linkedTo(String target, boolean fallback) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("fd2"), Path.of(target));
        try {
            return Terminal.isTerminalDevice(link, fallback);
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void pseudoTerminalsAndConsolesAreTerminals() throws IOException {
        assertTrue(linkedTo("/dev/pts/3", false));
        assertTrue(linkedTo("/dev/tty1", false));
        assertTrue(linkedTo("/dev/console", false));
    }

    @Test
    void filesAndPipesAreNot() throws IOException {
        assertFalse(linkedTo("/tmp/app.log", true));
        assertFalse(linkedTo("pipe:[12345]", true));
        assertFalse(linkedTo("/dev/null", true));
    }

    @Test
    void withoutTheLinkTheFallbackDecides() {
        assertTrue(Terminal.isTerminalDevice(dir.resolve("missing"), true));
        assertFalse(Terminal.isTerminalDevice(dir.resolve("missing"), false));
    }
}
