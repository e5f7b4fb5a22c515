package io.ember.ui.history;

import io.ember.api.EmberContext;
import io.ember.core.ConfigKeys;
import io.ember.core.EmberConf;
import io.ember.ui.pages.UiPages;
import io.ember.ui.rest.RestApi;
import io.ember.ui.server.UiAccess;
import io.ember.ui.server.UiServer;
import io.ember.ui.store.StoreLimits;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The history server: serves the web UI and REST API of every application in an
 * event-log directory, finished or running, rescanning it every
 * {@code ember.history.fs.update.interval} and deleting logs older than
 * {@code ember.history.fs.cleaner.maxAge}. Started by {@code launcher/bin/ember-history-server}.
 *
 * <p>Usage: {@code HistoryServer [--dir DIR] [--port PORT] [--host HOST]}; other settings are
 * read from {@code -Dember.*} system properties.
 */
public final class HistoryServer {
    private HistoryServer() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        EmberConf conf = new EmberConf();
        String dir = conf.get(ConfigKeys.HISTORY_LOG_DIR);
        int port = conf.getInt(ConfigKeys.HISTORY_PORT);
        String host = "127.0.0.1";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--host" -> host = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (usage: ember-history-server [--dir DIR] [--port PORT] [--host HOST])");
            }
        }
        LogDirectory logs = new LogDirectory(new File(dir), StoreLimits.from(conf));
        logs.scan();
        UiAccess access = io.ember.ui.UiPlugin.accessFor(conf, host);
        UiServer server = UiServer.start(host, port, 0, access,
                new RestApi(logs, EmberContext.VERSION, System::currentTimeMillis), new UiPages(logs, true));
        System.out.println("Ember history server for " + dir + " at " + server.url());
        System.out.flush();
        long interval = conf.getMillis(ConfigKeys.HISTORY_UPDATE_INTERVAL);
        long maxAge = conf.getMillis(ConfigKeys.HISTORY_CLEANER_MAX_AGE);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleWithFixedDelay(() -> {
            logs.clean(maxAge, System.currentTimeMillis());
            logs.scan();
        }, interval, interval, TimeUnit.MILLISECONDS);
        Thread.currentThread().join();
    }
}
