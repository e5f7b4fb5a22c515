package io.ember.scheduler;

import io.ember.core.Accumulator;
import io.ember.core.TaskMetricValues;
import java.util.List;

/** What a successful task sends back: its value, its accumulator updates and its counters. */
public record TaskResult(Object value, List<Accumulator<?, ?>> accumUpdates, TaskMetricValues metrics)
        implements TaskOutcome {
    public TaskResult {
        metrics = metrics == null ? TaskMetricValues.EMPTY : metrics;
    }

    /** A result without counters (tests, engine-internal results). */
    public TaskResult(Object value, List<Accumulator<?, ?>> accumUpdates) {
        this(value, accumUpdates, TaskMetricValues.EMPTY);
    }

    @Override
    public TaskEndReason reason() {
        return new TaskEndReason.Success();
    }
}
