package io.ember.scheduler;

import io.ember.rdd.RDD;
import io.ember.rdd.TaskFunction;
import java.util.ArrayList;
import java.util.List;

/** The final stage of a job: applies the action's function to the requested partitions. */
final class ResultStage extends Stage {
    final TaskFunction<?, ?> func;
    final int[] partitions;
    ActiveJob activeJob;

    ResultStage(int id, RDD<?> rdd, TaskFunction<?, ?> func, int[] partitions, List<Stage> parents, int jobId) {
        super(id, rdd, parents, jobId);
        this.func = func;
        this.partitions = partitions;
    }

    @Override
    int numTasks() {
        return partitions.length;
    }

    @Override
    List<Integer> missingPartitions() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < partitions.length; i++) {
            if (activeJob != null && !activeJob.finished[i]) {
                missing.add(i);
            }
        }
        return missing;
    }
}
