package io.ember.api;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.EmberConf;
import io.ember.scheduler.ListenerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Spark's cancelStage: the jobs needing a running stage fail, naming the stage and the reason. */
class CancelStageTest {
    @Test
    void cancellingARunningStageFailsItsJobWithTheReason() throws Exception {
        EmberContext ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("cancel")
                .set("ember.ui.showConsoleProgress", "false").set("ember.ui.enabled", "false"));
        try {
            CompletableFuture<Integer> submitted = new CompletableFuture<>();
            ec.addListener(e -> {
                if (e instanceof ListenerEvent.StageSubmitted s) {
                    submitted.complete(s.stage().stageId());
                }
            });
            List<Integer> data = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                data.add(i);
            }
            CompletableFuture<Long> job = CompletableFuture.supplyAsync(() -> ec.parallelize(data, 2).map(x -> {
                Thread.sleep(60_000);
                return x;
            }).count());
            int stage = submitted.get(30, TimeUnit.SECONDS);
            ec.cancelStage(stage, "killed via the Web UI");
            Exception e = assertThrows(Exception.class, () -> job.get(30, TimeUnit.SECONDS));
            String message = String.valueOf(e.getCause() == null ? e : e.getCause().getMessage());
            assertTrue(message.contains("cancelled because Stage " + stage + " was cancelled: killed via the Web UI"),
                    message);
        } finally {
            ec.stop();
        }
    }
}
