package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleProgressBarTest {
    @Test
    void rendersDoneRunningAndTotal() {
        String bar = ConsoleProgressBar.render(new StageInfo(2, 0, "map", 200, 0), 37, 2, 40);
        assertEquals(40, bar.length());
        assertTrue(bar.startsWith("[Stage 2:==>"), bar);
        assertTrue(bar.endsWith("(37 + 2) / 200]"), bar);
    }

    @Test
    void fullBarWhenAllDone() {
        String bar = ConsoleProgressBar.render(new StageInfo(0, 0, "map", 4, 0), 4, 0, 30);
        assertTrue(bar.contains("======"), bar);
        assertTrue(bar.endsWith("(4 + 0) / 4]"), bar);
    }
}
