package io.ember.api;

import io.ember.core.EmberConf;
import io.ember.scheduler.ListenerBus;
import java.util.Optional;

/**
 * A component higher layers plug into the driver without the engine importing them (the web UI
 * and event log, in {@code io.ember.ui}): found with {@link java.util.ServiceLoader} when a
 * context starts, given the application's facts and its listener bus, and stopped with it.
 *
 * <p>Threading: {@link #start} runs on the thread creating the context, before the bus delivers
 * its first event, and must return quickly (slow work goes to the plug-in's own threads).
 */
public interface DriverPlugin {
    /** What a plug-in learns about the application it serves, and how it may cancel its work. */
    record AppContext(EmberConf conf, String appId, String appName, long startTime, ListenerBus bus,
                      JobControl jobs) {
        /** An application whose work the plug-in cannot cancel. */
        public AppContext(EmberConf conf, String appId, String appName, long startTime, ListenerBus bus) {
            this(conf, appId, appName, startTime, bus, JobControl.NONE);
        }
    }

    /** A started plug-in. */
    interface Running {
        /** The address of the web UI it serves, once bound; empty if it serves none. */
        Optional<String> webUrl();

        /** Stops it; called once, after the bus has delivered the application's end. */
        void stop();
    }

    /** Starts the plug-in for {@code app}; returns null when its settings turn it off. */
    Running start(AppContext app);
}
