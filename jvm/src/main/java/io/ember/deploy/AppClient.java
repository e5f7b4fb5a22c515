package io.ember.deploy;

import io.ember.core.EmberException;
import io.ember.deploy.DeployMessages.ApplicationDescription;
import io.ember.deploy.DeployMessages.ApplicationFailed;
import io.ember.deploy.DeployMessages.ExecutorAdded;
import io.ember.deploy.DeployMessages.ExecutorRemoved;
import io.ember.deploy.DeployMessages.KillExecutors;
import io.ember.deploy.DeployMessages.RegisterApplication;
import io.ember.deploy.DeployMessages.RequestExecutors;
import io.ember.deploy.DeployMessages.UnregisterApplication;
import io.ember.rpc.AuthenticationException;
import io.ember.rpc.RpcCallContext;
import io.ember.rpc.RpcEndpoint;
import io.ember.rpc.RpcEnv;
import io.ember.rpc.RpcException;
import io.ember.rpc.RpcRef;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's link to the master: registers the application and hears about its executors
 * (endpoint {@value DeployMessages#APP_CLIENT_ENDPOINT}). Executors register with the driver
 * themselves; from the master the driver learns only that one was removed or that the
 * application failed.
 */
final class AppClient implements RpcEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(AppClient.class);

    /** What the driver does with the master's news. */
    interface Listener {
        void executorRemoved(String executorId, String message);

        void applicationFailed(String message);
    }

    private final RpcEnv rpc;
    private final RpcRef master;
    private final String masterUrl;
    private final Listener listener;
    private volatile String appId;

    AppClient(RpcEnv rpc, String masterHost, int masterPort, Listener listener) {
        this.rpc = rpc;
        this.master = rpc.ref(masterHost, masterPort, DeployMessages.MASTER_ENDPOINT);
        this.masterUrl = MasterUrl.SCHEME + masterHost + ":" + masterPort;
        this.listener = listener;
    }

    /** Registers the application; returns its id. Throws a message naming the master when it fails. */
    String register(ApplicationDescription description, Duration timeout) {
        rpc.register(DeployMessages.APP_CLIENT_ENDPOINT, this);
        RpcRef self = rpc.ref(rpc.address().getHostString(), rpc.address().getPort(), DeployMessages.APP_CLIENT_ENDPOINT);
        Object reply;
        try {
            reply = master.ask(new RegisterApplication(description, self), timeout);
        } catch (AuthenticationException e) {
            throw new EmberException("The Ember master at " + masterUrl + " refused the connection: " + e.getMessage()
                    + " (set ember.authenticate=true and ember.authenticate.secret, or EMBER_AUTH_SECRET, to the "
                    + "cluster's secret)", e);
        } catch (RpcException e) {
            throw new EmberException("Cannot register with the Ember master at " + masterUrl + ": " + e.getMessage(), e);
        }
        if (reply instanceof ApplicationFailed f) {
            throw new EmberException(f.message());
        }
        appId = (String) reply;
        LOG.info("Registered with the master at {} as application {}", masterUrl, appId);
        return appId;
    }

    /** Dynamic allocation: the executor count the application wants now. */
    void requestTotal(int total) {
        master.send(new RequestExecutors(appId, total));
    }

    /** Tells the master where the driver's web UI listens (shown with the application on the master's UI). */
    void reportUiUrl(String url) {
        master.send(new DeployMessages.ApplicationUiUrl(appId, url));
    }

    /** Dynamic allocation: executors the application releases. */
    void kill(List<String> executorIds) {
        master.send(new KillExecutors(appId, List.copyOf(executorIds)));
    }

    void unregister() {
        if (appId != null) {
            try {
                master.ask(new UnregisterApplication(appId), Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("Could not unregister {} from the master", appId, e);
            }
        }
        rpc.unregister(DeployMessages.APP_CLIENT_ENDPOINT);
    }

    @Override
    public Object receive(Object message, RpcCallContext context) {
        if (message instanceof ExecutorAdded a) {
            LOG.info("The master granted executor {} on worker {} ({} cores, {} MB)", a.executorId(), a.workerId(),
                    a.cores(), a.memoryMb());
        } else if (message instanceof ExecutorRemoved r) {
            listener.executorRemoved(r.executorId(), r.message());
        } else if (message instanceof ApplicationFailed f) {
            listener.applicationFailed(f.message());
        } else {
            throw new IllegalArgumentException("Unexpected message " + message);
        }
        return null;
    }
}
