package io.ember.ui.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ember.scheduler.TaskEndReason;
import java.util.ArrayList;
import java.util.List;

/** {@link TaskEndReason} values in the event log ({@code "Reason"} names the variant). Stateless. */
final class TaskEndJson {
    private TaskEndJson() {}

    static ObjectNode write(TaskEndReason r) {
        ObjectNode n = EventJson.MAPPER.createObjectNode();
        if (r instanceof TaskEndReason.Success s) {
            n.put("Reason", "Success");
        } else if (r instanceof TaskEndReason.ExceptionFailure f) {
            n.put("Reason", "ExceptionFailure")
                .put("error", String.valueOf(f.error()));
        } else if (r instanceof TaskEndReason.FetchFailed f) {
            n.put("Reason", "FetchFailed").put("shuffleId", f.shuffleId()).put("mapId", f.mapId())
                    .put("reduceId", f.reduceId()).put("message", f.message());
            f.lostMaps().forEach(n.putArray("lostMaps")::add);
        } else if (r instanceof TaskEndReason.TaskKilled k) {
            n.put("Reason", "TaskKilled").put("reason", k.reason());
        } else if (r instanceof TaskEndReason.ExecutorLost l) {
            n.put("Reason", "ExecutorLost").put("executorId", l.executorId());
        }
        return n;
    }

    static TaskEndReason read(JsonNode n) {
        return switch (n.path("Reason").asText()) {
            case "Success" -> new TaskEndReason.Success();
            case "FetchFailed" -> {
                List<Integer> lost = new ArrayList<>();
                n.path("lostMaps").forEach(v -> lost.add(v.asInt()));
                yield new TaskEndReason.FetchFailed(n.path("shuffleId").asInt(), n.path("mapId").asInt(), lost,
                        n.path("reduceId").asInt(), EventJson.text(n, "message"));
            }
            case "TaskKilled" -> new TaskEndReason.TaskKilled(EventJson.text(n, "reason"));
            case "ExecutorLost" -> new TaskEndReason.ExecutorLost(EventJson.text(n, "executorId"));
            default -> new TaskEndReason.ExceptionFailure(new ReplayedError(String.valueOf(EventJson.text(n, "error"))));
        };
    }
}
