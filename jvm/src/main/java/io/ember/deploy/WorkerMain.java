package io.ember.deploy;

import io.ember.core.ConfigKeys;
import io.ember.core.EmberConf;
import io.ember.util.ParentPipe;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.Set;

/**
 * {@code ember-worker ember://HOST:PORT [--cores C] [--memory M] [--work-dir D] [--host H]
 * [--port P] [--webui-port W] [--secret-file F] [--insecure]}: runs a worker daemon until killed,
 * printing its id, then the address of its web UI. Defaults: all processors, the machine's memory
 * less 1 GB (at least 1 GB), work dir ./work, host 127.0.0.1 (EMBER_BIND_HOST), any free port, web
 * UI port {@code ember.worker.ui.port} (8081; -1: none), the secret from EMBER_AUTH_SECRET. Without a secret it
 * listens only on a loopback address, unless {@code --insecure} accepts unauthenticated
 * connections from other machines. Executors run with this JVM's classpath (the engine jar) plus
 * the application's ember.executor.extraClassPath.
 */
public final class WorkerMain {
    /** Set (to anything) in the environment: exit when standard input closes (local-cluster's workers). */
    static final String EXIT_WITH_STDIN = "EMBER_WORKER_EXIT_WITH_STDIN";

    static final String USAGE = "usage: ember-worker ember://HOST:PORT [--cores C] [--memory M] [--work-dir D] "
            + "[--host H] [--port P] [--webui-port W] [--secret-file F] [--insecure]";

    private WorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        Worker worker;
        String url;
        try {
            DaemonArgs a = DaemonArgs.parse(args, Set.of("--cores", "--memory", "--work-dir", "--host", "--port",
                    "--webui-port", "--secret-file"), Set.of("--insecure"));
            if (a.positional.size() != 1) {
                throw new IllegalArgumentException("expected one master URL (ember://HOST:PORT)");
            }
            MasterUrl master = MasterUrl.parseStandalone(a.positional.get(0));
            url = master.toString();
            int memory = a.options.containsKey("--memory") ? memoryMb(a.options.get("--memory")) : defaultMemoryMb();
            String host = a.get("--host", System.getenv().getOrDefault("EMBER_BIND_HOST", "127.0.0.1"));
            String secret = a.secret(System.getenv());
            ListenPolicy.check("ember-worker", host, secret, a.has("--insecure"), ListenPolicy.Remedies.DAEMON);
            EmberConf conf = new EmberConf();
            int uiPort = a.getInt("--webui-port", conf.getInt(ConfigKeys.WORKER_UI_PORT));
            DaemonUi.Settings ui = uiPort < 0 ? null
                    : new DaemonUi.Settings(host, uiPort, conf.getInt(ConfigKeys.PORT_MAX_RETRIES), secret);
            worker = Worker.start(master.host(), master.port(), host, a.getInt("--port", 0),
                    a.getInt("--cores", Runtime.getRuntime().availableProcessors()), memory,
                    new File(a.get("--work-dir", "work")).getAbsoluteFile(), secret,
                    System.getProperty("java.class.path"), ui);
            if (ListenPolicy.exposedWithoutSecret(host, secret)) {
                System.err.println("ember-worker: WARNING: --insecure: listening on " + host + " without a secret; "
                        + "anyone who reaches the port can launch executors");
            }
        } catch (RuntimeException e) {
            System.err.println("ember-worker: " + e.getMessage());
            if (e instanceof IllegalArgumentException) {
                System.err.println(USAGE);
            }
            System.exit(e instanceof IllegalArgumentException ? 2 : 1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "ember-worker-shutdown"));
        System.out.println("Ember worker " + worker.id() + " registered with " + url);
        if (!worker.webUiUrl().isEmpty()) {
            System.out.println("Ember worker web UI at " + worker.webUiUrl());
        }
        System.out.flush();
        if (System.getenv(EXIT_WITH_STDIN) != null) {
            ParentPipe.awaitClose();
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    /** A size like 2g or 512m (plain numbers are MB). */
    static int memoryMb(String s) {
        String v = s.trim().toLowerCase();
        if (v.matches("[0-9]+")) {
            return Integer.parseInt(v);
        }
        try {
            return (int) (io.ember.core.EmberConf.parseBytes("--memory", v) >> 20);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--memory expects a size like 512m or 2g, got '" + s + "'");
        }
    }

    private static int defaultMemoryMb() {
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 20;
        return (int) Math.max(1024, total - 1024);
    }
}
