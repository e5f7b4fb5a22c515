import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.rdd.TaskContext;
import io.ember.scheduler.EmberListener;
import io.ember.scheduler.ListenerEvent;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cluster-mode benchmarks: EngineBench's word count and sortByKey on local[2] and on
 * local-cluster[2,1,2048] (executors in their own JVMs), and the per-task launch overhead of
 * empty tasks. Each figure: one warm-up run, then the best and the median of RUNS timed runs.
 * Besides the figures it prints what explains them: per-stage times of the last timed run, and
 * the GC collectors, the CPU time, GC collections and GC time of the driver and of each executor
 * JVM (CPU seconds compare the masters even when other processes share the machine).
 * Usage (see cluster_bench.sh): ClusterBench TEXT_FILE PAIRS_FILE [RUNS [PARTS]], PARTS a comma list of
 * local, cluster (the two masters' jobs; the ratios need both) and tasks (local-cluster[1,2,1024]'s
 * empty tasks), all three by default.
 * This class's directory must be on the driver's -cp: local-cluster executors get the driver's
 * java.class.path, which is how they load the job lambdas.
 */
public class ClusterBench {
    static final String LOCAL = "local[2]";
    static final String CLUSTER = "local-cluster[2,1,2048]";
    static final String TASKS_CLUSTER = "local-cluster[1,2,1024]";
    static final int[] TASK_COUNTS = {2_000, 10_000};

    static int runs;

    public static void main(String[] args) throws Exception {
        String text = args[0];
        String pairs = args[1];
        runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> parts = Arrays.asList((args.length > 3 ? args[3] : "local,cluster,tasks").split(","));
        System.out.printf("Each figure: 1 warm-up run, then best and median of %d timed runs (ratios use the medians).%n",
                runs);
        System.out.println("driver JVM: " + jvmInfo());

        Map<String, Measured> local = parts.contains("local") ? jobs(LOCAL, text, pairs, false) : null;
        Map<String, Measured> cluster = parts.contains("cluster") ? jobs(CLUSTER, text, pairs, true) : null;
        if (local != null && cluster != null) {
            ratios(local, cluster);
        }
        if (parts.contains("tasks")) {
            System.out.println();
            try (EmberContext ec = start(TASKS_CLUSTER)) {
                printExecutors(ec);
                taskOverhead(ec, TASKS_CLUSTER);
            }
        }
    }

    /** A job's timed runs (ms) and the CPU time (ms) its JVMs (driver and executors) used in them. */
    record Measured(double[] times, double cpuMs) {}

    static void ratios(Map<String, Measured> local, Map<String, Measured> cluster) {
        System.out.println();
        System.out.println("== ratios, " + CLUSTER + " / " + LOCAL + " (target: cluster at most 1.3x slower)");
        for (String job : local.keySet()) {
            Measured l = local.get(job);
            Measured c = cluster.get(job);
            double ratio = median(c.times()) / median(l.times());
            System.out.printf("%-20s median %.2fx (%.3f s vs %.3f s), best %.2fx  %s;  CPU time of all JVMs %.2fx "
                            + "(%.1f s vs %.1f s per run)%n", job, ratio, median(c.times()) / 1000,
                    median(l.times()) / 1000, best(c.times()) / best(l.times()), ratio <= 1.3 ? "OK" : "OVER TARGET",
                    c.cpuMs() / l.cpuMs(), c.cpuMs() / runs / 1000, l.cpuMs() / runs / 1000);
        }
    }

    /** The word count and sort on one master, by job, then the task overhead there. */
    static Map<String, Measured> jobs(String master, String text, String pairs, boolean cluster) throws Exception {
        System.out.println();
        System.out.println("== " + master + "  (load average " + loadAverage() + ")");
        Map<String, Measured> out = new LinkedHashMap<>();
        try (EmberContext ec = start(master)) {
            StageTimes stages = new StageTimes();
            ec.addListener(stages);
            if (cluster) {
                printExecutors(ec);
            }
            out.put("word count 200 MB", measure(ec, stages, "word count 200 MB", () -> EngineBench.wordCount(ec, text),
                    "distinct words"));
            out.put("sortByKey 5M pairs", measure(ec, stages, "sortByKey 5M pairs", () -> EngineBench.sortByKey(ec, pairs),
                    "rows"));
            taskOverhead(ec, master);
        }
        return out;
    }

    static EmberContext start(String master) {
        long s = System.nanoTime();
        EmberContext ec = new EmberContext(new EmberConf().setMaster(master).setAppName("cluster-bench")
                .set("ember.ui.showConsoleProgress", "false"));
        System.out.printf("context start on %s: %.3f s%n", master, EngineBench.ms(s) / 1000);
        return ec;
    }

    interface Job {
        long run() throws Exception;
    }

    /** Warm-up, then timed runs; prints best and median, the last run's stages, and GC during the timed runs. */
    static Measured measure(EmberContext ec, StageTimes stages, String what, Job job, String unit) throws Exception {
        long result = job.run();
        Map<Long, long[]> gcBefore = gc(ec);
        long[] driverBefore = jvmTotals();
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            stages.reset();
            long s = System.nanoTime();
            result = job.run();
            times[i] = EngineBench.ms(s);
            stages.awaitQuiet();
        }
        String lastRun = stages.describe();
        Map<Long, long[]> gcAfter = gc(ec);
        long[] driverAfter = jvmTotals();
        System.out.printf("%s (%d %s): best %.3f s, median %.3f s  (runs: %s)%n", what, result, unit,
                best(times) / 1000, median(times) / 1000, seconds(times));
        System.out.print(lastRun);
        System.out.printf("  during the %d timed runs: driver CPU %.1f s, GC %d collections, %d ms%s%n", runs,
                (driverAfter[2] - driverBefore[2]) / 1000.0, driverAfter[0] - driverBefore[0],
                driverAfter[1] - driverBefore[1], gcDelta(gcBefore, gcAfter));
        double cpu = driverAfter[2] - driverBefore[2];
        if (!isLocal(gcAfter)) {
            for (Map.Entry<Long, long[]> e : gcAfter.entrySet()) {
                cpu += e.getValue()[2] - gcBefore.getOrDefault(e.getKey(), new long[3])[2];
            }
        }
        return new Measured(times, cpu);
    }

    /** Jobs of N empty tasks ({@code range(0, N, 1, N).foreach(nothing)}): ms per task = wall time / N. */
    static void taskOverhead(EmberContext ec, String master) {
        // Warm-up with the largest job: a young executor JVM spends seconds of CPU in the JIT compilers.
        int most = TASK_COUNTS[TASK_COUNTS.length - 1];
        ec.range(0, most, 1, most).foreach(x -> { });
        for (int n : TASK_COUNTS) {
            double[] times = new double[runs];
            Map<Long, long[]> before = gc(ec);
            long driverBefore = jvmTotals()[2];
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                ec.range(0, n, 1, n).foreach(x -> { });
                times[i] = EngineBench.ms(s);
            }
            double driverCpu = jvmTotals()[2] - driverBefore;
            Map<Long, long[]> after = gc(ec);
            double executorCpu = 0;
            if (!isLocal(after)) {
                for (Map.Entry<Long, long[]> e : after.entrySet()) {
                    executorCpu += e.getValue()[2] - before.getOrDefault(e.getKey(), new long[3])[2];
                }
            }
            System.out.printf("%s, %,d empty tasks: best %.3f ms/task, median %.3f ms/task  (wall %s; target <= 1 ms/task);"
                            + " CPU per task: driver %.3f ms, executors %.3f ms%n", master, n, best(times) / n,
                    median(times) / n, seconds(times), driverCpu / runs / n, executorCpu / runs / n);
        }
    }

    // ---- diagnostics ----

    /** GC collections, GC time and CPU time of each executor JVM by pid, from tasks spread over them. */
    static Map<Long, long[]> gc(EmberContext ec) {
        Map<Long, long[]> byPid = new TreeMap<>();
        for (String line : executorProbe(ec, () -> {
            long[] t = jvmTotals();
            return t[0] + " " + t[1] + " " + t[2];
        })) {
            String[] f = line.split(" ");
            byPid.putIfAbsent(Long.parseLong(f[0]),
                    new long[] {Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])});
        }
        return byPid;
    }

    static String gcDelta(Map<Long, long[]> before, Map<Long, long[]> after) {
        if (isLocal(after)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Long, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[3]);
            sb.append(String.format("; executor pid %d CPU %.1f s, GC %d collections, %d ms", e.getKey(),
                    (e.getValue()[2] - b[2]) / 1000.0, e.getValue()[0] - b[0], e.getValue()[1] - b[1]));
        }
        return sb.toString();
    }

    /** Local mode: the driver is the only executor JVM. */
    static boolean isLocal(Map<Long, long[]> byPid) {
        return byPid.size() == 1 && byPid.containsKey(ProcessHandle.current().pid());
    }

    static void printExecutors(EmberContext ec) {
        for (String line : executorProbe(ec, ClusterBench::jvmInfo)) {
            String[] f = line.split(" ", 3);
            System.out.println("executor " + f[1] + " (pid " + f[0] + "): " + f[2]);
        }
    }

    interface Probe extends java.io.Serializable {
        String get();
    }

    /** "pid executorId probe()" from each executor JVM reached by 8 small tasks, one line per JVM. */
    static List<String> executorProbe(EmberContext ec, Probe probe) {
        List<String> lines = ec.range(0, 8, 1, 8).mapPartitions(it -> List.of(ProcessHandle.current().pid() + " "
                + TaskContext.get().env().executorId() + " " + probe.get()).iterator()).collect();
        Map<String, String> byPid = new TreeMap<>();
        for (String l : lines) {
            byPid.putIfAbsent(l.substring(0, l.indexOf(' ')), l);
        }
        return new ArrayList<>(byPid.values());
    }

    /** This JVM's GC collections, GC ms and process CPU ms. */
    static long[] jvmTotals() {
        long count = 0;
        long time = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            time += Math.max(0, gc.getCollectionTime());
        }
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        return new long[] {count, time, cpu};
    }

    static String jvmInfo() {
        List<String> collectors = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collectors.add(gc.getName());
        }
        return "collectors " + collectors + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB, flags "
                + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }

    /** Stage wall times, task counts and task durations (launch to end, as the driver sees them) per stage. */
    static final class StageTimes implements EmberListener {
        private final Map<Integer, long[]> stages = new LinkedHashMap<>(); // start, end, tasks, task ms sum, task ms max
        private final Map<Integer, String> names = new LinkedHashMap<>();
        private final Map<Integer, Map<String, Integer>> executors = new LinkedHashMap<>();
        private int jobsStarted;
        private int jobsEnded;
        private long lastEvent;

        synchronized void reset() {
            stages.clear();
            names.clear();
            executors.clear();
            jobsStarted = 0;
            jobsEnded = 0;
        }

        @Override
        public synchronized void onEvent(ListenerEvent event) {
            lastEvent = System.nanoTime();
            if (event instanceof ListenerEvent.JobStart) {
                jobsStarted++;
            } else if (event instanceof ListenerEvent.JobEnd) {
                jobsEnded++;
            } else if (event instanceof ListenerEvent.StageSubmitted e) {
                stages.put(e.stage().stageId(), new long[] {e.time(), 0, 0, 0, 0});
                names.put(e.stage().stageId(), e.stage().name());
            } else if (event instanceof ListenerEvent.StageCompleted e) {
                long[] s = stages.get(e.stage().stageId());
                if (s != null) {
                    s[1] = e.time();
                }
            } else if (event instanceof ListenerEvent.TaskStart e) {
                executors.computeIfAbsent(e.stageId(), k -> new TreeMap<>()).merge(e.executorId(), 1, Integer::sum);
            } else if (event instanceof ListenerEvent.TaskEnd e) {
                long[] s = stages.get(e.stageId());
                if (s != null) {
                    s[2]++;
                    s[3] += e.durationMs();
                    s[4] = Math.max(s[4], e.durationMs());
                }
            }
        }

        /** Waits (up to 2 s) until every started job has ended and the bus has been quiet for 50 ms. */
        void awaitQuiet() throws InterruptedException {
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < deadline) {
                synchronized (this) {
                    if (jobsStarted > 0 && jobsStarted == jobsEnded && System.nanoTime() - lastEvent > 50_000_000L) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }

        synchronized String describe() {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<Integer, long[]> e : stages.entrySet()) {
                long[] s = e.getValue();
                sb.append(String.format("  last run, stage %d %-32s %.3f s wall, %d tasks, task time sum %.3f s, "
                                + "max %.3f s, tasks per executor %s%n", e.getKey(), "(" + names.get(e.getKey()) + ")",
                        (s[1] - s[0]) / 1000.0, s[2], s[3] / 1000.0, s[4] / 1000.0,
                        executors.getOrDefault(e.getKey(), Map.of())));
            }
            return sb.toString();
        }
    }

    // ---- statistics ----

    static double best(double[] times) {
        return Arrays.stream(times).min().orElse(Double.NaN);
    }

    static double median(double[] times) {
        double[] t = times.clone();
        Arrays.sort(t);
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
    }

    static String seconds(double[] times) {
        StringBuilder sb = new StringBuilder();
        for (double t : times) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format("%.3f s", t / 1000));
        }
        return sb.toString();
    }
}
