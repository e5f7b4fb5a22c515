package io.ember.scheduler;

import io.ember.core.TaskMetric;
import io.ember.core.TaskMetricValues;
import io.ember.serializer.KryoSerializer;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/**
 * Measures a successful task's result as Spark reports it: the bytes the serialized result
 * takes ({@code resultSize}) and the time serializing it took ({@code resultSerializationTime}).
 *
 * <p>In local mode results stay objects and are never sent, so the local backend measures by
 * serializing the value into a stream that only counts (Java serialization, Kryo for values
 * Java cannot write, as {@link SerializedTaskStatus} would send them). A cluster executor
 * measures the real encoding in {@link SerializedTaskStatus} instead.
 *
 * <p>Threading: stateless apart from the thread-safe Kryo pool; called on task threads.
 */
public final class ResultMeter {
    private final KryoSerializer kryo = new KryoSerializer();

    /** {@code outcome} with its result counted; failures are returned unchanged. */
    public TaskOutcome measured(TaskOutcome outcome) {
        if (!(outcome instanceof TaskResult r)) {
            return outcome;
        }
        long started = System.nanoTime();
        long size = sizeOf(r.value());
        long ms = (System.nanoTime() - started) / 1_000_000;
        TaskMetricValues m = r.metrics().with(TaskMetric.RESULT_SIZE, size)
                .with(TaskMetric.RESULT_SERIALIZATION_TIME, ms);
        return new TaskResult(r.value(), r.accumUpdates(), m);
    }

    /** The serialized size of {@code value}: Java serialization, else Kryo, else 0 (unknown). */
    long sizeOf(Object value) {
        CountingSink sink = new CountingSink();
        try (ObjectOutputStream out = new ObjectOutputStream(sink)) {
            out.writeObject(value);
        } catch (IOException | RuntimeException javaFailed) {
            try {
                return kryo.toBytes(value).length;
            } catch (RuntimeException kryoFailed) {
                return 0;
            }
        }
        return sink.count;
    }

    /** Counts and discards what is written. */
    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
