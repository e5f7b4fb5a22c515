package io.ember.ui;

import io.ember.api.DriverPlugin;
import io.ember.api.EmberContext;
import io.ember.core.ConfigKeys;
import io.ember.core.EmberConf;
import io.ember.ui.pages.UiPages;
import io.ember.ui.rest.AppSource;
import io.ember.ui.rest.RestApi;
import io.ember.ui.server.UiAccess;
import io.ember.ui.server.UiServer;
import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.StoreLimits;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs the status store, the web UI's server and the event log into a driver (found through
 * {@code META-INF/services/io.ember.api.DriverPlugin}). The store and the event log listen from
 * the first event; the server binds on its own thread so the context's start does not wait.
 */
public final class UiPlugin implements DriverPlugin {
    private static final Logger LOG = LoggerFactory.getLogger(UiPlugin.class);

    @Override
    public Running start(AppContext app) {
        EmberConf conf = app.conf();
        boolean ui = conf.getBoolean(ConfigKeys.UI_ENABLED);
        boolean eventLog = conf.getBoolean(ConfigKeys.EVENT_LOG_ENABLED);
        if (!ui && !eventLog) {
            return null;
        }
        io.ember.ui.eventlog.EventLogWriter writer = eventLog
                ? io.ember.ui.eventlog.EventLogWriter.open(conf, app.appId()) : null;
        if (writer != null) {
            app.bus().addListener(writer, io.ember.scheduler.ListenerBus.EVENT_LOG);
        }
        AppStatusStore store = null;
        CompletableFuture<UiServer> server = new CompletableFuture<>();
        if (ui) {
            store = new AppStatusStore(StoreLimits.from(conf));
            app.bus().addListener(store, io.ember.scheduler.ListenerBus.APP_STATUS);
            AppStatusStore finalStore = store;
            Thread binder = new Thread(() -> bind(conf, app, finalStore, server), "ember-ui-start");
            binder.setDaemon(true);
            binder.start();
        } else {
            server.complete(null);
        }
        return new Started(server, writer);
    }

    private static void bind(EmberConf conf, AppContext app, AppStatusStore store, CompletableFuture<UiServer> out) {
        try {
            String host = conf.get(ConfigKeys.UI_HOST);
            AppSource source = new AppSource() {
                @Override
                public List<AppStatusStore> all() {
                    return List.of(store);
                }

                @Override
                public Optional<AppStatusStore> find(String appId) {
                    return appId.equals(app.appId()) ? Optional.of(store) : Optional.empty();
                }
            };
            RestApi api = new RestApi(source, EmberContext.VERSION, System::currentTimeMillis);
            UiServer s = UiServer.start(host, conf.getInt(ConfigKeys.UI_PORT), conf.getInt(ConfigKeys.PORT_MAX_RETRIES),
                    accessFor(conf, host), api,
                    new UiPages(source, false, conf.getBoolean(ConfigKeys.UI_KILL_ENABLED) ? app.jobs() : null,
                            app.bus()::droppedEvents));
            LOG.info("Ember web UI available at {}", s.url());
            out.complete(s);
        } catch (Exception e) {
            LOG.warn("The web UI could not start: {}", e.toString());
            out.complete(null);
        }
    }

    /** Open on loopback without ember.authenticate; otherwise the secret's token or configured users. */
    public static UiAccess accessFor(EmberConf conf, String host) {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (loopback && !conf.getBoolean(ConfigKeys.AUTHENTICATE)) {
            return UiAccess.OPEN;
        }
        String secret = conf.get(ConfigKeys.AUTH_SECRET);
        if (secret.isEmpty()) {
            secret = System.getenv().getOrDefault("EMBER_AUTH_SECRET", "");
        }
        String users = conf.get(ConfigKeys.UI_USERS);
        return new UiAccess(false, secret.isEmpty() ? "" : UiAccess.tokenFor(secret),
                users.isEmpty() ? java.util.Set.of() : new HashSet<>(Arrays.asList(users.split(","))));
    }

    /** The running plug-in: the server once bound, and the event log. */
    private record Started(CompletableFuture<UiServer> server, io.ember.ui.eventlog.EventLogWriter writer)
            implements Running {
        @Override
        public Optional<String> webUrl() {
            try {
                return Optional.ofNullable(server.get(30, TimeUnit.SECONDS)).map(UiServer::url);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException | TimeoutException e) {
                return Optional.empty();
            }
        }

        @Override
        public void stop() {
            if (writer != null) {
                writer.close();
            }
            server.thenAccept(s -> {
                if (s != null) {
                    s.stop();
                }
            });
        }
    }
}
