package io.ember.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.EmberConf;
import io.ember.core.TaskMetric;
import io.ember.core.TaskMetricValues;
import io.ember.core.Tuple2;
import io.ember.rdd.PairRDDFunctions;
import io.ember.rdd.ParallelCollectionRDD;
import io.ember.rdd.RDD;
import io.ember.scheduler.ListenerEvent;
import io.ember.scheduler.TaskEndReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task counters that used to stay zero (input, output, result size, peak execution memory,
 * deserialization CPU time) are measured for known jobs on a real local context, and the
 * numbers match what the job did.
 */
class TaskMetricsReportedTest {
    private EmberContext ec;
    private final List<ListenerEvent.TaskEnd> ends = new CopyOnWriteArrayList<>();

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("metrics")
                .set("ember.ui.showConsoleProgress", "false").set("ember.ui.enabled", "false"));
        ec.addListener(e -> {
            if (e instanceof ListenerEvent.TaskEnd t && t.reason() instanceof TaskEndReason.Success) {
                ends.add(t);
            }
        });
    }

    @AfterEach
    void stop() {
        ec.stop();
    }

    private List<TaskMetricValues> metricsOfStage(int stageId) throws InterruptedException {
        ec.listenerBus().waitUntilEmpty(10_000);
        List<TaskMetricValues> out = new ArrayList<>();
        for (ListenerEvent.TaskEnd t : ends) {
            if (t.stageId() == stageId) {
                out.add(t.metrics());
            }
        }
        return out;
    }

    private int lastStage() throws InterruptedException {
        ec.listenerBus().waitUntilEmpty(10_000);
        return ends.stream().mapToInt(ListenerEvent.TaskEnd::stageId).max().orElseThrow();
    }

    private static long sum(List<TaskMetricValues> ms, TaskMetric m) {
        return ms.stream().mapToLong(v -> v.get(m)).sum();
    }

    @Test
    void textFileInputCountsEveryByteAndLine() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("line number ").append(i).append('\n');
        }
        Path file = tmp.resolve("in.txt");
        Files.writeString(file, text);
        assertEquals(5000L, ec.textFile(file.toString(), 2).count());
        List<TaskMetricValues> ms = metricsOfStage(lastStage());
        assertEquals(Files.size(file), sum(ms, TaskMetric.INPUT_BYTES_READ));
        assertEquals(5000L, sum(ms, TaskMetric.INPUT_RECORDS_READ));
    }

    @Test
    void saveAsTextFileCountsOutputBytesAndRecords() throws Exception {
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            data.add(i);
        }
        Path out = tmp.resolve("out");
        ec.parallelize(data, 3).saveAsTextFile(out.toString());
        long written;
        try (Stream<Path> files = Files.list(out)) {
            written = files.filter(p -> p.getFileName().toString().startsWith("part-")).mapToLong(p -> p.toFile().length())
                    .sum();
        }
        List<TaskMetricValues> ms = metricsOfStage(lastStage());
        assertEquals(3, ms.size());
        assertEquals(written, sum(ms, TaskMetric.OUTPUT_BYTES_WRITTEN));
        assertEquals(1000L, sum(ms, TaskMetric.OUTPUT_RECORDS_WRITTEN));
    }

    @Test
    void collectReportsResultSizeGrowingWithTheResult() throws Exception {
        List<String> data = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            data.add("x".repeat(100));
        }
        ec.parallelize(data, 2).collect();
        List<TaskMetricValues> big = metricsOfStage(lastStage());
        ec.parallelize(List.of("a", "b"), 2).collect();
        List<TaskMetricValues> small = metricsOfStage(lastStage());
        for (TaskMetricValues m : big) {
            // 1000 strings of 100 chars each: Java serialization writes at least the characters
            assertTrue(m.get(TaskMetric.RESULT_SIZE) > 100_000, m.toString());
            assertTrue(m.get(TaskMetric.EXECUTOR_DESERIALIZE_CPU_TIME) > 0, m.toString());
        }
        for (TaskMetricValues m : small) {
            assertTrue(m.get(TaskMetric.RESULT_SIZE) > 0 && m.get(TaskMetric.RESULT_SIZE) < 2_000, m.toString());
        }
    }

    @Test
    void aggregatingMapTasksReportPeakExecutionMemory() throws Exception {
        List<Tuple2<Integer, Integer>> pairs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            pairs.add(new Tuple2<>(i % 100, i));
        }
        RDD<Tuple2<Integer, Integer>> rdd = new ParallelCollectionRDD<>(ec, pairs, 2);
        assertEquals(100, new PairRDDFunctions<>(rdd).reduceByKey(Integer::sum, 2).collect().size());
        ec.listenerBus().waitUntilEmpty(10_000);
        assertEquals(4, ends.size());
        int maps = 0;
        for (ListenerEvent.TaskEnd t : ends) {
            // both sides aggregate in a spillable map, which asks the memory manager for memory
            TaskMetricValues m = t.metrics();
            assertTrue(m.get(TaskMetric.PEAK_EXECUTION_MEMORY) > 0, m.toString());
            assertTrue(m.get(TaskMetric.PEAK_EXECUTION_MEMORY) <= Runtime.getRuntime().maxMemory(), m.toString());
            maps += m.get(TaskMetric.SHUFFLE_BYTES_WRITTEN) > 0 ? 1 : 0;
        }
        assertEquals(2, maps);
    }
}
