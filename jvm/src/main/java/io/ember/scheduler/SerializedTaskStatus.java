package io.ember.scheduler;

import io.ember.core.EmberException;
import io.ember.core.TaskMetric;
import io.ember.core.TaskMetricValues;
import io.ember.core.UnserializableException;
import io.ember.serializer.ClosureSerializer;
import io.ember.serializer.KryoSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * A task's {@link TaskOutcome} as Java-serialized bytes, the form in which a remote executor
 * reports it. A result value travels as its own Java-serialized bytes, or as Kryo bytes when
 * Java serialization cannot write it (engine results such as {@code Optional}, user types that
 * are not Serializable). Encoding never
 * fails: an exception that cannot be serialized is replaced by an {@link UnserializableException},
 * and a result that neither serializer can write fails the task with a message naming its type.
 * Decoding happens on the driver with the application's class loader, and a failure to decode
 * fails the task too.
 */
public record SerializedTaskStatus(byte[] data) implements Serializable {
    private static final KryoSerializer KRYO = new KryoSerializer();

    /** A result value carried as Kryo bytes. */
    private record KryoValue(byte[] bytes) implements Serializable {}

    /** A result value carried as Java-serialized bytes, so its serialization is timed on its own. */
    private record JavaValue(byte[] bytes) implements Serializable {}

    /**
     * Encodes what {@code Executor} reported for a task. A result's value is serialized first
     * and on its own (Java, else Kryo), timed as the task's {@code resultSerializationTime}.
     */
    public static SerializedTaskStatus encode(TaskOutcome outcome) {
        TaskOutcome toSend = outcome;
        if (outcome instanceof TaskResult r) {
            long started = System.nanoTime();
            Serializable value = valueBytes(r.value());
            if (value == null) {
                String type = r.value() == null ? "null" : r.value().getClass().getName();
                return failed(outcome, new TaskEndReason.ExceptionFailure(new EmberException(
                        "The result of the task (" + type + ") cannot be sent to the driver: neither Java "
                                + "serialization nor Kryo can write it")));
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            toSend = new TaskResult(value, r.accumUpdates(),
                    r.metrics().with(TaskMetric.RESULT_SERIALIZATION_TIME, ms));
        }
        try {
            return new SerializedTaskStatus(ClosureSerializer.serialize(toSend, "the task status"));
        } catch (EmberException e) {
            TaskEndReason replacement;
            if (outcome instanceof TaskOutcome.Failed f && f.reason() instanceof TaskEndReason.ExceptionFailure ef) {
                replacement = new TaskEndReason.ExceptionFailure(new UnserializableException(ef.error()));
            } else {
                replacement = new TaskEndReason.ExceptionFailure(new UnserializableException(e));
            }
            return failed(outcome, replacement);
        }
    }

    private static SerializedTaskStatus failed(TaskOutcome outcome, TaskEndReason reason) {
        return new SerializedTaskStatus(ClosureSerializer.serialize(new TaskOutcome.Failed(reason, outcome.metrics()),
                "a task failure"));
    }

    /** The value as Java bytes, else Kryo bytes, else null. */
    private static Serializable valueBytes(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
            out.flush();
            return new JavaValue(bytes.toByteArray());
        } catch (IOException | RuntimeException javaFailed) {
            try {
                return new KryoValue(KRYO.toBytes(value));
            } catch (RuntimeException kryoFailed) {
                return null;
            }
        }
    }

    /** The outcome; a status that cannot be decoded becomes a failure. */
    public TaskOutcome decode(ClassLoader loader) {
        try {
            Object decoded = ClosureSerializer.deserialize(data, loader);
            if (decoded instanceof TaskResult r) {
                // resultSize is the whole status as it arrived, as Spark counts it on the driver
                TaskMetricValues m = r.metrics().with(TaskMetric.RESULT_SIZE, data.length);
                Object value = r.value();
                if (value instanceof KryoValue k) {
                    value = KRYO.fromBytes(k.bytes());
                } else if (value instanceof JavaValue j) {
                    value = ClosureSerializer.deserialize(j.bytes(), loader);
                }
                return new TaskResult(value, r.accumUpdates(), m);
            }
            return (TaskOutcome) decoded;
        } catch (RuntimeException e) {
            return new TaskOutcome.Failed(new TaskEndReason.ExceptionFailure(new EmberException(
                    "Cannot read the status the executor sent for a task: " + e.getMessage(), e)));
        }
    }
}
