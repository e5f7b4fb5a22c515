package io.ember.deploy;

import java.util.Set;

/**
 * {@code ember-master [--host H] [--port P] [--secret-file F]}: runs a standalone master until
 * killed, printing the URL drivers and workers use. Defaults: host 127.0.0.1 (EMBER_BIND_HOST),
 * port 7077, the secret from EMBER_AUTH_SECRET (none: no authentication, with a warning).
 */
public final class MasterMain {
    static final int DEFAULT_PORT = 7077;
    static final long WORKER_TIMEOUT_MS = 60_000;

    private MasterMain() {}

    public static void main(String[] args) throws InterruptedException {
        DaemonArgs a;
        String secret;
        try {
            a = DaemonArgs.parse(args, Set.of("--host", "--port", "--secret-file"));
            if (!a.positional.isEmpty()) {
                throw new IllegalArgumentException("unexpected argument " + a.positional.get(0));
            }
            secret = a.secret(System.getenv());
        } catch (RuntimeException e) {
            System.err.println("ember-master: " + e.getMessage());
            System.err.println("usage: ember-master [--host H] [--port P] [--secret-file F]");
            System.exit(2);
            return;
        }
        String host = a.get("--host", System.getenv().getOrDefault("EMBER_BIND_HOST", "127.0.0.1"));
        Master master;
        try {
            master = Master.start(host, a.getInt("--port", DEFAULT_PORT), secret, WORKER_TIMEOUT_MS);
        } catch (RuntimeException e) {
            System.err.println("ember-master: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (secret == null) {
            System.err.println("ember-master: WARNING: no secret (--secret-file or EMBER_AUTH_SECRET); "
                    + "connections are not authenticated");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(master::close, "ember-master-shutdown"));
        System.out.println("Ember master listening on " + master.url());
        System.out.flush();
        Thread.currentThread().join();
    }
}
