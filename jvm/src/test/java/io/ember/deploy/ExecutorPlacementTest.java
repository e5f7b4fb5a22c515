package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.deploy.ExecutorPlacement.Free;
import io.ember.deploy.ExecutorPlacement.Launch;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutorPlacementTest {
    private static final List<Free> THREE = List.of(new Free("a", 4, 4096, false), new Free("b", 4, 4096, false),
            new Free("c", 2, 1024, false));

    @Test
    void spreadsFixedSizeExecutorsOnePerWorkerPerPass() {
        assertEquals(List.of(new Launch("a", 1), new Launch("b", 1), new Launch("c", 1), new Launch("a", 1)),
                ExecutorPlacement.spread(THREE, 1, 512, 4));
    }

    @Test
    void stopsAtTheWorkersResources() {
        List<Launch> all = ExecutorPlacement.spread(THREE, 2, 1024, Integer.MAX_VALUE);
        assertEquals(List.of(new Launch("a", 2), new Launch("b", 2), new Launch("c", 2), new Launch("a", 2),
                new Launch("b", 2)), all);
    }

    @Test
    void withoutAFixedSizeTakesAllFreeCoresOncePerWorker() {
        assertEquals(List.of(new Launch("a", 4), new Launch("b", 4), new Launch("c", 2)),
                ExecutorPlacement.spread(THREE, 0, 1024, Integer.MAX_VALUE));
        assertEquals(List.of(new Launch("a", 4), new Launch("b", 1)), ExecutorPlacement.spread(THREE, 0, 1024, 5));
        assertEquals(List.of(new Launch("b", 4)),
                ExecutorPlacement.spread(List.of(new Free("a", 4, 4096, true), new Free("b", 4, 4096, false)), 0, 1024, 10));
    }

    @Test
    void explainsWhenNoWorkerCanEverFit() {
        assertNull(ExecutorPlacement.whyNoWorkerFits(THREE, 4, 4096));
        String why = ExecutorPlacement.whyNoWorkerFits(THREE, 8, 512);
        assertTrue(why.contains("8 cores") && why.contains("4 cores and 4096 MB"), why);
        assertTrue(ExecutorPlacement.whyNoWorkerFits(THREE, 1, 8192).contains("8192 MB"));
    }
}
