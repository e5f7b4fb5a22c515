package io.ember.deploy;

import java.util.Set;

/**
 * {@code ember-master [--host H] [--port P] [--secret-file F] [--insecure]}: runs a standalone
 * master until killed, printing the URL drivers and workers use (for a wildcard bind, this
 * machine's host name or address). Defaults: host 127.0.0.1 (EMBER_BIND_HOST), port 7077, the
 * secret from EMBER_AUTH_SECRET. Without a secret it listens only on a loopback address, unless
 * {@code --insecure} accepts unauthenticated connections from other machines.
 */
public final class MasterMain {
    static final int DEFAULT_PORT = 7077;
    static final long WORKER_TIMEOUT_MS = 60_000;
    static final String USAGE = "usage: ember-master [--host H] [--port P] [--secret-file F] [--insecure]";

    private MasterMain() {}

    public static void main(String[] args) throws InterruptedException {
        DaemonArgs a;
        String secret;
        try {
            a = DaemonArgs.parse(args, Set.of("--host", "--port", "--secret-file"), Set.of("--insecure"));
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
        Master master;
        try {
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
        Runtime.getRuntime().addShutdownHook(new Thread(master::close, "ember-master-shutdown"));
        System.out.println("Ember master listening on " + master.url());
        System.out.flush();
        Thread.currentThread().join();
    }
}
