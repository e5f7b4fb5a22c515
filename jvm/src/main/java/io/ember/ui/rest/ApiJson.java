package io.ember.ui.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ember.core.TaskMetric;
import io.ember.core.TaskMetricValues;
import io.ember.ui.store.ApplicationInfo;
import io.ember.ui.store.ExecutorData;
import io.ember.ui.store.JobData;
import io.ember.ui.store.StageData;
import io.ember.ui.store.TaskData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes store snapshots as the JSON objects of Spark's monitoring API (same field names and order). Stateless. */
final class ApiJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'GMT'")
            .withZone(ZoneOffset.UTC);

    private ApiJson() {}

    /** Spark's date format ("2026-12-06T19:24:42.397GMT"). */
    static String date(long epochMs) {
        return DATE.format(Instant.ofEpochMilli(epochMs));
    }

    private static void putDate(ObjectNode n, String field, long epochMs) {
        if (epochMs >= 0) {
            n.put(field, date(epochMs));
        }
    }

    static ObjectNode application(ApplicationInfo a, long now) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", a.id());
        n.put("name", a.name());
        ObjectNode attempt = n.putArray("attempts").addObject();
        attempt.put("startTime", date(a.startTime()));
        attempt.put("endTime", date(a.endTime()));
        attempt.put("lastUpdated", date(a.lastUpdated()));
        attempt.put("duration", a.completed() ? a.endTime() - a.startTime() : Math.max(0, now - a.startTime()));
        attempt.put("sparkUser", a.user());
        attempt.put("completed", a.completed());
        attempt.put("appSparkVersion", a.version());
        attempt.put("startTimeEpoch", a.startTime());
        attempt.put("endTimeEpoch", a.endTime());
        attempt.put("lastUpdatedEpoch", a.lastUpdated());
        return n;
    }

    static ObjectNode job(JobData j) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("jobId", j.jobId());
        n.put("name", j.name());
        if (j.description() != null) {
            n.put("description", j.description());
        }
        putDate(n, "submissionTime", j.submissionTime());
        putDate(n, "completionTime", j.completionTime());
        ArrayNode ids = n.putArray("stageIds");
        j.stageIds().forEach(ids::add);
        if (j.jobGroup() != null) {
            n.put("jobGroup", j.jobGroup());
        }
        n.putArray("jobTags");
        n.put("status", j.status());
        n.put("numTasks", j.numTasks());
        n.put("numActiveTasks", j.numActiveTasks());
        n.put("numCompletedTasks", j.numCompletedTasks());
        n.put("numSkippedTasks", j.numSkippedTasks());
        n.put("numFailedTasks", j.numFailedTasks());
        n.put("numKilledTasks", j.numKilledTasks());
        n.put("numCompletedIndices", j.numCompletedIndices());
        n.put("numActiveStages", j.numActiveStages());
        n.put("numCompletedStages", j.numCompletedStages());
        n.put("numSkippedStages", j.numSkippedStages());
        n.put("numFailedStages", j.numFailedStages());
        n.putObject("killedTasksSummary");
        return n;
    }

    static ObjectNode stage(StageData s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("status", s.status());
        n.put("stageId", s.stageId());
        n.put("attemptId", s.attemptId());
        n.put("numTasks", s.numTasks());
        n.put("numActiveTasks", s.numActiveTasks());
        n.put("numCompleteTasks", s.numCompleteTasks());
        n.put("numFailedTasks", s.numFailedTasks());
        n.put("numKilledTasks", s.numKilledTasks());
        n.put("numCompletedIndices", s.numCompletedIndices());
        putDate(n, "submissionTime", s.submissionTime());
        putDate(n, "firstTaskLaunchedTime", s.firstTaskLaunchedTime());
        putDate(n, "completionTime", s.completionTime());
        if (s.failureReason() != null) {
            n.put("failureReason", s.failureReason());
        }
        TaskMetricValues m = s.metrics();
        for (TaskMetric metric : new TaskMetric[] {TaskMetric.EXECUTOR_DESERIALIZE_TIME,
                TaskMetric.EXECUTOR_DESERIALIZE_CPU_TIME, TaskMetric.EXECUTOR_RUN_TIME, TaskMetric.EXECUTOR_CPU_TIME,
                TaskMetric.RESULT_SIZE, TaskMetric.JVM_GC_TIME, TaskMetric.RESULT_SERIALIZATION_TIME,
                TaskMetric.MEMORY_BYTES_SPILLED, TaskMetric.DISK_BYTES_SPILLED, TaskMetric.PEAK_EXECUTION_MEMORY}) {
            n.put(metric.jsonName(), m.get(metric));
        }
        n.put("inputBytes", m.get(TaskMetric.INPUT_BYTES_READ));
        n.put("inputRecords", m.get(TaskMetric.INPUT_RECORDS_READ));
        n.put("outputBytes", m.get(TaskMetric.OUTPUT_BYTES_WRITTEN));
        n.put("outputRecords", m.get(TaskMetric.OUTPUT_RECORDS_WRITTEN));
        n.put("shuffleRemoteBlocksFetched", m.get(TaskMetric.SHUFFLE_REMOTE_BLOCKS_FETCHED));
        n.put("shuffleLocalBlocksFetched", m.get(TaskMetric.SHUFFLE_LOCAL_BLOCKS_FETCHED));
        n.put("shuffleFetchWaitTime", m.get(TaskMetric.SHUFFLE_FETCH_WAIT_TIME));
        n.put("shuffleRemoteBytesRead", m.get(TaskMetric.SHUFFLE_REMOTE_BYTES_READ));
        n.put("shuffleRemoteBytesReadToDisk", 0);
        n.put("shuffleLocalBytesRead", m.get(TaskMetric.SHUFFLE_LOCAL_BYTES_READ));
        n.put("shuffleReadBytes", m.get(TaskMetric.SHUFFLE_LOCAL_BYTES_READ) + m.get(TaskMetric.SHUFFLE_REMOTE_BYTES_READ));
        n.put("shuffleReadRecords", m.get(TaskMetric.SHUFFLE_RECORDS_READ));
        n.put("shuffleWriteBytes", m.get(TaskMetric.SHUFFLE_BYTES_WRITTEN));
        n.put("shuffleWriteTime", m.get(TaskMetric.SHUFFLE_WRITE_TIME));
        n.put("shuffleWriteRecords", m.get(TaskMetric.SHUFFLE_RECORDS_WRITTEN));
        n.put("name", s.name());
        if (s.description() != null) {
            n.put("description", s.description());
        }
        n.put("details", "");
        n.put("schedulingPool", "default");
        ArrayNode rdds = n.putArray("rddIds");
        s.rdds().forEach(r -> rdds.add(r.id()));
        n.putArray("accumulatorUpdates");
        n.put("resourceProfileId", 0);
        n.put("isShufflePushEnabled", false);
        n.put("shuffleMergersCount", 0);
        return n;
    }

    static ObjectNode task(TaskData t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("taskId", t.taskId());
        n.put("index", t.index());
        n.put("attempt", t.attempt());
        n.put("partitionId", t.partitionId());
        putDate(n, "launchTime", t.launchTime());
        if (t.duration() >= 0) {
            n.put("duration", t.duration());
        }
        n.put("executorId", t.executorId());
        n.put("host", t.host());
        n.put("status", t.status());
        n.put("taskLocality", t.taskLocality());
        n.put("speculative", false);
        n.putArray("accumulatorUpdates");
        if (t.errorMessage() != null) {
            n.put("errorMessage", t.errorMessage());
        }
        if (t.duration() >= 0) {
            n.set("taskMetrics", taskMetrics(t.metrics()));
        }
        n.putObject("executorLogs");
        n.put("schedulerDelay", io.ember.ui.store.TaskSummary.schedulerDelay(t));
        n.put("gettingResultTime", 0);
        return n;
    }

    static ObjectNode taskMetrics(TaskMetricValues m) {
        ObjectNode n = MAPPER.createObjectNode();
        for (TaskMetric metric : new TaskMetric[] {TaskMetric.EXECUTOR_DESERIALIZE_TIME,
                TaskMetric.EXECUTOR_DESERIALIZE_CPU_TIME, TaskMetric.EXECUTOR_RUN_TIME, TaskMetric.EXECUTOR_CPU_TIME,
                TaskMetric.RESULT_SIZE, TaskMetric.JVM_GC_TIME, TaskMetric.RESULT_SERIALIZATION_TIME,
                TaskMetric.MEMORY_BYTES_SPILLED, TaskMetric.DISK_BYTES_SPILLED, TaskMetric.PEAK_EXECUTION_MEMORY}) {
            n.put(metric.jsonName(), m.get(metric));
        }
        ObjectNode in = n.putObject("inputMetrics");
        in.put("bytesRead", m.get(TaskMetric.INPUT_BYTES_READ));
        in.put("recordsRead", m.get(TaskMetric.INPUT_RECORDS_READ));
        ObjectNode out = n.putObject("outputMetrics");
        out.put("bytesWritten", m.get(TaskMetric.OUTPUT_BYTES_WRITTEN));
        out.put("recordsWritten", m.get(TaskMetric.OUTPUT_RECORDS_WRITTEN));
        ObjectNode sr = n.putObject("shuffleReadMetrics");
        sr.put("remoteBlocksFetched", m.get(TaskMetric.SHUFFLE_REMOTE_BLOCKS_FETCHED));
        sr.put("localBlocksFetched", m.get(TaskMetric.SHUFFLE_LOCAL_BLOCKS_FETCHED));
        sr.put("fetchWaitTime", m.get(TaskMetric.SHUFFLE_FETCH_WAIT_TIME));
        sr.put("remoteBytesRead", m.get(TaskMetric.SHUFFLE_REMOTE_BYTES_READ));
        sr.put("remoteBytesReadToDisk", 0);
        sr.put("localBytesRead", m.get(TaskMetric.SHUFFLE_LOCAL_BYTES_READ));
        sr.put("recordsRead", m.get(TaskMetric.SHUFFLE_RECORDS_READ));
        sr.put("remoteReqsDuration", 0);
        ObjectNode sw = n.putObject("shuffleWriteMetrics");
        sw.put("bytesWritten", m.get(TaskMetric.SHUFFLE_BYTES_WRITTEN));
        sw.put("writeTime", m.get(TaskMetric.SHUFFLE_WRITE_TIME));
        sw.put("recordsWritten", m.get(TaskMetric.SHUFFLE_RECORDS_WRITTEN));
        return n;
    }

    static ObjectNode executor(ExecutorData e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", e.id());
        n.put("hostPort", e.host());
        n.put("isActive", e.isActive());
        n.put("rddBlocks", e.rddBlocks());
        n.put("memoryUsed", e.memoryUsed());
        n.put("diskUsed", e.diskUsed());
        n.put("totalCores", e.totalCores());
        n.put("maxTasks", e.totalCores());
        n.put("activeTasks", e.activeTasks());
        n.put("failedTasks", e.failedTasks());
        n.put("completedTasks", e.completedTasks());
        n.put("totalTasks", e.totalTasks());
        n.put("totalDuration", e.totalDuration());
        n.put("totalGCTime", e.totalGCTime());
        n.put("totalInputBytes", e.totalInputBytes());
        n.put("totalShuffleRead", e.totalShuffleRead());
        n.put("totalShuffleWrite", e.totalShuffleWrite());
        n.put("isBlacklisted", false);
        n.put("maxMemory", e.maxMemory());
        putDate(n, "addTime", e.addTime());
        putDate(n, "removeTime", e.removeTime());
        if (e.removeReason() != null) {
            n.put("removeReason", e.removeReason());
        }
        if (e.maxMemory() > 0) {
            n.putObject("memoryMetrics").put("usedOnHeapStorageMemory", e.memoryUsed())
                    .put("usedOffHeapStorageMemory", 0).put("totalOnHeapStorageMemory", e.maxMemory())
                    .put("totalOffHeapStorageMemory", 0);
        }
        ObjectNode logs = n.putObject("executorLogs");
        e.executorLogs().forEach(logs::put);
        n.putArray("blacklistedInStages");
        n.putObject("attributes");
        n.putObject("resources");
        n.put("resourceProfileId", 0);
        n.put("isExcluded", false);
        n.putArray("excludedInStages");
        n.put("pythonWorkers", e.pythonWorkers()); // Ember's: live Python worker processes of the executor
        return n;
    }
}
