package io.ember.deploy;

import io.ember.core.ConfigKeys;
import io.ember.core.EmberConf;
import io.ember.core.EmberException;
import io.ember.deploy.DeployMessages.ApplicationDescription;
import io.ember.rdd.BroadcastSource;
import io.ember.rpc.RpcEnv;
import io.ember.scheduler.SchedulerRoles;
import io.ember.shuffle.MapOutputTracker;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the driver's side of cluster mode for {@code ember://HOST:PORT} or
 * {@code local-cluster[W,C,M]}: the driver's RPC server, the {@link ClusterBackend}, (for
 * local-cluster) the in-process {@link LocalCluster}, and the application's registration with
 * the master. The returned backend owns all of them and releases them when stopped.
 *
 * <p>Executors run with the worker's engine classpath plus {@code ember.executor.extraClassPath},
 * which defaults to the driver's own {@code java.class.path} (so that test classes reach
 * local-cluster executors); the application's jars ({@code ember.jars}, {@code addJar}) and files
 * reach executors on any machine through the driver's {@link FileServer}.
 */
public final class ClusterSetup {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSetup.class);
    private static final long LOCAL_CLUSTER_WAIT_MS = 60_000;

    private ClusterSetup() {}

    /**
     * @param onFailure called (on an RPC thread) when the master gives up on the application
     */
    public static ClusterBackend start(MasterUrl master, EmberConf conf, SchedulerRoles scheduler,
                                       MapOutputTracker mapOutputs, BroadcastSource broadcasts, FileServer files,
                                       ClassLoader loader, Consumer<String> onFailure) {
        boolean localCluster = master.kind() == MasterUrl.Kind.LOCAL_CLUSTER;
        String secret = localCluster ? newSecret() : secret(conf);
        EmberConf effective = conf.copy();
        LocalCluster cluster = null;
        RpcEnv rpc = null;
        ClusterBackend backend = null;
        try {
            String masterHost = master.host();
            int masterPort = master.port();
            if (localCluster) {
                cluster = LocalCluster.start(master.workers(), master.coresPerWorker(), master.memoryPerWorkerMb(), secret);
                masterHost = "127.0.0.1";
                masterPort = cluster.master().address().getPort();
                effective.set(ConfigKeys.EXECUTOR_CORES.name(), String.valueOf(master.coresPerWorker()));
                effective.set(ConfigKeys.EXECUTOR_MEMORY.name(), master.memoryPerWorkerMb() + "m");
                effective.set(ConfigKeys.CORES_MAX.name(), String.valueOf(master.workers() * master.coresPerWorker()));
            }
            String host = driverHost(conf, masterHost, masterPort);
            ListenPolicy.check("The driver (ember.driver.host " + host + ")", host, secret, optedOutOfAuthentication(conf),
                    ListenPolicy.Remedies.DRIVER);
            rpc = RpcEnv.create("driver", host, Integer.parseInt(conf.get(ConfigKeys.DRIVER_PORT)), secret, loader);
            rpc.setBlockProvider(files::region);
            backend = new ClusterBackend(scheduler, rpc, conf, mapOutputs, broadcasts, files, loader);
            backend.owns(rpc);
            if (cluster != null) {
                backend.owns(cluster);
            }
            backend.start();
            ClusterBackend b = backend;
            AppClient client = new AppClient(rpc, masterHost, masterPort, new AppClient.Listener() {
                @Override
                public void executorRemoved(String executorId, String message) {
                    b.removeExecutor(executorId, message);
                }

                @Override
                public void applicationFailed(String message) {
                    LOG.error("{}", message);
                    b.applicationFailed(message);
                    onFailure.accept(message);
                }
            });
            String appId = client.register(description(effective, conf, rpc.address().getHostString(),
                    rpc.address().getPort()),
                    Duration.ofMillis(conf.getMillis(ConfigKeys.NETWORK_TIMEOUT)));
            backend.setApplication(appId, client);
            int expected = master.workers(); // local-cluster: one executor per worker, unless dynamic
            if (conf.getBoolean(ConfigKeys.DYN_ENABLED)) {
                backend.enableDynamicAllocation(conf, coresPerExecutor(effective));
                expected = Math.min(expected, ExecutorAllocationManager.initialExecutors(conf));
            }
            if (cluster != null && !backend.awaitExecutors(expected, LOCAL_CLUSTER_WAIT_MS)) {
                if (backend.failure() != null) {
                    throw new EmberException(backend.failure());
                }
                throw new EmberException("The executors of " + master + " did not register within "
                        + LOCAL_CLUSTER_WAIT_MS / 1000 + " s; see their stderr under the work dirs of " + cluster);
            }
            return backend;
        } catch (RuntimeException | InterruptedException e) {
            if (backend != null) {
                backend.stop();
            } else {
                if (rpc != null) {
                    rpc.close();
                }
                if (cluster != null) {
                    cluster.close();
                }
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new EmberException("Interrupted while starting " + master, e);
            }
            throw (RuntimeException) e;
        }
    }

    private static ApplicationDescription description(EmberConf effective, EmberConf conf, String host, int port) {
        String max = effective.get(ConfigKeys.CORES_MAX);
        long memory = EmberConf.parseBytes(ConfigKeys.EXECUTOR_MEMORY.name(), effective.get(ConfigKeys.EXECUTOR_MEMORY));
        String extra = conf.get(ConfigKeys.EXECUTOR_EXTRA_CLASSPATH);
        if (extra.isEmpty()) {
            // the application's classes, when workers share this machine; absolute, as executors run in their work dirs
            extra = LocalCluster.absoluteClassPath();
        }
        boolean dynamic = conf.getBoolean(ConfigKeys.DYN_ENABLED);
        return new ApplicationDescription(conf.get(ConfigKeys.APP_NAME), coresPerExecutor(effective),
                (int) Math.max(1, memory >> 20), max.isEmpty() ? 0 : Integer.parseInt(max), host, port, extra,
                conf.getInt(ConfigKeys.MAX_EXECUTOR_RETRIES),
                dynamic ? ExecutorAllocationManager.initialExecutors(conf) : -1, System.getProperty("user.name", ""));
    }

    /** ember.executor.cores; unset means all of a worker's free cores, or 1 with dynamic allocation. */
    private static int coresPerExecutor(EmberConf conf) {
        String cores = conf.get(ConfigKeys.EXECUTOR_CORES);
        if (!cores.isEmpty()) {
            return Integer.parseInt(cores);
        }
        return conf.getBoolean(ConfigKeys.DYN_ENABLED) ? 1 : 0;
    }

    /**
     * The shared secret: ember.authenticate.secret, else EMBER_AUTH_SECRET; used when
     * ember.authenticate is true or the environment variable is set (as for the daemons).
     */
    static String secret(EmberConf conf) {
        String env = System.getenv().getOrDefault("EMBER_AUTH_SECRET", "");
        if (!conf.getBoolean(ConfigKeys.AUTHENTICATE) && env.isEmpty()) {
            return null;
        }
        String s = conf.get(ConfigKeys.AUTH_SECRET);
        if (s.isEmpty()) {
            s = env;
        }
        if (s.isEmpty()) {
            throw new EmberException("ember.authenticate is true but no secret is set: set ember.authenticate.secret "
                    + "or the EMBER_AUTH_SECRET environment variable");
        }
        return s;
    }

    /**
     * True when the user set ember.authenticate=false themselves: the only way a driver listens
     * unauthenticated on an address other machines reach.
     */
    static boolean optedOutOfAuthentication(EmberConf conf) {
        return conf.contains(ConfigKeys.AUTHENTICATE.name()) && !conf.getBoolean(ConfigKeys.AUTHENTICATE);
    }

    /**
     * ember.driver.host, else EMBER_BIND_HOST, else (for a master on another machine) this
     * machine's address on the route to the master, else 127.0.0.1.
     */
    static String driverHost(EmberConf conf, String masterHost, int masterPort) {
        String host = conf.get(ConfigKeys.DRIVER_HOST);
        if (host.isEmpty()) {
            host = System.getenv().getOrDefault("EMBER_BIND_HOST", "");
        }
        if (host.isEmpty()) {
            host = addressTowards(masterHost, masterPort);
        }
        return host;
    }

    /** The local address the route to host:port leaves from (no packet is sent); loopback when unknown. */
    private static String addressTowards(String host, int port) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(host, port));
            InetAddress local = probe.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? "127.0.0.1" : local.getHostAddress();
        } catch (IOException | RuntimeException e) {
            return "127.0.0.1";
        }
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
