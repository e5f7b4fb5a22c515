package io.ember.ui.cluster;

import io.ember.api.EmberContext;
import io.ember.deploy.DaemonUi;
import io.ember.ui.pages.MasterPages;
import io.ember.ui.pages.WorkerPages;
import io.ember.ui.rest.AppSource;
import io.ember.ui.rest.RestApi;
import io.ember.ui.server.PageSource;
import io.ember.ui.server.UiAccess;
import io.ember.ui.server.UiServer;
import io.ember.ui.store.AppStatusStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Serves the standalone master's and workers' web UIs (found by {@link DaemonUi#start} through
 * {@code META-INF/services/io.ember.deploy.DaemonUi}) on the UI's HTTP server. Security as the
 * driver's UI: bound to the daemon's host; with the cluster's secret every request needs its
 * token ({@link UiAccess#tokenFor}), without one the UI is open (loopback, or a daemon started
 * with {@code --insecure}). The daemons serve no applications' REST API, so {@code /api/v1}
 * lists none.
 *
 * <p>Threading: stateless; the server's threads read the daemon's thread-safe source.
 */
public final class DaemonUiServer implements DaemonUi {
    private static final AppSource NO_APPS = new AppSource() {
        @Override
        public List<AppStatusStore> all() {
            return List.of();
        }

        @Override
        public Optional<AppStatusStore> find(String appId) {
            return Optional.empty();
        }
    };

    @Override
    public Running startMaster(MasterSource master, Settings settings) throws IOException {
        return serve(settings, new MasterPages(master, System::currentTimeMillis));
    }

    @Override
    public Running startWorker(WorkerSource worker, Settings settings) throws IOException {
        return serve(settings, new WorkerPages(worker));
    }

    /** Who may read a daemon's UI: the secret's token holders when there is a secret, else anyone. */
    static UiAccess access(Settings s) {
        return s.secret() == null || s.secret().isEmpty() ? UiAccess.OPEN
                : new UiAccess(false, UiAccess.tokenFor(s.secret()), Set.of());
    }

    private static Running serve(Settings s, PageSource pages) throws IOException {
        UiServer server = UiServer.start(s.host(), s.port(), s.maxRetries(), access(s),
                new RestApi(NO_APPS, EmberContext.VERSION, System::currentTimeMillis), pages);
        String url = server.url();
        if (isWildcard(s.host())) {
            url = "http://" + localName() + ":" + server.port();
        }
        String shown = url;
        return new Running() {
            @Override
            public String url() {
                return shown;
            }

            @Override
            public void close() {
                server.stop();
            }
        };
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    /** This machine's name, for links other machines follow to a UI bound to every address. */
    private static String localName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
