package io.ember.scheduler;

/** Receives scheduler events; called on the listener bus thread, never concurrently. */
@FunctionalInterface
public interface EmberListener {
    void onEvent(ListenerEvent event);
}
