package io.ember.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spark.* keys are the same settings as their ember.* twins, however they arrive. */
class EmberConfTest {
    @Test
    void sqlSettingsAreLeftToTheSqlLayer() {
        EmberConf conf = new EmberConf(false).set("spark.sql.shuffle.partitions", "7").set("ember.nosuch", "1");
        assertEquals(java.util.List.of("ember.nosuch"), conf.unknownKeys());
    }

    @Test
    void sparkKeysSetInCodeAreTheirEmberTwins() {
        EmberConf conf = new EmberConf(false).set("spark.executor.memory", "2g").set("spark.task.maxFailures", "2");
        assertEquals(2L << 30, conf.getBytes(ConfigKeys.EXECUTOR_MEMORY));
        assertEquals(2, conf.getInt(ConfigKeys.TASK_MAX_FAILURES));
        assertTrue(conf.contains("ember.executor.memory") && conf.contains("spark.executor.memory"));
        assertEquals("2g", conf.get("spark.executor.memory"));
        assertTrue(conf.unknownKeys().isEmpty(), conf.unknownKeys().toString());
        assertFalse(conf.getAll().containsKey("spark.executor.memory"));
        conf.remove("spark.executor.memory");
        assertFalse(conf.contains("ember.executor.memory"));
    }

    @Test
    void sparkSystemPropertiesAreRead() {
        System.setProperty("spark.locality.wait", "7s");
        try {
            assertEquals(7000, new EmberConf().getMillis(ConfigKeys.LOCALITY_WAIT));
            System.setProperty("ember.locality.wait", "3s");
            assertEquals(3000, new EmberConf().getMillis(ConfigKeys.LOCALITY_WAIT), "the ember.* twin wins");
        } finally {
            System.clearProperty("spark.locality.wait");
            System.clearProperty("ember.locality.wait");
        }
    }

    @Test
    void sparkKeysInTheDefaultsFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ember-defaults.conf");
        Files.writeString(file, "spark.default.parallelism=5\nember.app.name=x\n");
        EmberConf conf = new EmberConf(false).set("ember.default.parallelism", "3").loadDefaultsFile(file);
        assertEquals(3, conf.getInt(ConfigKeys.DEFAULT_PARALLELISM), "a file default does not override");
        assertEquals("5", new EmberConf(false).loadDefaultsFile(file).get(ConfigKeys.DEFAULT_PARALLELISM));
    }
}
