package io.ember.ui.store;

import io.ember.core.TaskMetric;
import io.ember.core.TaskMetricValues;
import io.ember.scheduler.ListenerEvent;
import io.ember.scheduler.StageInfo;
import io.ember.scheduler.TaskEndReason;
import java.util.ArrayList;
import java.util.List;

/** Hand-built event sequences for store, REST and event-log tests: one job of one stage per call. */
public final class StoreEvents {
    private final List<ListenerEvent> events = new ArrayList<>();
    private long taskId;
    private long time = 1_000;

    public StoreEvents() {
        events.add(new ListenerEvent.ApplicationStart("app-1", "test app", time, "me", "0.1.0"));
        events.add(new ListenerEvent.ExecutorAdded("driver", "localhost", 2, time));
    }

    public List<ListenerEvent> events() {
        return events;
    }

    /**
     * A job with one stage of {@code runTimes.length} tasks; task i runs {@code runTimes[i]} ms and
     * writes {@code 10 * (i + 1)} shuffle bytes; task {@code failing} (if >= 0) fails once first.
     */
    public StoreEvents job(int jobId, int stageId, long[] runTimes, int failing) {
        StageInfo info = new StageInfo(stageId, 0, "stage " + stageId, runTimes.length, jobId);
        events.add(new ListenerEvent.JobStart(jobId, time++, List.of(stageId), "group", "desc " + jobId, List.of(info)));
        events.add(new ListenerEvent.StageSubmitted(info, time++));
        for (int i = 0; i < runTimes.length; i++) {
            if (i == failing) {
                long id = taskId++;
                events.add(new ListenerEvent.TaskStart(stageId, 0, i, id, 0, "driver", time, "localhost", "PROCESS_LOCAL"));
                events.add(new ListenerEvent.TaskEnd(stageId, 0, i, id, 0,
                        new TaskEndReason.ExceptionFailure(new IllegalStateException("boom")), 5, "driver", time,
                        TaskMetricValues.EMPTY.with(TaskMetric.EXECUTOR_RUN_TIME, 4)));
            }
            long id = taskId++;
            events.add(new ListenerEvent.TaskStart(stageId, 0, i, id, i == failing ? 1 : 0, "driver", time,
                    "localhost", "PROCESS_LOCAL"));
            events.add(new ListenerEvent.TaskEnd(stageId, 0, i, id, i == failing ? 1 : 0, new TaskEndReason.Success(),
                    runTimes[i] + 1, "driver", time, TaskMetricValues.EMPTY
                    .with(TaskMetric.EXECUTOR_RUN_TIME, runTimes[i])
                    .with(TaskMetric.SHUFFLE_BYTES_WRITTEN, 10L * (i + 1))));
            time += runTimes[i];
        }
        events.add(new ListenerEvent.StageCompleted(info, time++, null));
        events.add(new ListenerEvent.JobEnd(jobId, time++, true, null));
        return this;
    }

    public AppStatusStore replay(StoreLimits limits) {
        AppStatusStore store = new AppStatusStore(limits);
        events.forEach(store::onEvent);
        return store;
    }
}
