package io.ember.scheduler;

import java.util.ArrayList;
import java.util.List;

/** Records task sets instead of running them; tests complete tasks by hand. */
final class TestingTaskScheduler implements TaskScheduler {
    final List<TaskSet> submitted = new ArrayList<>();
    final List<Integer> cancelled = new ArrayList<>();

    @Override
    public void submitTasks(TaskSet taskSet) {
        submitted.add(taskSet);
    }

    @Override
    public void cancelTasks(int stageId, boolean interruptThread) {
        cancelled.add(stageId);
    }

    @Override
    public int defaultParallelism() {
        return 2;
    }

    TaskSet last() {
        return submitted.get(submitted.size() - 1);
    }
}
