package io.ember.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** The documented configuration keys; docs/configuration.md lists them (tests/test_readme.py checks). */
public final class ConfigKeys {
    private static final Map<String, ConfigKey> ALL = new LinkedHashMap<>();

    public static final ConfigKey MASTER = key("ember.master", "local[*]",
            "Where to run: local, local[N], local[*], local[N,F], ember://HOST:PORT (a standalone master) or "
                    + "local-cluster[W,C,M] (W workers of C cores and M MB started by the driver; executors are separate JVMs).");
    public static final ConfigKey APP_NAME = key("ember.app.name", "ember-app",
            "Application name shown in logs and the application id.");
    public static final ConfigKey DEFAULT_PARALLELISM = key("ember.default.parallelism", "",
            "Default number of partitions for parallelize and shuffles (default: number of cores).");
    public static final ConfigKey MEMORY_FRACTION = key("ember.memory.fraction", "0.6",
            "Fraction of the heap shared by execution (shuffle buffers) and storage (cache).");
    public static final ConfigKey STORAGE_FRACTION = key("ember.memory.storageFraction", "0.5",
            "Part of the unified budget that cached blocks keep when execution needs memory.");
    public static final ConfigKey TASK_MAX_FAILURES = key("ember.task.maxFailures", "4",
            "Attempts of one task before its job fails, in cluster modes (local and local[N] run each task once, "
                    + "local[N,F] F times).");
    public static final ConfigKey STAGE_MAX_ATTEMPTS = key("ember.stage.maxConsecutiveAttempts", "4",
            "Consecutive attempts of a stage (after fetch failures) before the job aborts.");
    public static final ConfigKey LOCAL_DIRS = key("ember.local.dir", "",
            "Comma-separated directories for shuffle files and spilled blocks (default: java.io.tmpdir).");
    public static final ConfigKey SPILL_NUM_ELEMENTS = key("ember.shuffle.spill.numElementsForceSpillThreshold", "",
            "Spill a shuffle buffer after this many records whatever memory it holds (testing).");
    public static final ConfigKey SHUFFLE_BUFFER = key("ember.shuffle.file.buffer", "64k",
            "Buffer size of shuffle and spill file streams.");
    public static final ConfigKey PROGRESS_BAR = key("ember.ui.showConsoleProgress", "",
            "Show a console progress bar on stderr (default: when stderr is an interactive terminal).");
    public static final ConfigKey CHECKPOINT_DIR = key("ember.checkpoint.dir", "",
            "Directory for reliable RDD checkpoints.");
    public static final ConfigKey LOG_LEVEL = key("ember.log.level", "",
            "Level of the engine's log lines on stderr from context start: ALL, TRACE, DEBUG, INFO (job, stage "
                    + "and task lines), WARN, ERROR, FATAL or OFF (default: the ember.log.level system property, "
                    + "else WARN; setLogLevel changes it later).");
    public static final ConfigKey LOCALITY_WAIT = key("ember.locality.wait", "100ms",
            "How long a task waits for the executor holding its data before running elsewhere.");
    public static final ConfigKey CLEANER_REFERENCE_TRACKING = key("ember.cleaner.referenceTracking", "true",
            "Remove the shuffle files, cached blocks, broadcast copies and scheduler state of RDDs, shuffles and "
                    + "broadcasts the driver no longer references.");
    public static final ConfigKey CLEANER_PERIODIC_GC_INTERVAL = key("ember.cleaner.periodicGC.interval", "30min",
            "How often the cleaner runs a driver garbage collection, so that unreferenced objects are found even "
                    + "when the heap is quiet.");

    // ---- cluster mode ----
    public static final ConfigKey EXECUTOR_CORES = key("ember.executor.cores", "",
            "Cores of each executor in cluster mode (default: all free cores of the worker it runs on).");
    public static final ConfigKey EXECUTOR_MEMORY = key("ember.executor.memory", "1g",
            "Heap of each executor JVM in cluster mode, like 512m or 2g.");
    public static final ConfigKey CORES_MAX = key("ember.cores.max", "",
            "Total cores of the application's executors in cluster mode (default: as many as the workers have).");
    public static final ConfigKey EXECUTOR_EXTRA_CLASSPATH = key("ember.executor.extraClassPath", "",
            "Classpath entries added after the engine jar in executor JVMs, as paths on the workers "
                    + "(default: the driver's classpath, which works when the workers share the driver's machine).");
    public static final ConfigKey EXECUTOR_HEARTBEAT_INTERVAL = key("ember.executor.heartbeatInterval", "2s",
            "How often executors heartbeat to the driver; three missed heartbeats mark an executor lost.");
    public static final ConfigKey DYN_ENABLED = key("ember.dynamicAllocation.enabled", "false",
            "Cluster mode: ask the master for executors while tasks queue up and release idle ones; executors "
                    + "get ember.executor.cores cores (default 1). Shuffle outputs of released executors are "
                    + "recomputed from lineage when needed again.");
    public static final ConfigKey DYN_MIN = key("ember.dynamicAllocation.minExecutors", "0",
            "With dynamic allocation, the executors kept however idle.");
    public static final ConfigKey DYN_MAX = key("ember.dynamicAllocation.maxExecutors", "",
            "With dynamic allocation, the most executors requested (default: no limit).");
    public static final ConfigKey DYN_INITIAL = key("ember.dynamicAllocation.initialExecutors", "",
            "With dynamic allocation, the executors requested at start (default: minExecutors).");
    public static final ConfigKey DYN_BACKLOG_TIMEOUT = key("ember.dynamicAllocation.schedulerBacklogTimeout", "1s",
            "With dynamic allocation, how long tasks wait for a slot before more executors are requested "
                    + "(1, 2, 4, ... more each time the backlog lasts this long again).");
    public static final ConfigKey DYN_IDLE_TIMEOUT = key("ember.dynamicAllocation.executorIdleTimeout", "60s",
            "With dynamic allocation, how long an executor runs no task before it is released.");
    public static final ConfigKey DYN_CACHED_IDLE_TIMEOUT = key("ember.dynamicAllocation.cachedExecutorIdleTimeout",
            "", "With dynamic allocation, the idle timeout of executors holding cached blocks (default: never "
                    + "released).");
    public static final ConfigKey EXECUTOR_WAIT_TIMEOUT = key("ember.scheduler.executorWaitTimeout", "120s",
            "In cluster mode, how long tasks may wait while the application has no executor at all before "
                    + "its jobs fail (naming the last executor loss).");
    public static final ConfigKey MAX_EXECUTOR_RETRIES = key("ember.deploy.maxExecutorRetries", "5",
            "Executors of an application that may fail before the master gives up on the application.");
    public static final ConfigKey NETWORK_TIMEOUT = key("ember.network.timeout", "30s",
            "Timeout of cluster RPC calls (registration, map output locations, broadcasts, block fetches).");
    public static final ConfigKey DRIVER_HOST = key("ember.driver.host", "",
            "Address the driver's RPC server binds to and advertises in cluster mode (default: EMBER_BIND_HOST, "
                    + "else this machine's address on the route to the master).");
    public static final ConfigKey DRIVER_PORT = key("ember.driver.port", "0",
            "Port of the driver's RPC server in cluster mode (0: any free port).");
    public static final ConfigKey AUTHENTICATE = key("ember.authenticate", "false",
            "Require the shared secret on every cluster connection; also on when EMBER_AUTH_SECRET is set "
                    + "(local-cluster always authenticates, with a generated secret).");
    public static final ConfigKey AUTH_SECRET = key("ember.authenticate.secret", "",
            "The shared secret when ember.authenticate is true (default: the EMBER_AUTH_SECRET environment variable).");

    public static final ConfigKey DRIVER_MEMORY = key("ember.driver.memory", "",
            "Heap of the driver JVM, like 2g (-Xmx): set by ember-submit (--driver-memory) and by a Python driver starting the JVM.");
    public static final ConfigKey DRIVER_EXTRA_JAVA_OPTIONS = key("ember.driver.extraJavaOptions", "",
            "Extra flags for the driver JVM (GC, profiling), split as a shell would: applied by a Python driver starting the JVM.");
    public static final ConfigKey FILES = key("ember.files", "",
            "Comma-separated files (or directories) shipped to every executor's work dir at start "
                    + "(ember-submit --files, and a Python application's script).");
    public static final ConfigKey JARS = key("ember.jars", "",
            "Comma-separated jars shipped to every executor's task class loader at start "
                    + "(ember-submit --jars, and a Java application's jar).");
    public static final ConfigKey PY_FILES = key("ember.submit.pyFiles", "",
            "Comma-separated .py/.zip/.egg files given to ember-submit --py-files.");

    // ---- the web UI, its store, the event log and the history server (package io.ember.ui) ----
    public static final ConfigKey UI_ENABLED = key("ember.ui.enabled", "true",
            "Serve the application's web UI and REST API (/api/v1) from the driver.");
    public static final ConfigKey UI_PORT = key("ember.ui.port", "4040",
            "Port of the web UI; when taken, the next free one (up to ember.port.maxRetries more); 0 picks any.");
    public static final ConfigKey UI_HOST = key("ember.ui.host", "127.0.0.1",
            "Address the web UI binds to; anything but loopback requires the application's credentials.");
    public static final ConfigKey PORT_MAX_RETRIES = key("ember.port.maxRetries", "16",
            "How many following ports a server tries when its port is taken.");
    public static final ConfigKey UI_RETAINED_JOBS = key("ember.ui.retainedJobs", "1000",
            "Finished jobs the UI's store keeps (older ones are dropped).");
    public static final ConfigKey UI_RETAINED_STAGES = key("ember.ui.retainedStages", "1000",
            "Finished stage attempts the UI's store keeps (older ones are dropped with their tasks).");
    public static final ConfigKey UI_RETAINED_TASKS = key("ember.ui.retainedTasks", "100000",
            "Tasks the UI's store keeps per stage attempt (the oldest finished ones are dropped).");
    public static final ConfigKey SQL_UI_RETAINED_EXECUTIONS = key("ember.sql.ui.retainedExecutions", "1000",
            "Finished SQL query runs the UI's store keeps (Spark's spark.sql.ui.retainedExecutions).");
    public static final ConfigKey UI_RETAINED_DEAD_EXECUTORS = key("ember.ui.retainedDeadExecutors", "100",
            "Removed executors the UI's store keeps.");
    public static final ConfigKey UI_USERS = key("ember.ui.users", "",
            "user:password pairs (comma-separated) allowed to read the UI besides the application's token.");
    public static final ConfigKey UI_KILL_ENABLED = key("ember.ui.killEnabled", "false",
            "Let the web UI kill running jobs and stages (a POST with the session's CSRF token).");
    public static final ConfigKey LISTENER_BUS_CAPACITY = key("ember.scheduler.listenerbus.eventqueue.capacity",
            "10000", "Events the listener bus queues; when full, new events are dropped (counted, logged), "
                    + "never blocking the scheduler.");
    public static final ConfigKey EVENT_LOG_ENABLED = key("ember.eventLog.enabled", "false",
            "Write every listener event as a JSON line to ember.eventLog.dir (for the history server).");
    public static final ConfigKey EVENT_LOG_DIR = key("ember.eventLog.dir", "/tmp/ember-events",
            "Directory of event logs; each application writes the directory eventlog_v2_<appId>.");
    public static final ConfigKey EVENT_LOG_COMPRESS = key("ember.eventLog.compress", "true",
            "Gzip event log files.");
    public static final ConfigKey EVENT_LOG_MAX_FILE_SIZE = key("ember.eventLog.rolling.maxFileSize", "128m",
            "Size after which the event log rolls over to a new file.");
    public static final ConfigKey HISTORY_LOG_DIR = key("ember.history.fs.logDirectory", "/tmp/ember-events",
            "Event log directory the history server serves.");
    public static final ConfigKey HISTORY_PORT = key("ember.history.ui.port", "18080", "Port of the history server.");
    public static final ConfigKey MASTER_UI_PORT = key("ember.master.ui.port", "8080",
            "Port of the standalone master's web UI (ember-master --webui-port); when taken, the next free one "
                    + "(up to ember.port.maxRetries more); 0 picks any, -1 serves none.");
    public static final ConfigKey WORKER_UI_PORT = key("ember.worker.ui.port", "8081",
            "Port of a standalone worker's web UI (ember-worker --webui-port); when taken, the next free one "
                    + "(up to ember.port.maxRetries more); 0 picks any, -1 serves none.");
    public static final ConfigKey HISTORY_UPDATE_INTERVAL = key("ember.history.fs.update.interval", "10s",
            "How often the history server looks for new and grown event logs.");
    public static final ConfigKey HISTORY_CLEANER_MAX_AGE = key("ember.history.fs.cleaner.maxAge", "168h",
            "Event logs older than this are deleted by the history server (0: never).");

    private ConfigKeys() {}

    private static ConfigKey key(String name, String dflt, String doc) {
        ConfigKey k = new ConfigKey(name, dflt, doc);
        ALL.put(name, k);
        return k;
    }

    /** Declares a key from another module (e.g. the Python bridge), so it is not reported unknown. */
    public static synchronized ConfigKey declare(String name, String dflt, String doc) {
        return ALL.computeIfAbsent(name, n -> new ConfigKey(n, dflt, doc));
    }

    public static synchronized boolean isKnown(String name) {
        return ALL.containsKey(name);
    }

    public static synchronized Map<String, ConfigKey> all() {
        return Map.copyOf(ALL);
    }
}
