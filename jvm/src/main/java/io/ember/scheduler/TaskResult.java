package io.ember.scheduler;

import io.ember.core.Accumulator;
import java.util.List;

/** What a successful task sends back: its value and its accumulator updates. */
public record TaskResult(Object value, List<Accumulator<?, ?>> accumUpdates) implements TaskOutcome {
    @Override
    public TaskEndReason reason() {
        return new TaskEndReason.Success();
    }
}
