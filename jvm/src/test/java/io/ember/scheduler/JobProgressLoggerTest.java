package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.util.logging.EmberLogging;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The INFO lines of jobs, stages and tasks, from events fed in by hand. */
class JobProgressLoggerTest {
    private static final String P = "INFO io.ember.scheduler.JobProgressLogger - ";

    @AfterEach
    void restore() {
        EmberLogging.setLevel("WARN");
    }

    private static List<String> lines(String level, ListenerEvent... events) {
        JobProgressLogger logger = new JobProgressLogger();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = System.err;
        EmberLogging.setLevel(level);
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            for (ListenerEvent e : events) {
                logger.onEvent(e);
            }
        } finally {
            System.setErr(err);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        return out.isEmpty() ? List.of() : List.of(out.split(System.lineSeparator()));
    }

    private static final StageInfo MAP = new StageInfo(3, 0, "map at Test", 2, 7);

    private static ListenerEvent[] oneStageJob(TaskEndReason secondTask) {
        return new ListenerEvent[] {
            new ListenerEvent.JobStart(7, 1_000, List.of(3), "nightly"),
            new ListenerEvent.StageSubmitted(MAP, 1_010),
            new ListenerEvent.TaskStart(3, 0, 0, 40, 0, "driver"),
            new ListenerEvent.TaskStart(3, 0, 1, 41, 0, "exec-1"),
            new ListenerEvent.TaskEnd(3, 0, 0, 40, 0, new TaskEndReason.Success(), 12),
            new ListenerEvent.TaskEnd(3, 0, 1, 41, 0, secondTask, 30),
            new ListenerEvent.StageCompleted(MAP, 1_260, secondTask instanceof TaskEndReason.Success ? null : "lost"),
            new ListenerEvent.JobEnd(7, 2_500, secondTask instanceof TaskEndReason.Success, null),
        };
    }

    @Test
    void infoShowsEveryJobStageAndTaskWithIdsCountsAndDurations() {
        assertEquals(List.of(
                P + "Job 7 started with stages [3] (group nightly)",
                P + "Submitting stage 3.0 (map at Test) of job 7 with 2 tasks",
                P + "Starting task 0.0 in stage 3.0 (TID 40) on executor driver",
                P + "Starting task 1.0 in stage 3.0 (TID 41) on executor exec-1",
                P + "Finished task 0.0 in stage 3.0 (TID 40) in 12 ms on executor driver (1/2)",
                P + "Finished task 1.0 in stage 3.0 (TID 41) in 30 ms on executor exec-1 (2/2)",
                P + "Stage 3.0 (map at Test) finished in 0.250 s",
                P + "Job 7 finished, took 1.500 s"), lines("INFO", oneStageJob(new TaskEndReason.Success())));
    }

    @Test
    void failuresSayWhy() {
        List<String> out = lines("info", oneStageJob(new TaskEndReason.ExecutorLost("exec-1")));
        assertEquals(P + "Lost task 1.0 in stage 3.0 (TID 41) after 30 ms on executor exec-1: executor exec-1 lost",
                out.get(5));
        assertEquals(P + "Stage 3.0 (map at Test) failed in 0.250 s: lost", out.get(6));
        assertEquals(P + "Job 7 failed, took 1.500 s", out.get(7));
    }

    @Test
    void quietAtWarn() {
        assertEquals(List.of(), lines("WARN", oneStageJob(new TaskEndReason.Success())));
    }

    @Test
    void finishedJobsStagesAndTasksAreForgotten() {
        for (String level : new String[] {"INFO", "WARN"}) {
            EmberLogging.setLevel(level);
            JobProgressLogger logger = new JobProgressLogger();
            PrintStream err = System.err;
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            try {
                for (ListenerEvent e : oneStageJob(new TaskEndReason.Success())) {
                    logger.onEvent(e);
                }
            } finally {
                System.setErr(err);
            }
            assertEquals(0, logger.tracked(), level);
        }
    }
}
