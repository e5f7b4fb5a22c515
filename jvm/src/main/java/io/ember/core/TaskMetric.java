package io.ember.core;

/**
 * The counters a task attempt reports when it ends, named as Spark's monitoring API names
 * them (times in milliseconds unless the name says nanoseconds, sizes in bytes). The ordinal is
 * the index into {@link TaskMetricValues}; append new counters at the end so old event logs
 * still read.
 */
public enum TaskMetric {
    EXECUTOR_DESERIALIZE_TIME("executorDeserializeTime"),
    EXECUTOR_DESERIALIZE_CPU_TIME("executorDeserializeCpuTime"),
    EXECUTOR_RUN_TIME("executorRunTime"),
    EXECUTOR_CPU_TIME("executorCpuTime"),
    RESULT_SIZE("resultSize"),
    JVM_GC_TIME("jvmGcTime"),
    RESULT_SERIALIZATION_TIME("resultSerializationTime"),
    MEMORY_BYTES_SPILLED("memoryBytesSpilled"),
    DISK_BYTES_SPILLED("diskBytesSpilled"),
    PEAK_EXECUTION_MEMORY("peakExecutionMemory"),
    INPUT_BYTES_READ("inputBytesRead"),
    INPUT_RECORDS_READ("inputRecordsRead"),
    OUTPUT_BYTES_WRITTEN("outputBytesWritten"),
    OUTPUT_RECORDS_WRITTEN("outputRecordsWritten"),
    SHUFFLE_REMOTE_BLOCKS_FETCHED("shuffleRemoteBlocksFetched"),
    SHUFFLE_LOCAL_BLOCKS_FETCHED("shuffleLocalBlocksFetched"),
    SHUFFLE_FETCH_WAIT_TIME("shuffleFetchWaitTime"),
    SHUFFLE_REMOTE_BYTES_READ("shuffleRemoteBytesRead"),
    SHUFFLE_LOCAL_BYTES_READ("shuffleLocalBytesRead"),
    SHUFFLE_RECORDS_READ("shuffleRecordsRead"),
    SHUFFLE_BYTES_WRITTEN("shuffleBytesWritten"),
    /** Nanoseconds, as Spark. */
    SHUFFLE_WRITE_TIME("shuffleWriteTime"),
    SHUFFLE_RECORDS_WRITTEN("shuffleRecordsWritten"),
    /** Time the task spent waiting on its Python worker (Ember's own). */
    PYTHON_WORKER_TIME("pythonWorkerTime");

    private final String jsonName;

    TaskMetric(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The counter's name in event logs and the REST API. */
    public String jsonName() {
        return jsonName;
    }

    /** The counter named {@code jsonName}, or null for a name this version does not know. */
    public static TaskMetric byJsonName(String jsonName) {
        for (TaskMetric m : values()) {
            if (m.jsonName.equals(jsonName)) {
                return m;
            }
        }
        return null;
    }
}
