package io.ember.ui.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ember.core.TaskMetric;
import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.StageData;
import io.ember.ui.store.TaskData;
import io.ember.ui.store.TaskSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The {@code applications/{id}/stages/...} routes of {@link RestApi}. Stateless. */
final class StageRoutes {
    private StageRoutes() {}

    static Response answer(AppStatusStore store, String[] p, Map<String, String> query) {
        if (p.length == 3) {
            String status = query.get("status");
            ArrayNode out = ApiJson.MAPPER.createArrayNode();
            for (StageData s : store.stages()) {
                if (status == null || s.status().equalsIgnoreCase(status)) {
                    out.add(ApiJson.stage(s));
                }
            }
            return RestApi.ok(out);
        }
        int stageId = RestApi.parseId(p[3], "stage");
        if (p.length == 4) {
            List<StageData> attempts = store.stageAttempts(stageId);
            if (attempts.isEmpty()) {
                throw new RestApi.NotFound("unknown stage: " + p[3]);
            }
            ArrayNode out = ApiJson.MAPPER.createArrayNode();
            attempts.forEach(s -> out.add(ApiJson.stage(s)));
            return RestApi.ok(out);
        }
        int attempt = RestApi.parseId(p[4], "stage attempt");
        String unknown = "unknown attempt for stage " + stageId + ".  Found attempts: " + attemptIds(store, stageId);
        if (p.length == 5) {
            return RestApi.ok(ApiJson.stage(store.stage(stageId, attempt).orElseThrow(() -> new RestApi.NotFound(unknown))));
        }
        List<TaskData> tasks = store.tasks(stageId, attempt).orElseThrow(() -> new RestApi.NotFound(unknown));
        if (p.length == 6 && p[5].equals("taskList")) {
            return RestApi.ok(taskList(tasks, query));
        }
        if (p.length == 6 && p[5].equals("taskSummary")) {
            return RestApi.ok(summary(tasks, quantiles(query.get("quantiles"))));
        }
        throw new RestApi.NotFound("unknown path: " + String.join("/", p));
    }

    private static List<Integer> attemptIds(AppStatusStore store, int stageId) {
        List<Integer> ids = new ArrayList<>();
        store.stageAttempts(stageId).forEach(s -> ids.add(s.attemptId()));
        ids.sort(null);
        return ids;
    }

    /** Spark's taskList: sorted by id (or {@code sortBy=runtime}/{@code -runtime}), {@code offset}, {@code length} (20). */
    private static ArrayNode taskList(List<TaskData> tasks, Map<String, String> query) {
        int offset = intParam(query, "offset", 0);
        int length = intParam(query, "length", 20);
        String sortBy = query.getOrDefault("sortBy", "ID");
        Comparator<TaskData> order = switch (sortBy) {
            case "ID" -> Comparator.comparingLong(TaskData::taskId);
            case "runtime" -> Comparator.comparingLong(TaskData::duration);
            case "-runtime" -> Comparator.comparingLong(TaskData::duration).reversed();
            default -> throw new IllegalArgumentException("unknown sortBy: " + sortBy + " (ID, runtime, -runtime)");
        };
        List<TaskData> sorted = new ArrayList<>(tasks);
        sorted.sort(order);
        ArrayNode out = ApiJson.MAPPER.createArrayNode();
        for (int i = Math.max(0, offset); i < sorted.size() && i < (long) offset + length; i++) {
            out.add(ApiJson.task(sorted.get(i)));
        }
        return out;
    }

    private static int intParam(Map<String, String> query, String name, int dflt) {
        String v = query.get(name);
        try {
            return v == null ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got " + v);
        }
    }

    private static double[] quantiles(String text) {
        if (text == null) {
            return TaskSummary.DEFAULT_QUANTILES;
        }
        String[] parts = text.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("quantiles must be numbers, got " + text);
            }
            if (out[i] < 0 || out[i] > 1) {
                throw new IllegalArgumentException("quantiles must be between 0 and 1, got " + text);
            }
        }
        return out;
    }

    private static ObjectNode summary(List<TaskData> all, double[] q) {
        List<TaskData> tasks = TaskSummary.successful(all);
        ObjectNode n = ApiJson.MAPPER.createObjectNode();
        ArrayNode qs = n.putArray("quantiles");
        for (double v : q) {
            qs.add(v);
        }
        put(n, "duration", TaskSummary.quantiles(tasks, TaskData::duration, q));
        for (TaskMetric m : new TaskMetric[] {TaskMetric.EXECUTOR_DESERIALIZE_TIME,
                TaskMetric.EXECUTOR_DESERIALIZE_CPU_TIME, TaskMetric.EXECUTOR_RUN_TIME, TaskMetric.EXECUTOR_CPU_TIME,
                TaskMetric.RESULT_SIZE, TaskMetric.JVM_GC_TIME, TaskMetric.RESULT_SERIALIZATION_TIME}) {
            put(n, m.jsonName(), TaskSummary.quantiles(tasks, m, q));
        }
        put(n, "gettingResultTime", new double[q.length]);
        put(n, "schedulerDelay", TaskSummary.quantiles(tasks, t -> TaskSummary.schedulerDelay(t), q));
        put(n, "peakExecutionMemory", TaskSummary.quantiles(tasks, TaskMetric.PEAK_EXECUTION_MEMORY, q));
        put(n, "memoryBytesSpilled", TaskSummary.quantiles(tasks, TaskMetric.MEMORY_BYTES_SPILLED, q));
        put(n, "diskBytesSpilled", TaskSummary.quantiles(tasks, TaskMetric.DISK_BYTES_SPILLED, q));
        ObjectNode in = n.putObject("inputMetrics");
        put(in, "bytesRead", TaskSummary.quantiles(tasks, TaskMetric.INPUT_BYTES_READ, q));
        put(in, "recordsRead", TaskSummary.quantiles(tasks, TaskMetric.INPUT_RECORDS_READ, q));
        ObjectNode out = n.putObject("outputMetrics");
        put(out, "bytesWritten", TaskSummary.quantiles(tasks, TaskMetric.OUTPUT_BYTES_WRITTEN, q));
        put(out, "recordsWritten", TaskSummary.quantiles(tasks, TaskMetric.OUTPUT_RECORDS_WRITTEN, q));
        ObjectNode sr = n.putObject("shuffleReadMetrics");
        put(sr, "readBytes", TaskSummary.quantiles(tasks, t -> t.metrics().get(TaskMetric.SHUFFLE_LOCAL_BYTES_READ)
                + t.metrics().get(TaskMetric.SHUFFLE_REMOTE_BYTES_READ), q));
        put(sr, "readRecords", TaskSummary.quantiles(tasks, TaskMetric.SHUFFLE_RECORDS_READ, q));
        put(sr, "remoteBlocksFetched", TaskSummary.quantiles(tasks, TaskMetric.SHUFFLE_REMOTE_BLOCKS_FETCHED, q));
        put(sr, "localBlocksFetched", TaskSummary.quantiles(tasks, TaskMetric.SHUFFLE_LOCAL_BLOCKS_FETCHED, q));
        put(sr, "fetchWaitTime", TaskSummary.quantiles(tasks, TaskMetric.SHUFFLE_FETCH_WAIT_TIME, q));
        put(sr, "remoteBytesRead", TaskSummary.quantiles(tasks, TaskMetric.SHUFFLE_REMOTE_BYTES_READ, q));
        put(sr, "remoteBytesReadToDisk", new double[q.length]);
        put(sr, "totalBlocksFetched", TaskSummary.quantiles(tasks, t -> t.metrics().get(
                TaskMetric.SHUFFLE_LOCAL_BLOCKS_FETCHED) + t.metrics().get(TaskMetric.SHUFFLE_REMOTE_BLOCKS_FETCHED), q));
        put(sr, "remoteReqsDuration", new double[q.length]);
        ObjectNode sw = n.putObject("shuffleWriteMetrics");
        put(sw, "writeBytes", TaskSummary.quantiles(tasks, TaskMetric.SHUFFLE_BYTES_WRITTEN, q));
        put(sw, "writeRecords", TaskSummary.quantiles(tasks, TaskMetric.SHUFFLE_RECORDS_WRITTEN, q));
        put(sw, "writeTime", TaskSummary.quantiles(tasks, TaskMetric.SHUFFLE_WRITE_TIME, q));
        return n;
    }

    private static void put(ObjectNode n, String field, double[] values) {
        ArrayNode a = n.putArray(field);
        for (double v : values) {
            a.add(v);
        }
    }
}
