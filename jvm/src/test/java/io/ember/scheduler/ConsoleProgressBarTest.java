package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleProgressBarTest {
    /** Far enough ahead that the bar's own redraw thread (real time) never shows these stages. */
    private static final long T = Long.MAX_VALUE / 4;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleProgressBar bar = new ConsoleProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @AfterEach
    void stop() {
        bar.stop();
    }

    private String takeOutput() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return s;
    }

    private void submit(int stageId, int jobId, int tasks) {
        bar.onEvent(new ListenerEvent.StageSubmitted(new StageInfo(stageId, 0, "map", tasks, jobId), T));
    }

    private void finishTask(int stageId, int partition) {
        bar.onEvent(new ListenerEvent.TaskStart(stageId, 0, partition, partition, 0, "driver"));
        bar.onEvent(new ListenerEvent.TaskEnd(stageId, 0, partition, partition, 0, new TaskEndReason.Success(), 1));
    }

    @Test
    void rendersDoneRunningAndTotal() {
        String line = ConsoleProgressBar.render(new StageInfo(2, 0, "map", 200, 0), 37, 2, 40);
        assertEquals(40, line.length());
        assertTrue(line.startsWith("[Stage 2:==>"), line);
        assertTrue(line.endsWith("(37 + 2) / 200]"), line);
    }

    @Test
    void fullBarWhenAllDone() {
        String line = ConsoleProgressBar.render(new StageInfo(0, 0, "map", 4, 0), 4, 0, 30);
        assertTrue(line.contains("======"), line);
        assertTrue(line.endsWith("(4 + 0) / 4]"), line);
    }

    @Test
    void redrawsInPlaceOnlyAfterHalfASecond() {
        submit(3, 0, 40);
        bar.draw(T + 100);
        assertEquals("", takeOutput());
        bar.draw(T + 600);
        finishTask(3, 0);
        bar.draw(T + 800);
        String out = takeOutput();
        assertTrue(out.startsWith("\r[Stage 3:>"), out);
        assertTrue(out.contains("(0 + 0) / 40]\r[Stage 3:"), out);
        assertTrue(out.endsWith("(1 + 0) / 40]"), out);
        assertFalse(out.contains("\n"), out);
    }

    @Test
    void jobFinishedErasesNowAndForgetsOnlyThatJobsStages() {
        submit(1, 7, 10);
        submit(2, 8, 10);
        bar.draw(T + 1000);
        int drawn = takeOutput().length() - 1;
        bar.jobFinished(7);
        assertEquals("\r" + " ".repeat(drawn) + "\r", takeOutput(), "erased on the caller's thread");
        bar.draw(T + 1200);
        String out = takeOutput();
        assertTrue(out.startsWith("\r[Stage 2:"), out);
        assertFalse(out.contains("Stage 1"), out);
    }

    @Test
    void cancelAllErasesAndNothingIsRedrawnUntilANewStage() {
        submit(1, 7, 10);
        bar.draw(T + 1000);
        takeOutput();
        bar.cancelAll();
        assertTrue(takeOutput().matches("\r +\r"));
        finishTask(1, 0);   // late events of the cancelled stage
        bar.draw(T + 1200);
        assertEquals("", takeOutput());
        submit(4, 9, 2);
        bar.draw(T + 2000);
        assertTrue(takeOutput().startsWith("\r[Stage 4:"));
    }

    @Test
    void stopErasesAndStopsDrawing() {
        submit(1, 7, 10);
        bar.draw(T + 1000);
        takeOutput();
        bar.stop();
        assertTrue(takeOutput().matches("\r +\r"));
        bar.draw(T + 1200);
        assertEquals("", takeOutput());
    }
}
