package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.EmberException;
import io.ember.core.LongAccumulator;
import io.ember.core.UnserializableException;
import io.ember.serializer.ClosureSerializer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SerializedTaskStatusTest {
    private static final ClassLoader LOADER = SerializedTaskStatusTest.class.getClassLoader();

    static final class NotSerializable {
        final int x;

        NotSerializable(int x) {
            this.x = x;
        }
    }

    static final class HoldsASocket extends RuntimeException {
        @SuppressWarnings("unused")
        private final transient Object fine = new Object();
        @SuppressWarnings("unused")
        private final Object notFine = new NotSerializable(1);

        HoldsASocket(String m) {
            super(m);
        }
    }

    @Test
    void userExceptionsKeepTheirClassAndMessage() {
        SerializedTaskStatus s = SerializedTaskStatus.encode(new TaskOutcome.Failed(
                new TaskEndReason.ExceptionFailure(new IllegalArgumentException("bad input 7"))));
        TaskEndReason.ExceptionFailure f = assertInstanceOf(TaskEndReason.ExceptionFailure.class,
                s.decode(LOADER).reason());
        assertInstanceOf(IllegalArgumentException.class, f.error());
        assertEquals("bad input 7", f.error().getMessage());
    }

    @Test
    void unserializableExceptionsBecomeText() {
        HoldsASocket original = new HoldsASocket("cannot travel");
        SerializedTaskStatus s = SerializedTaskStatus.encode(new TaskOutcome.Failed(new TaskEndReason.ExceptionFailure(original)));
        TaskEndReason.ExceptionFailure f = (TaskEndReason.ExceptionFailure) s.decode(LOADER).reason();
        UnserializableException u = assertInstanceOf(UnserializableException.class, f.error());
        assertInstanceOf(EmberException.class, u);
        assertEquals(HoldsASocket.class.getName(), u.originalClassName());
        assertEquals(HoldsASocket.class.getName() + ": cannot travel", u.getMessage());
        assertTrue(u.stackTraceText().contains("unserializableExceptionsBecomeText"), u.stackTraceText());
        assertEquals(original.getStackTrace().length, u.getStackTrace().length);
    }

    @Test
    void resultsJavaCannotWriteTravelAsKryo() {
        SerializedTaskStatus s = SerializedTaskStatus.encode(
                new TaskResult(Optional.of(List.of(new NotSerializable(42))), List.of()));
        TaskResult decoded = assertInstanceOf(TaskResult.class, s.decode(LOADER));
        Optional<?> value = (Optional<?>) decoded.value();
        assertEquals(42, ((NotSerializable) ((List<?>) value.orElseThrow()).get(0)).x);
    }

    @Test
    void accumulatorUpdatesTravelWithTheirValues() {
        LongAccumulator driverSide = new LongAccumulator();
        driverSide.add(100);
        // a task receives a zero copy...
        LongAccumulator taskSide = ClosureSerializer.deserialize(ClosureSerializer.serialize(driverSide, "acc"), LOADER);
        assertEquals(0L, taskSide.value());
        taskSide.add(5);
        // ...and its updates go back with the result
        SerializedTaskStatus s = SerializedTaskStatus.encode(new TaskResult("r", List.of(taskSide)));
        TaskResult r = (TaskResult) s.decode(LOADER);
        assertEquals(5L, ((LongAccumulator) r.accumUpdates().get(0)).value());
        assertEquals(driverSide.id(), r.accumUpdates().get(0).id());
    }

    @Test
    void undecodableStatusFailsTheTask() {
        SerializedTaskStatus s = new SerializedTaskStatus(new byte[] {1, 2, 3});
        TaskOutcome decoded = s.decode(LOADER);
        assertInstanceOf(TaskOutcome.Failed.class, decoded);
        assertInstanceOf(TaskEndReason.ExceptionFailure.class, decoded.reason());
    }

    @Test
    void decodedResultsCarryTheirSizeOnTheWire() {
        TaskResult big = new TaskResult(new byte[50_000], List.of());
        SerializedTaskStatus s = SerializedTaskStatus.encode(big);
        TaskResult decoded = assertInstanceOf(TaskResult.class, s.decode(LOADER));
        assertEquals(50_000, ((byte[]) decoded.value()).length);
        assertEquals(s.data().length, decoded.metrics().get(io.ember.core.TaskMetric.RESULT_SIZE));
        assertTrue(s.data().length > 50_000);
        TaskResult viaKryo = (TaskResult) SerializedTaskStatus.encode(
                new TaskResult(Optional.of(7), List.of())).decode(LOADER);
        assertTrue(viaKryo.metrics().get(io.ember.core.TaskMetric.RESULT_SIZE) > 0);
    }
}
