package io.ember.executor;

import io.ember.rpc.RpcEnv;
import io.ember.util.ParentPipe;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main class of an executor JVM, started by a worker daemon:
 * <pre>
 * java -Xmx&lt;mem&gt; -cp &lt;engine jar&gt; io.ember.executor.ExecutorMain --driver-host H --driver-port P
 *      --executor-id ID --cores C --app-id APP --work-dir DIR
 * </pre>
 * The shared secret comes from the environment ({@code EMBER_AUTH_SECRET}), never the command
 * line; the block server binds to {@code EMBER_BIND_HOST}, else 127.0.0.1; {@code EMBER_LOG_URL_STDOUT}
 * and {@code EMBER_LOG_URL_STDERR} (any {@code EMBER_LOG_URL_<NAME>}) say where the worker serves
 * this JVM's logs, sent to the driver when registering. Exits 0 when the
 * driver stops it and 1 when the driver is lost or cannot be reached, or when its worker is gone
 * (its standard input, a pipe from the worker, closes).
 */
public final class ExecutorMain {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorMain.class);
    /** The environment variables naming where the worker serves this JVM's logs (as Spark's SPARK_LOG_URL_). */
    public static final String LOG_URL_PREFIX = "EMBER_LOG_URL_";
    static final List<String> OPTIONS = List.of("--driver-host", "--driver-port", "--executor-id", "--cores", "--app-id",
            "--work-dir");

    /** How long a closed pipe from the worker may precede the SIGTERM-started shutdown. */
    private static final long WORKER_STOP_GRACE_MS = 1000;

    private ExecutorMain() {}

    public static void main(String[] args) {
        int code;
        try {
            code = run(parse(args));
        } catch (IllegalArgumentException e) {
            System.err.println("ExecutorMain: " + e.getMessage());
            System.err.println("usage: ExecutorMain " + String.join(" VALUE ", OPTIONS) + " VALUE");
            code = 2;
        } catch (Throwable t) {
            LOG.error("Executor failed", t);
            code = 1;
        }
        System.exit(code);
    }

    /** The options by name; throws IllegalArgumentException naming a missing or unknown one. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            opts.put(args[i], args[i + 1]);
        }
        for (String o : OPTIONS) {
            if (!opts.containsKey(o)) {
                throw new IllegalArgumentException("missing " + o);
            }
        }
        return opts;
    }

    /**
     * The worker holds the other end of this JVM's standard input: when it closes, the worker
     * is gone (even by kill -9), and the executor ends with it.
     */
    private static void watchWorker(RemoteExecutor executor, String id) {
        Thread t = new Thread(() -> {
            ParentPipe.awaitClose();
            try {
                // a worker stopping this executor signals it and then closes the pipe: let the shutdown
                // the signal starts mark the executor ending, so a normal stop is not reported as a loss
                executor.awaitEnd(WORKER_STOP_GRACE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor.fail("Executor {} lost its worker (standard input closed); exiting", id);
        }, "ember-worker-watch");
        t.setDaemon(true);
        t.start();
    }

    /** The log addresses in {@code env}: {@code EMBER_LOG_URL_STDOUT=u} gives {@code stdout -> u}. */
    public static Map<String, String> logUrls(Map<String, String> env) {
        Map<String, String> urls = new TreeMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith(LOG_URL_PREFIX) && k.length() > LOG_URL_PREFIX.length() && !v.isEmpty()) {
                urls.put(k.substring(LOG_URL_PREFIX.length()).toLowerCase(Locale.ROOT), v);
            }
        });
        return urls;
    }

    private static int run(Map<String, String> o) throws InterruptedException {
        String secret = System.getenv("EMBER_AUTH_SECRET");
        String bindHost = System.getenv().getOrDefault("EMBER_BIND_HOST", "127.0.0.1");
        String id = o.get("--executor-id");
        ExecutorClassLoader loader = new ExecutorClassLoader(Thread.currentThread().getContextClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        LOG.info("Starting executor {} of application {}", id, o.get("--app-id"));
        RpcEnv rpc = RpcEnv.create("executor-" + id, bindHost, 0, secret == null || secret.isEmpty() ? null : secret,
                loader);
        RemoteExecutor executor;
        try {
            executor = new RemoteExecutor(rpc, o.get("--driver-host"), Integer.parseInt(o.get("--driver-port")), id,
                    Integer.parseInt(o.get("--cores")), o.get("--work-dir"), loader, logUrls(System.getenv()));
        } catch (RuntimeException e) {
            rpc.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(executor::close, "ember-executor-shutdown"));
        watchWorker(executor, id);
        int code = executor.awaitEnd();
        executor.close();
        return code;
    }
}
