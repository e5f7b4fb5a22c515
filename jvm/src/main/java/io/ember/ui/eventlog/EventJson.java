package io.ember.ui.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ember.core.TaskMetric;
import io.ember.core.TaskMetricValues;
import io.ember.scheduler.ListenerEvent;
import io.ember.scheduler.StageInfo;
import io.ember.scheduler.TaskEndReason;
import io.ember.scheduler.TaskProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event log's line format: one JSON object per listener event, its kind in {@code "Event"}.
 * Errors are kept as their text ({@link ReplayedError} on reading). Unknown kinds read as null
 * (skipped), so newer logs still open. Stateless; thread-safe.
 */
public final class EventJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {}

    /** The event as one JSON line (no newline). */
    public static String write(ListenerEvent event) {
        ObjectNode n = MAPPER.createObjectNode();
        if (event instanceof ListenerEvent.ApplicationStart a) {
            n.put("Event", "ApplicationStart").put("appId", a.appId()).put("appName", a.appName())
                    .put("time", a.time()).put("user", a.user()).put("version", a.version());
        } else if (event instanceof ListenerEvent.ApplicationEnd a) {
            n.put("Event", "ApplicationEnd").put("time", a.time());
        } else if (event instanceof ListenerEvent.EnvironmentUpdate e) {
            n.put("Event", "EnvironmentUpdate");
            ObjectNode sections = n.putObject("sections");
            e.sections().forEach((k, v) -> {
                ObjectNode s = sections.putObject(k);
                v.forEach(s::put);
            });
        } else if (event instanceof ListenerEvent.ExecutorAdded e) {
            n.put("Event", "ExecutorAdded").put("executorId", e.executorId())
                .put("host", e.host()).put("cores", e.cores()).put("time", e.time());
            ObjectNode logs = n.putObject("logUrls");
            e.logUrls().forEach(logs::put);
        } else if (event instanceof ListenerEvent.ExecutorRemoved e) {
            n.put("Event", "ExecutorRemoved")
                .put("executorId", e.executorId()).put("time", e.time()).put("reason", e.reason());
        } else if (event instanceof ListenerEvent.JobStart j) {
            n.put("Event", "JobStart").put("jobId", j.jobId()).put("time", j.time()).put("jobGroup", j.jobGroup())
                    .put("description", j.description());
            ints(n.putArray("stageIds"), j.stageIds());
            ArrayNode stages = n.putArray("stages");
            j.stages().forEach(s -> stages.add(stage(s)));
            ObjectNode props = n.putObject("properties");
            j.properties().forEach(props::put);
        } else if (event instanceof ListenerEvent.JobEnd j) {
            n.put("Event", "JobEnd").put("jobId", j.jobId()).put("time", j.time())
                .put("succeeded", j.succeeded()).put("error", j.error() == null ? null : j.error().toString());
        } else if (event instanceof ListenerEvent.StageSubmitted s) {
            n.put("Event", "StageSubmitted").put("time", s.time());
            n.set("stage", stage(s.stage()));
        } else if (event instanceof ListenerEvent.StageCompleted s) {
            n.put("Event", "StageCompleted").put("time", s.time()).put("failureReason", s.failureReason());
            n.set("stage", stage(s.stage()));
        } else if (event instanceof ListenerEvent.TaskStart t) {
            n.put("Event", "TaskStart").put("stageId", t.stageId())
                .put("stageAttempt", t.stageAttempt()).put("partition", t.partition()).put("taskId", t.taskId())
                .put("attempt", t.attempt()).put("executorId", t.executorId()).put("launchTime", t.launchTime())
                .put("host", t.host()).put("locality", t.locality());
        } else if (event instanceof ListenerEvent.TaskEnd t) {
            n.put("Event", "TaskEnd").put("stageId", t.stageId()).put("stageAttempt", t.stageAttempt())
                    .put("partition", t.partition()).put("taskId", t.taskId()).put("attempt", t.attempt())
                    .put("duration", t.durationMs()).put("executorId", t.executorId())
                    .put("launchTime", t.launchTime());
            n.set("reason", TaskEndJson.write(t.reason()));
            ObjectNode m = n.putObject("metrics");
            for (TaskMetric metric : TaskMetric.values()) {
                long v = t.metrics().get(metric);
                if (v != 0) {
                    m.put(metric.jsonName(), v);
                }
            }
        } else if (event instanceof ListenerEvent.BlockUpdated b) {
            n.put("Event", "BlockUpdated").put("executorId", b.executorId()).put("rddId", b.rddId())
                    .put("partition", b.partition()).put("storageLevel", b.storageLevel())
                    .put("memorySize", b.memorySize()).put("diskSize", b.diskSize());
        } else if (event instanceof ListenerEvent.ExecutorMetricsUpdate e) {
            n.put("Event", "ExecutorMetricsUpdate")
                .put("executorId", e.executorId()).put("heapUsedBytes", e.heapUsedBytes())
                .put("maxStorageMemory", e.maxStorageMemory()).put("pythonWorkers", e.pythonWorkers());
        } else if (event instanceof ListenerEvent.Extension x) {
            ObjectNode sql = SqlEventJson.write(x);
            if (sql != null) {
                return sql.toString();
            }
        }
        return n.toString();
    }

    /** The event of one line, or null for a kind this version does not know. */
    public static ListenerEvent read(String line) throws java.io.IOException {
        JsonNode n = MAPPER.readTree(line);
        return switch (n.path("Event").asText()) {
            case "ApplicationStart" -> new ListenerEvent.ApplicationStart(text(n, "appId"), text(n, "appName"),
                    n.path("time").asLong(), text(n, "user"), text(n, "version"));
            case "ApplicationEnd" -> new ListenerEvent.ApplicationEnd(n.path("time").asLong());
            case "EnvironmentUpdate" -> {
                Map<String, Map<String, String>> sections = new LinkedHashMap<>();
                n.path("sections").fields().forEachRemaining(s -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    s.getValue().fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().asText()));
                    sections.put(s.getKey(), values);
                });
                yield new ListenerEvent.EnvironmentUpdate(sections);
            }
            case "ExecutorAdded" -> {
                Map<String, String> logs = new LinkedHashMap<>(); // absent in logs written before executors had them
                n.path("logUrls").fields().forEachRemaining(l -> logs.put(l.getKey(), l.getValue().asText()));
                yield new ListenerEvent.ExecutorAdded(text(n, "executorId"), text(n, "host"), n.path("cores").asInt(),
                        n.path("time").asLong(), logs);
            }
            case "ExecutorRemoved" -> new ListenerEvent.ExecutorRemoved(text(n, "executorId"),
                    n.path("time").asLong(), text(n, "reason"));
            case "JobStart" -> {
                List<StageInfo> stages = new ArrayList<>();
                n.path("stages").forEach(s -> stages.add(stage(s)));
                Map<String, String> props = new LinkedHashMap<>();
                n.path("properties").fields().forEachRemaining(p -> props.put(p.getKey(), p.getValue().asText()));
                yield new ListenerEvent.JobStart(n.path("jobId").asInt(), n.path("time").asLong(),
                        ints(n.path("stageIds")), text(n, "jobGroup"), text(n, "description"), stages, props);
            }
            case "JobEnd" -> new ListenerEvent.JobEnd(n.path("jobId").asInt(), n.path("time").asLong(),
                    n.path("succeeded").asBoolean(), n.hasNonNull("error") ? new ReplayedError(text(n, "error")) : null);
            case "StageSubmitted" -> new ListenerEvent.StageSubmitted(stage(n.path("stage")), n.path("time").asLong());
            case "StageCompleted" -> new ListenerEvent.StageCompleted(stage(n.path("stage")), n.path("time").asLong(),
                    text(n, "failureReason"));
            case "TaskStart" -> new ListenerEvent.TaskStart(n.path("stageId").asInt(), n.path("stageAttempt").asInt(),
                    n.path("partition").asInt(), n.path("taskId").asLong(), n.path("attempt").asInt(),
                    text(n, "executorId"), n.path("launchTime").asLong(), text(n, "host"), text(n, "locality"));
            case "TaskEnd" -> {
                long[] values = new long[TaskMetric.values().length];
                n.path("metrics").fields().forEachRemaining(f -> {
                    TaskMetric m = TaskMetric.byJsonName(f.getKey());
                    if (m != null) {
                        values[m.ordinal()] = f.getValue().asLong();
                    }
                });
                yield new ListenerEvent.TaskEnd(n.path("stageId").asInt(), n.path("stageAttempt").asInt(),
                        n.path("partition").asInt(), n.path("taskId").asLong(), n.path("attempt").asInt(),
                        TaskEndJson.read(n.path("reason")), n.path("duration").asLong(), text(n, "executorId"),
                        n.path("launchTime").asLong(), new TaskMetricValues(values));
            }
            case "BlockUpdated" -> new ListenerEvent.BlockUpdated(text(n, "executorId"), n.path("rddId").asInt(),
                    n.path("partition").asInt(), text(n, "storageLevel"), n.path("memorySize").asLong(),
                    n.path("diskSize").asLong());
            case "ExecutorMetricsUpdate" -> new ListenerEvent.ExecutorMetricsUpdate(text(n, "executorId"),
                    List.<TaskProgress>of(), n.path("heapUsedBytes").asLong(), n.path("maxStorageMemory").asLong(),
                    n.path("pythonWorkers").asInt());
            default -> SqlEventJson.read(n);
        };
    }

    private static ObjectNode stage(StageInfo s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("stageId", s.stageId()).put("attempt", s.attempt()).put("name", s.name()).put("numTasks", s.numTasks())
                .put("jobId", s.jobId());
        ints(n.putArray("parentIds"), s.parentIds());
        ArrayNode rdds = n.putArray("rdds");
        for (StageInfo.RddInfo r : s.rdds()) {
            ObjectNode o = rdds.addObject();
            o.put("id", r.id()).put("name", r.name()).put("origin", r.origin()).put("numPartitions", r.numPartitions())
                    .put("storageLevel", r.storageLevel());
            ints(o.putArray("parentIds"), r.parentIds());
        }
        return n;
    }

    private static StageInfo stage(JsonNode n) {
        List<StageInfo.RddInfo> rdds = new ArrayList<>();
        n.path("rdds").forEach(r -> rdds.add(new StageInfo.RddInfo(r.path("id").asInt(), text(r, "name"),
                text(r, "origin"), r.path("numPartitions").asInt(), ints(r.path("parentIds")), text(r, "storageLevel"))));
        return new StageInfo(n.path("stageId").asInt(), n.path("attempt").asInt(), text(n, "name"),
                n.path("numTasks").asInt(), n.path("jobId").asInt(), ints(n.path("parentIds")), rdds);
    }

    private static void ints(ArrayNode a, List<Integer> values) {
        values.forEach(a::add);
    }

    private static List<Integer> ints(JsonNode a) {
        List<Integer> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asInt()));
        return out;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
