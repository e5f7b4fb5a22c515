package io.ember.util.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's logging backend: SLF4J finds it, and its one level changes at runtime. */
class EmberLoggingTest {
    private final PrintStream realErr = System.err;

    @AfterEach
    void restore() {
        System.setErr(realErr);
        EmberLogging.setLevel("WARN");
    }

    private static String captured(Runnable logging) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setErr(err);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theLevelChangesWhileRunning() {
        Logger log = LoggerFactory.getLogger("ember.test.logging");
        assertTrue(log instanceof EmberLogger, "SLF4J bound " + log.getClass());
        EmberLogging.setLevel("WARN");
        String out = captured(() -> {
            log.info("quiet at WARN");
            log.warn("loud {} {}", 1, "two");
            EmberLogging.setLevel("debug");
            log.debug("now debug");
            EmberLogging.setLevel("OFF");
            log.error("nothing when off");
        });
        assertFalse(out.contains("quiet at WARN") || out.contains("nothing when off"), out);
        assertTrue(out.contains("WARN ember.test.logging - loud 1 two"), out);
        assertTrue(out.contains("DEBUG ember.test.logging - now debug"), out);
    }

    @Test
    void throwablesPrintTheirStackTrace() {
        Logger log = LoggerFactory.getLogger("ember.test.logging");
        String out = captured(() -> log.error("failed", new IllegalStateException("boom")));
        assertTrue(out.contains("ERROR ember.test.logging - failed") && out.contains("IllegalStateException: boom")
                && out.contains("at io.ember.util.logging.EmberLoggingTest"), out);
    }

    @Test
    void anUnknownLevelIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmberLogging.setLevel("loud"));
        assertTrue(e.getMessage().contains("'loud'") && e.getMessage().contains("WARN"), e.getMessage());
    }
}
