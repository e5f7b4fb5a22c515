package io.ember.rdd;

/**
 * An executor service that runs child processes and says how many are alive (the Python
 * workers shown per executor on the web UI). Thread-safe; cheap enough to call every heartbeat.
 */
public interface ProcessGauge {
    /** The service's child processes alive now. */
    int liveProcesses();
}
