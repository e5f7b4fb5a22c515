package io.ember.deploy;

import io.ember.core.EmberException;
import io.ember.deploy.DeployMessages.RequestStatus;
import io.ember.rpc.RpcEnv;
import java.time.Duration;
import java.util.Set;

/**
 * {@code ember-status ember://HOST:PORT [--secret-file F]}: prints the master's state as JSON
 * (workers, applications, executors and their states). The secret comes from --secret-file or
 * EMBER_AUTH_SECRET.
 */
public final class StatusClient {
    private StatusClient() {}

    /** The master's status JSON. */
    public static String fetch(String masterUrl, String secret) {
        MasterUrl m = MasterUrl.parseStandalone(masterUrl);
        try (RpcEnv rpc = RpcEnv.create("status", "127.0.0.1", 0, secret, StatusClient.class.getClassLoader())) {
            return rpc.ref(m.host(), m.port(), DeployMessages.MASTER_ENDPOINT).ask(new RequestStatus(),
                    Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            throw new EmberException("Cannot get the status of the Ember master at " + m + ": " + e.getMessage(), e);
        }
    }

    public static void main(String[] args) {
        try {
            DaemonArgs a = DaemonArgs.parse(args, Set.of("--secret-file"));
            if (a.positional.size() != 1) {
                throw new IllegalArgumentException("expected one master URL (ember://HOST:PORT)");
            }
            System.out.println(fetch(a.positional.get(0), a.secret(System.getenv())));
        } catch (IllegalArgumentException e) {
            System.err.println("ember-status: " + e.getMessage());
            System.err.println("usage: ember-status ember://HOST:PORT [--secret-file F]");
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("ember-status: " + e.getMessage());
            System.exit(1);
        }
    }
}
