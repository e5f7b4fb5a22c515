package io.ember.deploy;

import io.ember.core.EmberException;
import io.ember.util.BindAddresses;

/**
 * Refuses to open a port other machines can reach without a shared secret, unless the user
 * opted out explicitly: an unauthenticated master, worker or driver lets anyone who reaches
 * its port register workers or executors and run code (the hole behind Spark's CVE-2020-9480).
 * Loopback-only binds need no secret, as only this machine can connect. Stateless.
 */
final class ListenPolicy {
    private ListenPolicy() {}

    /** The user's two ways out, as named in the refusal. */
    record Remedies(String setSecret, String optOut) {
        static final Remedies DAEMON = new Remedies("--secret-file FILE or the EMBER_AUTH_SECRET environment variable",
                "pass --insecure");
        static final Remedies DRIVER = new Remedies("ember.authenticate.secret or the EMBER_AUTH_SECRET environment "
                + "variable", "set ember.authenticate=false explicitly");
    }

    /**
     * Throws EmberException when {@code host} is reachable from other machines, {@code secret}
     * is null and the user has not {@code optedOut}.
     *
     * @param who what would listen, for the message ("ember-master", "the driver")
     */
    static void check(String who, String host, String secret, boolean optedOut, Remedies remedies) {
        if (secret != null || optedOut || BindAddresses.isLoopback(host)) {
            return;
        }
        throw new EmberException(who + " refuses to listen on " + host + " without a secret: it is not a loopback "
                + "address, so anyone who reaches the port could connect unauthenticated and run code. Set a secret "
                + "with " + remedies.setSecret() + ", or " + remedies.optOut()
                + " to accept unauthenticated connections.");
    }

    /** True when the check would let {@code host} listen only because the user opted out. */
    static boolean exposedWithoutSecret(String host, String secret) {
        return secret == null && !BindAddresses.isLoopback(host);
    }
}
