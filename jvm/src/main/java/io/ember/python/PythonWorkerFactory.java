package io.ember.python;

import io.ember.core.EmberConf;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts one {@code python -m ember.daemon} for an executor and Python executable, and hands out
 * workers forked by it. Idle workers are reused. The daemon's stderr is drained on a thread
 * that keeps its last lines, which crash reports quote. Owned by the executor's
 * {@link PythonWorkers}, which stops it with the executor.
 */
final class PythonWorkerFactory {
    private static final int STDERR_LINES = 50;
    /** The daemon's line for a worker's exit (see ember/daemon.py). */
    private static final Pattern EXIT_REPORT = Pattern.compile("worker (\\d+) exited with status ");

    private final String pythonExec;
    private final String pythonVersion;
    private final String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final Process daemon;
    private final OutputStream daemonStdin;
    private final int port;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Deque<PythonWorker> idle = new ArrayDeque<>();
    /** Workers killed with their cancelled task, until the daemon reports their exit. */
    private final Set<Integer> killed = ConcurrentHashMap.newKeySet();

    /** Environment variable telling workers their address-space limit in MB (ember.executor.pyspark.memory). */
    static final String MEMORY_LIMIT_ENV = "EMBER_PYSPARK_MEMORY_MB";

    /** The daemon's extra environment for an executor with this conf (validates the sizes). */
    static Map<String, String> daemonEnvironment(EmberConf conf) {
        String limit = conf.get(PythonBridge.PYSPARK_MEMORY).trim();
        return limit.isEmpty() ? Map.of()
                : Map.of(MEMORY_LIMIT_ENV, Long.toString(conf.getMegabytes(PythonBridge.PYSPARK_MEMORY)));
    }

    PythonWorkerFactory(String pythonExec, String pythonVersion, String pythonPath,
            Map<String, String> extraEnv) throws IOException {
        this.pythonExec = pythonExec;
        this.pythonVersion = pythonVersion;
        ProcessBuilder pb = new ProcessBuilder(pythonExec, "-m", "ember.daemon");
        Map<String, String> env = pb.environment();
        env.put("PYTHONHASHSEED", "0");
        env.put("PYTHONUNBUFFERED", "1");
        env.putAll(extraEnv);
        // The driver's path to the ember package; on a machine without it, the installed package is used.
        if (pythonPath != null && !pythonPath.isEmpty() && new java.io.File(pythonPath).isDirectory()) {
            String old = env.get("PYTHONPATH");
            env.put("PYTHONPATH", old == null || old.isEmpty() ? pythonPath
                    : pythonPath + java.io.File.pathSeparator + old);
        }
        this.daemon = pb.start();
        Thread drain = new Thread(() -> drainStderr(daemon.getErrorStream()), "python-daemon-stderr");
        drain.setDaemon(true);
        drain.start();
        this.daemonStdin = daemon.getOutputStream();
        daemonStdin.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
        daemonStdin.flush();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String line = stdout.readLine();
        if (line == null) {
            waitBriefly();
            throw new IOException("The Python daemon (" + pythonExec + " -m ember.daemon) exited before "
                    + "reporting its port; last stderr lines:\n" + stderrTail());
        }
        try {
            this.port = Integer.parseInt(line.trim());
        } catch (NumberFormatException e) {
            daemon.destroy();
            throw new IOException("The Python daemon printed '" + line + "' instead of its port");
        }
    }

    /** An idle worker, or a newly forked one. */
    PythonWorker create() throws IOException {
        synchronized (idle) {
            while (!idle.isEmpty()) {
                PythonWorker w = idle.pollFirst();
                if (!w.isClosed()) {
                    return w;
                }
            }
        }
        if (!daemon.isAlive()) {
            throw new IOException("The Python daemon has exited (status " + daemon.exitValue()
                    + "); last stderr lines:\n" + stderrTail());
        }
        return PythonWorker.connect(port, secret, pythonVersion);
    }

    /** The workers alive now: the daemon's child processes (each worker is forked from it). */
    int liveWorkers() {
        return daemon.isAlive() ? (int) daemon.toHandle().children().filter(ProcessHandle::isAlive).count() : 0;
    }

    /** Returns a worker that finished a task cleanly to the idle pool. */
    void release(PythonWorker worker) {
        synchronized (idle) {
            idle.addLast(worker);
        }
    }

    /**
     * Kills the worker of a cancelled task. The daemon's report of its exit (signal 9) is kept
     * for {@link #exitStatusOf} but not echoed: it is expected, not news for the user.
     */
    void kill(PythonWorker worker) {
        if (ProcessHandle.of(worker.pid).map(ProcessHandle::isAlive).orElse(false)) {
            killed.add(worker.pid);
        }
        worker.kill();
    }

    /** True for the daemon's exit report of a worker {@link #kill} killed (forgetting it). */
    private boolean reportsKilledWorker(String line) {
        Matcher m = EXIT_REPORT.matcher(line);
        return m.find() && killed.remove(Integer.parseInt(m.group(1)));
    }

    String stderrTail() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    /** The daemon's report of how a worker exited ("status N", negative = signal), if logged yet. */
    String exitStatusOf(int pid) {
        String marker = "worker " + pid + " exited with status ";
        synchronized (stderrTail) {
            for (String line : stderrTail) {
                int at = line.indexOf(marker);
                if (at >= 0) {
                    return line.substring(at + marker.length()).trim();
                }
            }
        }
        return null;
    }

    private void drainStderr(InputStream err) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!reportsKilledWorker(line)) {
                    System.err.println(line);
                }
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > STDERR_LINES) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the daemon is gone
        }
    }

    private void waitBriefly() {
        try {
            daemon.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        List<PythonWorker> workers;
        synchronized (idle) {
            workers = new ArrayList<>(idle);
            idle.clear();
        }
        workers.forEach(PythonWorker::close);
        try {
            daemonStdin.close();
        } catch (IOException ignored) {
            // closing stdin is how the daemon is told to stop
        }
        try {
            if (!daemon.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        } catch (InterruptedException e) {
            daemon.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "PythonWorkerFactory(" + pythonExec + ", port " + port + ")";
    }
}
