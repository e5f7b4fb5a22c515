package io.ember.deploy;

import io.ember.deploy.DeployMessages.ExecutorState;
import io.ember.deploy.DeployMessages.ExecutorStateChanged;
import io.ember.deploy.DeployMessages.LaunchExecutor;
import io.ember.executor.ExecutorMain;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One executor JVM run by a worker: {@code java -Xmx<mem>m -XX:+UseParallelGC -cp <classpath> io.ember.executor.ExecutorMain ...}
 * in {@code <work dir>/<app id>/<executor id>}, with stdout and stderr in files there and the
 * secret in its environment, and the addresses of its logs on the worker's UI (when it serves
 * one) too, which the executor tells its driver. Reports RUNNING once started and KILLED (when asked to stop),
 * EXITED (exit code 0) or FAILED (anything else, with the tails of its stderr and stdout) when it ends.
 */
final class ExecutorRunner {
    static final String MAIN_CLASS = "io.ember.executor.ExecutorMain";
    private static final int TAIL_LINES = 20;

    private final LaunchExecutor launch;
    private final File dir;
    private final String classPath;
    private final String secret;
    private final String bindHost;
    private final String workerUiUrl;
    private final Consumer<ExecutorStateChanged> report;
    private volatile Process process;
    private volatile boolean killed;
    private volatile ExecutorState state = ExecutorState.LAUNCHING;

    /** @param workerUiUrl the worker's web UI address, {@code ""} when it serves none */
    ExecutorRunner(LaunchExecutor launch, File workDir, String classPath, String secret, String bindHost,
                   String workerUiUrl, Consumer<ExecutorStateChanged> report) {
        this.launch = launch;
        this.dir = new File(new File(workDir, launch.appId()), launch.executorId());
        this.classPath = classPath;
        this.secret = secret;
        this.bindHost = bindHost;
        this.workerUiUrl = workerUiUrl == null ? "" : workerUiUrl;
        this.report = s -> { // remember the state reported, for the worker's web UI
            state = s.state();
            report.accept(s);
        };
    }

    /** The command line; the classpath is the worker's engine classpath plus the application's extra entries. */
    List<String> command() {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        // each entry once: with local-cluster the extra entries are the worker's own classpath
        Set<String> entries = new LinkedHashSet<>(List.of(classPath.split(File.pathSeparator)));
        if (launch.extraClassPath() != null && !launch.extraClassPath().isEmpty()) {
            entries.addAll(List.of(launch.extraClassPath().split(File.pathSeparator)));
        }
        String cp = String.join(File.pathSeparator, entries);
        // The throughput collector, as for drivers: G1's concurrent work costs batch tasks dearly on few cores.
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + launch.memoryMb() + "m", "-XX:+UseParallelGC",
                "-cp", cp, MAIN_CLASS,
                "--driver-host", launch.driverHost(), "--driver-port", String.valueOf(launch.driverPort()),
                "--executor-id", launch.executorId(), "--cores", String.valueOf(launch.cores()),
                "--app-id", launch.appId(), "--work-dir", dir.getAbsolutePath()));
        return cmd;
    }

    void start() {
        try {
            Files.createDirectories(dir.toPath());
            ProcessBuilder pb = new ProcessBuilder(command()).directory(dir)
                    .redirectOutput(new File(dir, "stdout")).redirectError(new File(dir, "stderr"));
            Map<String, String> env = pb.environment();
            env.remove("EMBER_AUTH_SECRET");
            if (secret != null) {
                env.put("EMBER_AUTH_SECRET", secret);
            }
            env.put("EMBER_BIND_HOST", bindHost);
            env.put("EMBER_EXECUTOR_ID", launch.executorId());
            env.keySet().removeIf(k -> k.startsWith(ExecutorMain.LOG_URL_PREFIX)); // not the worker's own
            env.putAll(logUrlEnv());
            process = pb.start();
        } catch (IOException | RuntimeException e) {
            report.accept(new ExecutorStateChanged(launch.appId(), launch.executorId(), ExecutorState.FAILED, null,
                    "cannot start the executor JVM: " + e));
            return;
        }
        report.accept(new ExecutorStateChanged(launch.appId(), launch.executorId(), ExecutorState.RUNNING, null, null));
        process.onExit().thenAccept(p -> {
            int code = p.exitValue();
            ExecutorState state = killed ? ExecutorState.KILLED : code == 0 ? ExecutorState.EXITED : ExecutorState.FAILED;
            report.accept(new ExecutorStateChanged(launch.appId(), launch.executorId(), state, code,
                    state == ExecutorState.FAILED ? outputTails() : null));
        });
    }

    /** The environment telling the executor where this worker's UI serves its logs; empty without a UI. */
    Map<String, String> logUrlEnv() {
        if (workerUiUrl.isEmpty()) {
            return Map.of();
        }
        ClusterView.ExecutorView view = view("");
        return Map.of(ExecutorMain.LOG_URL_PREFIX + "STDOUT", view.logPage(workerUiUrl, "stdout"),
                ExecutorMain.LOG_URL_PREFIX + "STDERR", view.logPage(workerUiUrl, "stderr"));
    }

    /** Stops the JVM: SIGTERM, then SIGKILL after {@code graceMs}. */
    void kill(long graceMs) {
        killed = true;
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(graceMs, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(graceMs, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String executorId() {
        return launch.executorId();
    }

    /** This executor as the worker's web UI shows it. */
    ClusterView.ExecutorView view(String workerId) {
        return new ClusterView.ExecutorView(launch.appId(), launch.executorId(), workerId, launch.cores(),
                launch.memoryMb(), state.name(), nonNull(launch.appName()), nonNull(launch.user()));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** The last lines of the executor's stderr and (where the JVM itself reports start-up errors) stdout. */
    private String outputTails() {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("stderr", "stdout")) {
            File f = new File(dir, name);
            try {
                List<String> lines = Files.readAllLines(f.toPath(), StandardCharsets.UTF_8);
                if (!lines.isEmpty()) {
                    out.append(out.length() == 0 ? "" : "\n").append(name).append(" (").append(f).append(") ends with:\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())));
                }
            } catch (IOException e) {
                out.append(out.length() == 0 ? "" : "\n").append("(no ").append(name).append(": ").append(e.getMessage())
                        .append(")");
            }
        }
        return out.length() == 0 ? "it printed nothing (see " + dir + ")" : out.toString();
    }
}
