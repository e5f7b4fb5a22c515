package io.ember.scheduler;

import io.ember.core.EmberException;
import io.ember.core.UnserializableException;
import io.ember.serializer.ClosureSerializer;
import io.ember.serializer.KryoSerializer;
import java.io.Serializable;

/**
 * A task's {@link TaskOutcome} as Java-serialized bytes, the form in which a remote executor
 * reports it. A result value that Java serialization cannot write (engine results such as
 * {@code Optional}, user types that are not Serializable) travels as Kryo bytes. Encoding never
 * fails: an exception that cannot be serialized is replaced by an {@link UnserializableException},
 * and a result that neither serializer can write fails the task with a message naming its type.
 * Decoding happens on the driver with the application's class loader, and a failure to decode
 * fails the task too.
 */
public record SerializedTaskStatus(byte[] data) implements Serializable {
    private static final KryoSerializer KRYO = new KryoSerializer();

    /** A result value carried as Kryo bytes. */
    private record KryoValue(byte[] bytes) implements Serializable {}

    /** Encodes what {@code Executor} reported for a task. */
    public static SerializedTaskStatus encode(TaskOutcome outcome) {
        try {
            return new SerializedTaskStatus(ClosureSerializer.serialize(outcome, "the task status"));
        } catch (EmberException e) {
            TaskEndReason replacement;
            if (outcome instanceof TaskOutcome.Failed f && f.reason() instanceof TaskEndReason.ExceptionFailure ef) {
                replacement = new TaskEndReason.ExceptionFailure(new UnserializableException(ef.error()));
            } else if (outcome instanceof TaskResult r) {
                try {
                    TaskResult viaKryo = new TaskResult(new KryoValue(KRYO.toBytes(r.value())), r.accumUpdates(),
                            r.metrics());
                    return new SerializedTaskStatus(ClosureSerializer.serialize(viaKryo, "the task result"));
                } catch (RuntimeException kryoFailed) {
                    // reported below with the Java serialization error, which names the field path
                }
                String type = r.value() == null ? "null" : r.value().getClass().getName();
                replacement = new TaskEndReason.ExceptionFailure(new EmberException(
                        "The result of the task (" + type + ") cannot be sent to the driver: " + e.getMessage()));
            } else {
                replacement = new TaskEndReason.ExceptionFailure(new UnserializableException(e));
            }
            return new SerializedTaskStatus(ClosureSerializer.serialize(new TaskOutcome.Failed(replacement,
                    outcome.metrics()),
                    "a task failure"));
        }
    }

    /** The outcome; a status that cannot be decoded becomes a failure. */
    public TaskOutcome decode(ClassLoader loader) {
        try {
            Object decoded = ClosureSerializer.deserialize(data, loader);
            if (decoded instanceof TaskResult r && r.value() instanceof KryoValue k) {
                return new TaskResult(KRYO.fromBytes(k.bytes()), r.accumUpdates(), r.metrics());
            }
            return (TaskOutcome) decoded;
        } catch (RuntimeException e) {
            return new TaskOutcome.Failed(new TaskEndReason.ExceptionFailure(new EmberException(
                    "Cannot read the status the executor sent for a task: " + e.getMessage(), e)));
        }
    }
}
