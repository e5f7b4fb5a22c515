package io.ember.api;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds, starts and stops the {@link DriverPlugin}s on the class path; called by the driver runtime. */
final class DriverPlugins {
    private static final Logger LOG = LoggerFactory.getLogger(DriverPlugins.class);

    private DriverPlugins() {}

    /** Starts every plug-in; one that fails to start is logged and left out, never failing the context. */
    static List<DriverPlugin.Running> start(DriverPlugin.AppContext app) {
        List<DriverPlugin.Running> started = new ArrayList<>();
        ClassLoader loader = DriverPlugins.class.getClassLoader();
        for (DriverPlugin plugin : ServiceLoader.load(DriverPlugin.class, loader)) {
            try {
                DriverPlugin.Running r = plugin.start(app);
                if (r != null) {
                    started.add(r);
                }
            } catch (RuntimeException e) {
                LOG.warn("Driver plug-in {} failed to start; going on without it", plugin.getClass().getName(), e);
            }
        }
        return List.copyOf(started);
    }

    static void stop(List<DriverPlugin.Running> plugins) {
        for (DriverPlugin.Running r : plugins) {
            try {
                r.stop();
            } catch (RuntimeException e) {
                LOG.warn("Driver plug-in failed to stop", e);
            }
        }
    }
}
