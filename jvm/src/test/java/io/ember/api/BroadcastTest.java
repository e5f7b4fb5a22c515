package io.ember.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.EmberConf;
import io.ember.core.EmberException;
import io.ember.core.TaskFailedException;
import io.ember.storage.BlockId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Broadcast.unpersist drops the executors' copies (sent again when read); destroy ends its use everywhere. */
class BroadcastTest {
    private EmberContext ec;

    @BeforeEach
    void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2,1]").setAppName("broadcast")
                .set("ember.ui.showConsoleProgress", "false"));
    }

    @AfterEach
    void stop() {
        ec.stop();
    }

    @Test
    void unpersistDropsExecutorCopiesWhichAreFetchedAgain() {
        Broadcast<Map<String, Integer>> table = ec.broadcast(Map.of("a", 1, "b", 2));
        BlockId.Broadcast block = new BlockId.Broadcast(table.id());
        JavaRDD<String> keys = ec.parallelize(List.of("a", "b", "a"), 2);
        assertFalse(ec.blockManager().contains(block), "nothing is sent before a task reads it");
        assertEquals(List.of(1, 2, 1), keys.map(k -> table.value().get(k)).collect());
        assertTrue(ec.blockManager().contains(block), "the executor keeps its copy");

        table.unpersist();
        assertFalse(ec.blockManager().contains(block));
        assertEquals(Map.of("a", 1, "b", 2), table.value(), "the driver keeps the value");
        assertEquals(List.of(2, 3, 2), keys.map(k -> table.value().get(k) + 1).collect());
        assertTrue(ec.blockManager().contains(block), "fetched again by the next task that read it");
    }

    @Test
    void destroyRemovesTheValueEverywhereAndLaterUseFailsClearly() {
        Broadcast<Integer> five = ec.broadcast(5);
        JavaRDD<Integer> nums = ec.parallelize(List.of(1, 2, 3), 1);
        assertEquals(List.of(6, 7, 8), nums.map(x -> x + five.value()).collect());

        five.destroy();
        assertFalse(ec.blockManager().contains(new BlockId.Broadcast(five.id())));
        String expected = "Attempted to use Broadcast " + five.id() + " after it was destroyed";
        EmberException onDriver = assertThrows(EmberException.class, five::value);
        assertEquals(expected, onDriver.getMessage());
        TaskFailedException inTask = assertThrows(TaskFailedException.class, () -> nums.map(x -> x + five.value()).collect());
        assertTrue(inTask.getCause() instanceof EmberException, String.valueOf(inTask.getCause()));
        assertEquals(expected, inTask.getCause().getMessage());
        assertEquals(List.of(2, 3, 4), nums.map(x -> x + 1).collect(), "the context stays usable");
    }
}
