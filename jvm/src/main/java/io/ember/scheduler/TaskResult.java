package io.ember.scheduler;

import io.ember.core.Accumulator;
import java.io.Serializable;
import java.util.List;

/** What a successful task sends back: its value and its accumulator updates. */
public record TaskResult(Object value, List<Accumulator<?, ?>> accumUpdates) implements Serializable {}
