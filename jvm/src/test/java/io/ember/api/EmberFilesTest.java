package io.ember.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.EmberException;
import java.io.File;
import org.junit.jupiter.api.Test;

/** On the driver, EmberFiles names the running context's files, and none once it stopped. */
class EmberFilesTest {
    @Test
    void driverRootIsTheRunningContextsUntilItStops() {
        EmberContext ec = JavaApiAsserts.localContext("EmberFilesTest");
        String root;
        try {
            root = ec.filesDir();
            assertEquals(new File(root).getAbsolutePath(), EmberFiles.getRootDirectory());
            assertEquals(new File(root, "x.txt").getAbsolutePath(), EmberFiles.get("x.txt"));
        } finally {
            ec.stop();
        }
        EmberException e = assertThrows(EmberException.class, EmberFiles::getRootDirectory,
                "a stopped context's (deleted) directory is not handed out");
        assertTrue(e.getMessage().contains("No EmberContext is running"), e.getMessage());
    }
}
