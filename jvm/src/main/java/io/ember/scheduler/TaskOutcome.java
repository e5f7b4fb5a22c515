package io.ember.scheduler;

import io.ember.core.TaskMetricValues;
import java.io.Serializable;

/**
 * How a task attempt ended, as an executor reports it: a {@link TaskResult} when it produced
 * a value, else a {@link Failed} carrying why not (an exception, a fetch failure, a kill, a
 * lost executor). One value, so a result can never travel with a failure state or vice versa.
 */
public sealed interface TaskOutcome extends Serializable permits TaskResult, TaskOutcome.Failed {
    /** The reason listeners and the DAG scheduler see: {@link TaskEndReason.Success} for a result. */
    TaskEndReason reason();

    /** What the attempt did before it ended (its run time, shuffle bytes, spills, ...). */
    TaskMetricValues metrics();

    /** The attempt produced no result; {@code reason} is never {@link TaskEndReason.Success}. */
    record Failed(TaskEndReason reason, TaskMetricValues metrics) implements TaskOutcome {
        public Failed {
            if (reason == null || reason instanceof TaskEndReason.Success) {
                throw new IllegalArgumentException("A failed task needs a failure reason, got " + reason);
            }
            metrics = metrics == null ? TaskMetricValues.EMPTY : metrics;
        }

        /** A failure without counters (the task never ran, or its status could not be read). */
        public Failed(TaskEndReason reason) {
            this(reason, TaskMetricValues.EMPTY);
        }
    }
}
