package io.ember.deploy;

import io.ember.core.ConfigKeys;
import io.ember.core.EmberConf;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ember-master [--host H] [--port P] [--webui-port W] [--secret-file F] [--insecure]}: runs a
 * standalone master until killed, printing the URL drivers and workers use (for a wildcard bind,
 * this machine's host name or address), then the address of its web UI. Defaults: host 127.0.0.1
 * (EMBER_BIND_HOST), port 7077, web UI port {@code ember.master.ui.port} (8080; -1: none), the
 * secret from EMBER_AUTH_SECRET. The web UI binds to the same host and, with a secret, requires its token. Without a secret it listens only on a loopback address, unless
 * {@code --insecure} accepts unauthenticated connections from other machines.
 */
public final class MasterMain {
    static final int DEFAULT_PORT = 7077;
    static final long WORKER_TIMEOUT_MS = 60_000;
    static final String USAGE = "usage: ember-master [--host H] [--port P] [--webui-port W] [--secret-file F] "
            + "[--insecure]";

    private MasterMain() {}

    public static void main(String[] args) throws InterruptedException {
        DaemonArgs a;
        String secret;
        try {
            a = DaemonArgs.parse(args, Set.of("--host", "--port", "--webui-port", "--secret-file"), Set.of("--insecure"));
            if (!a.positional.isEmpty()) {
                throw new IllegalArgumentException("unexpected argument " + a.positional.get(0));
            }
            secret = a.secret(System.getenv());
        } catch (RuntimeException e) {
            System.err.println("ember-master: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        String host = a.get("--host", System.getenv().getOrDefault("EMBER_BIND_HOST", "127.0.0.1"));
        boolean insecure = a.has("--insecure");
        EmberConf conf = new EmberConf();
        Master master;
        int uiPort;
        try {
            uiPort = a.getInt("--webui-port", conf.getInt(ConfigKeys.MASTER_UI_PORT));
            ListenPolicy.check("ember-master", host, secret, insecure, ListenPolicy.Remedies.DAEMON);
            master = Master.start(host, a.getInt("--port", DEFAULT_PORT), secret, WORKER_TIMEOUT_MS);
        } catch (RuntimeException e) {
            System.err.println("ember-master: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (ListenPolicy.exposedWithoutSecret(host, secret)) {
            System.err.println("ember-master: WARNING: --insecure: listening on " + host + " without a secret; anyone "
                    + "who reaches the port can register workers and run code");
        } else if (secret == null) {
            System.err.println("ember-master: WARNING: no secret (--secret-file or EMBER_AUTH_SECRET); "
                    + "connections from this machine are not authenticated");
        }
        Optional<DaemonUi.Running> ui = uiPort < 0 ? Optional.empty() : DaemonUi.start("master",
                new DaemonUi.Settings(host, uiPort, conf.getInt(ConfigKeys.PORT_MAX_RETRIES), secret),
                (d, s) -> d.startMaster(master::state, s));
        ui.ifPresent(u -> master.setWebUiUrl(u.url()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ui.ifPresent(DaemonUi.Running::close);
            master.close();
        }, "ember-master-shutdown"));
        System.out.println("Ember master listening on " + master.url());
        ui.ifPresent(u -> System.out.println("Ember master web UI at " + u.url()));
        System.out.flush();
        Thread.currentThread().join();
    }
}
